import Foundation
import GleanerCore
import GleanerStore
import Testing

/// Issue 17's proof: manifest-only plugins of new kinds (`tonnage`, `port`), copied into a
/// folder of plugins outside the repository, are extracted, validated, scored by `glean eval`,
/// stored in SQLite and shown in the report, with no file of glean changed.
@Suite struct NewKindEndToEndTests {
    static let fixture = GleanProcess.root.appendingPathComponent("Tests/CLITests/Fixtures/plugins")

    /// A user's folder of plugin folders, a copy of the fixture's.
    func userPlugins() throws -> String {
        let folder = GleanProcess.temporaryDirectory().appendingPathComponent("my-plugins")
        try FileManager.default.copyItem(at: Self.fixture, to: folder)
        return folder.path
    }

    func articles() throws -> URL {
        let folder = GleanProcess.temporaryDirectory().appendingPathComponent("news")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "Yokohama shipped 40,000 tonnes of steel worth $12 million in 2024.\n"
            .write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "A ten thousand tonne freighter left Nhava Sheva with 2.5 million tons.\n"
            .write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aNewKindIsExtractedValidatedScoredStoredAndReported() throws {
        let plugins = try userPlugins()
        let news = try articles()
        let work = GleanProcess.temporaryDirectory()
        let out = work.appendingPathComponent("dataset"), db = work.appendingPathComponent("store.sqlite")
        let run = try GleanProcess.run(["run", news.path, "--out", out.path, "--db", db.path, "--quiet", "--plugins", plugins])
        #expect(run.status == 0, "\(run.stderr)")

        // Extracted, with values of the number and lookup normalizers' shapes.
        let mentions = try String(contentsOf: out.appendingPathComponent("mentions.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let tonnage = mentions.filter { $0["kind"]?.stringValue == "tonnage" }
        #expect(tonnage.map { $0["text"]?.stringValue ?? "" } == ["40,000 tonnes", "ten thousand tonne", "2.5 million tons"])
        #expect(tonnage.first?["value"] == .object([("value", .int(40000)), ("unit", .string("tonne"))]))
        #expect(mentions.filter { $0["kind"]?.stringValue == "port" }.map { $0["value"] } == [.string("JPYOK"), .string("INNSA")])

        // Validated against the plugins' value shapes; a value edited out of shape is reported.
        let valid = try GleanProcess.run(["validate", out.path, "--plugins", plugins])
        #expect(valid.stdout == "ok: \(out.path) is valid\n", "\(valid.stdout)\(valid.stderr)")
        let file = out.appendingPathComponent("mentions.jsonl")
        let edited = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: #"{"value": 40000, "unit": "tonne"}"#, with: #"{"value": "40000", "unit": "tonne"}"#)
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let invalid = try GleanProcess.run(["validate", out.path, "--plugins", plugins])
        #expect(invalid.status == 1)
        #expect(invalid.stdout == "\(out.path)/mentions.jsonl:2: value.value must be number\n")

        // Scored: the new kinds get their own rows.
        let gold = work.appendingPathComponent("gold.jsonl")
        try """
            {"doc": "a", "kind": "port", "start": 0, "end": 8, "text": "Yokohama", "value": "JPYOK"}
            {"doc": "a", "kind": "tonnage", "start": 17, "end": 30, "text": "40,000 tonnes", "value": {"value": 40000, "unit": "tonne"}}
            {"doc": "b", "kind": "tonnage", "start": 2, "end": 20, "text": "ten thousand tonne", "value": {"value": 10000, "unit": "tonne"}}
            {"doc": "b", "kind": "tonnage", "start": 53, "end": 69, "text": "2.5 million tons", "value": {"value": 2500001, "unit": "tonne"}}

            """.write(to: gold, atomically: true, encoding: .utf8)
        let eval = try GleanProcess.run(["eval", "--gold", gold.path, news.path, "--plugins", plugins, "--kinds", "tonnage,port"])
        #expect(eval.status == 0, "\(eval.stderr)")
        #expect(eval.stdout == """
            2 documents
            kind       gold  pred      P      R     F1  lenF1  value
            port          1     2  0.500  1.000  0.667  0.667  1.000
            tonnage       3     3  1.000  1.000  1.000  1.000  0.667

            """)

        // Stored: kind-generic rows, values as JSON.
        let store = try DatasetStore(path: db.path)
        #expect(try store.query("SELECT text, value FROM mentions WHERE kind = 'tonnage' ORDER BY doc, start")
            == [["40,000 tonnes", #"{"value": 40000, "unit": "tonne"}"#], ["ten thousand tonne", #"{"value": 10000, "unit": "tonne"}"#],
                ["2.5 million tons", #"{"value": 2500000, "unit": "tonne"}"#]])

        // Shown in the report.
        let html = work.appendingPathComponent("report")
        let report = try GleanProcess.run(["report", out.path, "--html", html.path])
        #expect(report.status == 0, "\(report.stderr)")
        let overview = try String(contentsOf: html.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(overview.contains("tonnage") && overview.contains("port"))
        let page = try String(contentsOf: html.appendingPathComponent("docs/1.html"), encoding: .utf8)
        #expect(page.contains("tonnage"))
    }

    @Test func aFolderOfPluginsAndGLEANPLUGINSListThemAll() throws {
        let plugins = try userPlugins()
        let percentage = GleanProcess.root.appendingPathComponent("Tests/ExtractorExampleTests/Fixtures/percentage").path
        func ids(_ output: GleanProcess.Output) -> [String] {
            output.stdout.split(separator: "\n").dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) }
        }
        let listed = try GleanProcess.run(["plugins", "list", "--plugins", plugins, "--plugins", percentage])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(ids(listed) == ["dates", "money", "programs", "exercises", "parties", "ports", "tonnage", "percentage"])
        let fromEnvironment = try GleanProcess.run(["plugins", "list"], environment: ["GLEAN_PLUGINS": "\(plugins)::\(percentage)"])
        #expect(ids(fromEnvironment) == ids(listed))
        // The same folder from the variable and the option loads once.
        let both = try GleanProcess.run(["plugins", "list", "--plugins", plugins], environment: ["GLEAN_PLUGINS": plugins])
        #expect(ids(both) == ["dates", "money", "programs", "exercises", "parties", "ports", "tonnage"])
        let missing = try GleanProcess.run(["plugins", "list", "--plugins", plugins + "/nowhere"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "glean: \(plugins)/nowhere: error: no such folder (--plugins names a plugin folder or a folder of plugin folders)\n")
        let empty = GleanProcess.temporaryDirectory().path
        let notPlugins = try GleanProcess.run(["plugins", "list", "--plugins", empty])
        #expect(notPlugins.stderr == "glean: \(empty): error: no manifest.yaml in this folder nor in any folder inside it: not a plugin folder or a folder of plugin folders\n")
    }
}
