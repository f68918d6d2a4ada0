import Foundation
import Testing

/// The tools that say where matching time goes: `glean bench --rules` and
/// `glean plugins check --prefilter`. Their timings are never judged, only their shape.
@Suite struct PerformanceToolsTests {
    @Test func benchRulesListsEveryRuleWithItsCandidates() throws {
        let bench = try GleanProcess.run(["bench", "--mb", "0.05", "--rounds", "1", "--warmup", "0", "--jobs", "1", "--rules"])
        #expect(bench.status == 0, "\(bench.stderr)")
        let lines = bench.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("throughput ") })
        guard lines.contains(where: { $0.hasPrefix("prefilter       Vectorscan") }) else { return }  // built without it
        let header = try #require(lines.firstIndex { $0.hasPrefix("rules (per round") })
        let rows = lines[(header + 2)...].map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        // Every rule of the four plugins, each with two times and three counts.
        #expect(rows.count == lines.count - header - 2)
        #expect(Set(rows.map { String($0[0]) }).isSuperset(of: ["programs.known", "dates.year", "money.post", "exercises.known-bare"]))
        #expect(rows.allSatisfy { $0.count == 6 && $0[1].hasSuffix("ms") && Int($0[3]) != nil })
        // The corpus has program names: the lexicon rule confirms some of its candidates.
        let known = try #require(rows.first { $0[0] == "programs.known" })
        #expect(Int(known[3])! >= Int(known[4])! && Int(known[4])! > 0)
    }

    @Test func benchScanCostsTimesEachRulesPrefilterAlone() throws {
        let bench = try GleanProcess.run(["bench", "--mb", "0.05", "--rounds", "1", "--warmup", "0", "--jobs", "1",
                                          "--kinds", "exercise", "--scan-costs"])
        #expect(bench.status == 0, "\(bench.stderr)")
        let lines = bench.stdout.split(separator: "\n").map(String.init)
        guard lines.contains(where: { $0.hasPrefix("prefilter       Vectorscan") }) else { return }  // built without it
        let header = try #require(lines.firstIndex { $0.hasPrefix("Vectorscan scan per rule") })
        let rows = lines[(header + 2)...].map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        // One row per exercise rule: its cost per MB and its events per MB.
        #expect(rows.count >= 8 && rows.allSatisfy { $0[0].hasPrefix("exercises.") })
        #expect(rows.allSatisfy { $0.count == 3 && Double($0[1]) != nil && Int($0[2]) != nil })
        // The corpus says `exercise`: the rule scanning for that word reports ends.
        let after = try #require(rows.first { $0[0] == "exercises.after-exercise" })
        #expect(Int(after[2])! > 0)
    }

    @Test func checkPrefilterSaysWhatEachRuleScansFor() throws {
        let checked = try GleanProcess.run(["plugins", "check", "--prefilter"])
        #expect(checked.status == 0, "\(checked.stderr)")
        let lines = checked.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last?.hasPrefix("ok: built-in plugins: 5 plugins") == true)
        if lines.contains("prefilter: glean was built without Vectorscan; PCRE2 scans every rule alone") { return }
        // A literal every match contains (exercises), or the pattern when it asks for it (money).
        let exercise = try #require(lines.firstIndex { $0.hasPrefix("prefilter: exercises.after-exercise: window ") })
        #expect(lines[exercise + 1] == "  exact  [Ee]xercise")
        let compound = try #require(lines.firstIndex { $0.hasPrefix("prefilter: money.pre-compound: window ") })
        #expect(lines[compound + 1].hasPrefix("  exact  (?:"))
        #expect(lines[compound + 1].count > 40)
    }
}
