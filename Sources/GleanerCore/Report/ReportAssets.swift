/// The report's shared CSS (`report.css`) and script (`report.js`), written once beside the
/// pages. No fonts, images or scripts are fetched from elsewhere.
enum ReportAssets {
    /// Kind colours (`k0`…): light backgrounds that keep dark text readable (contrast ≥ 7:1),
    /// each with a distinct underline style so that kinds differ without colour too.
    static let paletteSize = 8

    /// Colour class of a kind: its place among the dataset's kinds, cycling through the palette.
    static func kindClass(_ kind: String, in kinds: [String]) -> String {
        "k\((kinds.firstIndex(of: kind) ?? 0) % paletteSize)"
    }

    static let css = """
        :root { --fg: #1b1b1b; --bg: #fdfdfc; --muted: #555; --line: #d6d6d6; --accent: #0b57d0; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
        header { padding: .75rem 1rem; border-bottom: 1px solid var(--line); }
        header h1 { margin: 0; font-size: 1.25rem; }
        header p { margin: .2rem 0 0; color: var(--muted); overflow-wrap: anywhere; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: .5rem; top: .5rem; background: #fff; padding: .25rem .5rem; z-index: 3; }
        .layout { display: grid; grid-template-columns: 16rem minmax(0, 1fr); gap: 1.5rem; padding: 1rem; max-width: 80rem; margin: 0 auto; }
        .controls { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; font-size: .95rem; }
        fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .75rem; padding: .4rem .6rem; }
        legend { font-weight: 600; padding: 0 .25rem; }
        label { display: flex; align-items: center; gap: .4rem; padding: .2rem 0; cursor: pointer; }
        label .name { flex: 1; overflow-wrap: anywhere; }
        input[type=checkbox] { width: 1.1rem; height: 1.1rem; margin: 0; }
        .count { font-variant-numeric: tabular-nums; color: var(--muted); }
        .swatch { display: inline-block; width: 1rem; height: 1rem; border-radius: 3px; border-bottom: 3px solid; }
        #shown { margin: .25rem 0 .75rem; color: var(--muted); }
        .toc ol { padding-left: 1.4rem; margin: .4rem 0; }
        .toc a { overflow-wrap: anywhere; }
        .hint { color: var(--muted); font-size: .85rem; }
        article { border-bottom: 1px solid var(--line); padding-bottom: 1rem; margin-bottom: 1.5rem; }
        article h2 { font-size: 1.1rem; margin: 0 0 .2rem; overflow-wrap: anywhere; }
        .meta { color: var(--muted); margin: 0 0 .6rem; font-size: .9rem; overflow-wrap: anywhere; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 46rem; }
        .note { font-style: italic; color: var(--muted); }
        .mentions { padding-left: 1.2rem; }
        .where { color: var(--muted); font-size: .85rem; }
        header a { color: var(--accent); }
        .overview { max-width: 64rem; margin: 0 auto; padding: 0 1rem 2rem; }
        .overview h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; }
        .sections { margin: .8rem 0; }
        .overview a { color: var(--accent); }
        table { border-collapse: collapse; width: 100%; font-size: .95rem; }
        th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
        .pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 2.5rem; }
        @media (max-width: 720px) { .pair { grid-template-columns: 1fr; } }
        thead th { border-bottom: 2px solid var(--line); font-weight: 600; }
        tbody th { font-weight: 500; }
        .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .timeline { list-style: none; padding: 0; margin: 0; }
        .timeline li { display: grid; grid-template-columns: 4rem minmax(0, 1fr) 4rem; gap: .5rem; align-items: center; padding: .1rem 0; }
        .timeline .year { font-variant-numeric: tabular-nums; }
        .timeline .bar { display: block; height: .9rem; background: var(--accent); border-radius: 2px; min-width: 2px; }
        mark.m { color: inherit; border-radius: 3px; padding: 0 .1em; border-bottom: 2px solid; cursor: help; }
        mark.m:focus { outline: 3px solid var(--accent); outline-offset: 1px; }
        mark.m.off { background: none; border-bottom-color: transparent; cursor: auto; }
        .k0 { background: #fde8a8; border-bottom-color: #8a6100; }
        .k1 { background: #c9f0cf; border-bottom-color: #1d6b2c; border-bottom-style: double; border-bottom-width: 3px; }
        .k2 { background: #d4e4ff; border-bottom-color: #1f4fa3; border-bottom-style: dashed; }
        .k3 { background: #f6d3ec; border-bottom-color: #8c2a72; border-bottom-style: dotted; border-bottom-width: 3px; }
        .k4 { background: #ffd9c7; border-bottom-color: #9c3b0e; }
        .k5 { background: #d2f1f0; border-bottom-color: #0d6663; border-bottom-style: double; border-bottom-width: 3px; }
        .k6 { background: #e6dcfb; border-bottom-color: #553399; border-bottom-style: dashed; }
        .k7 { background: #e4e9d0; border-bottom-color: #4b5b12; border-bottom-style: dotted; border-bottom-width: 3px; }
        #tip { position: absolute; z-index: 2; max-width: min(26rem, 92vw); background: #222; color: #fff; padding: .5rem .7rem; border-radius: 6px; font-size: .9rem; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
        #tip dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: .1rem .6rem; }
        #tip dt { color: #bbb; }
        #tip dd { margin: 0; overflow-wrap: anywhere; font-family: ui-monospace, Menlo, Consolas, monospace; }
        @media (max-width: 720px) {
          .layout { grid-template-columns: 1fr; padding: .75rem; gap: .5rem; }
          .controls { position: static; max-height: none; }
          fieldset { display: flex; flex-wrap: wrap; gap: 0 1rem; }
          label { padding: .35rem 0; }
          #tip { position: fixed !important; left: 0 !important; right: 0 !important; top: auto !important; bottom: 0 !important; max-width: none; border-radius: 8px 8px 0 0; }
        }
        @media (prefers-color-scheme: dark) {
          :root { --fg: #e8e8e8; --bg: #161616; --muted: #aaa; --line: #3a3a3a; --accent: #8ab4f8; }
          mark.m:not(.off), .swatch { color: #1b1b1b; }
        }
        """

    /// Filters (kept in the URL fragment, `#hide=kind:date,plugin:money`, so that a view can
    /// be shared or opened directly), counts, and the details popup on hover and focus.
    static let script = """
        (function () {
          "use strict";
          var marks = Array.prototype.slice.call(document.querySelectorAll("mark.m"));
          var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
          var tip = document.getElementById("tip");
          var pinned = null;
          function hidden() {
            var off = {};
            boxes.forEach(function (box) { if (!box.checked) off[box.dataset.filter + ":" + box.value] = true; });
            return off;
          }
          function apply() {
            var off = hidden(), shown = 0, visible = {};
            marks.forEach(function (mark) {
              var on = !off["kind:" + mark.dataset.kind] && !off["plugin:" + mark.dataset.plugin];
              mark.classList.toggle("off", !on);
              mark.tabIndex = on ? 0 : -1;
              if (on) {
                shown += 1;
                visible["kind:" + mark.dataset.kind] = (visible["kind:" + mark.dataset.kind] || 0) + 1;
                visible["plugin:" + mark.dataset.plugin] = (visible["plugin:" + mark.dataset.plugin] || 0) + 1;
              }
            });
            document.querySelectorAll("output.count").forEach(function (out) {
              var key = out.dataset.kind !== undefined ? "kind:" + out.dataset.kind : "plugin:" + out.dataset.plugin;
              var n = visible[key] || 0;
              out.textContent = String(n);
              out.title = n + " of " + out.dataset.total + " shown";
            });
            document.getElementById("shown").textContent = "Showing " + shown + " of " + marks.length + " mentions";
            var keys = Object.keys(off);
            var hash = keys.length ? "#hide=" + keys.map(encodeURIComponent).join(",") : "";
            if (location.hash !== hash && (hash || location.hash.indexOf("#hide=") === 0)) {
              history.replaceState(null, "", hash || location.pathname + location.search);
            }
            hide();
          }
          function readHash() {
            var off = {};
            if (location.hash.indexOf("#hide=") === 0) {
              location.hash.slice(6).split(",").forEach(function (key) { off[decodeURIComponent(key)] = true; });
            }
            boxes.forEach(function (box) { box.checked = !off[box.dataset.filter + ":" + box.value]; });
          }
          function row(list, name, value) {
            var dt = document.createElement("dt"), dd = document.createElement("dd");
            dt.textContent = name; dd.textContent = value;
            list.appendChild(dt); list.appendChild(dd);
          }
          function show(mark) {
            if (mark.classList.contains("off")) return;
            var list = document.createElement("dl");
            row(list, "kind", mark.dataset.kind);
            row(list, "text", mark.textContent);
            row(list, "value", mark.dataset.value);
            row(list, "rule", mark.dataset.rule);
            row(list, "plugin", mark.dataset.extractor);
            row(list, "span", mark.dataset.span);
            tip.replaceChildren(list);
            tip.hidden = false;
            var box = mark.getBoundingClientRect();
            var left = Math.max(4, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4));
            tip.style.left = left + "px";
            tip.style.top = (box.bottom + window.scrollY + 6) + "px";
            marks.forEach(function (other) { other.removeAttribute("aria-describedby"); });
            mark.setAttribute("aria-describedby", "tip");
            pinned = mark;
          }
          function hide() {
            tip.hidden = true;
            if (pinned) pinned.removeAttribute("aria-describedby");
            pinned = null;
          }
          marks.forEach(function (mark) {
            mark.addEventListener("mouseenter", function () { show(mark); });
            mark.addEventListener("mouseleave", function () { if (document.activeElement !== mark) hide(); });
            mark.addEventListener("focus", function () { show(mark); });
            mark.addEventListener("blur", hide);
            mark.addEventListener("click", function () { show(mark); });
          });
          document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
          boxes.forEach(function (box) { box.addEventListener("change", apply); });
          window.addEventListener("hashchange", function () { readHash(); apply(); });
          readHash();
          apply();
        })();
        """
}
