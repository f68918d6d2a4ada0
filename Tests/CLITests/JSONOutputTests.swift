import Foundation
import Testing

/// `--json` on the commands whose output scripts read, as jq users expect: one JSON document
/// on standard output with the numbers and names of the text output.
@Suite struct JSONOutputTests {
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func explainJSONHoldsTheRecordsOfARun() throws {
        let result = try GleanProcess.run(["explain", "--json", "The navies held Malabar 2019 off Japan."])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try Self.object(result.stdout)
        let mentions = try #require(json["mentions"] as? [[String: Any]])
        #expect(mentions.map { $0["text"] as? String } == ["Malabar 2019", "Japan"])
        #expect(mentions[0]["rule"] as? String == "dated-in-context")
        #expect((mentions[0]["value"] as? [String: Any])?["year"] as? Int == 2019)
        #expect((mentions[1]["value"] as? [String: Any])?["code"] as? String == "JP")
        let dropped = try #require(json["dropped"] as? [[String: Any]])
        #expect(dropped.map { $0["text"] as? String } == ["Malabar 2019", "Malabar 2019", "2019"])
        #expect(dropped[2]["reason"] as? String == "overlaps a longer candidate")
        #expect((json["ruleFailures"] as? [Any])?.isEmpty == true)
    }

    @Test func evalJSONHasTheTablesNumbers() throws {
        let table = try GleanProcess.run(["eval", "--gold", "Corpus/gold", "--kinds", "date,money"])
        let result = try GleanProcess.run(["eval", "--gold", "Corpus/gold", "--kinds", "date,money", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try Self.object(result.stdout)
        #expect(json["documents"] as? Int == 5)
        let kinds = try #require(json["kinds"] as? [[String: Any]])
        #expect(kinds.map { $0["kind"] as? String } == ["date", "money"])
        for kind in kinds {
            // The table's row for the kind: kind gold pred P R F1 lenF1 value.
            let row = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix((kind["kind"] as? String ?? "") + " ") })
            let cells = row.split(separator: " ")
            #expect(kind["gold"] as? Int == Int(cells[1]))
            #expect(kind["predicted"] as? Int == Int(cells[2]))
            #expect(String(format: "%.3f", kind["f1"] as? Double ?? -1) == String(cells[5]))
        }
    }

    @Test func validateJSONSaysValidOrListsTheProblems() throws {
        let folder = GleanProcess.temporaryDirectory()
        let out = folder.appendingPathComponent("dataset").path
        #expect(try GleanProcess.run(["run", "-q", "-o", out, "Corpus/articles"]).status == 0)
        let valid = try GleanProcess.run(["validate", "--json", out])
        #expect(valid.status == 0)
        #expect(try Self.object(valid.stdout)["valid"] as? Bool == true)
        let mentions = out + "/mentions.jsonl"
        let lines = try String(contentsOfFile: mentions, encoding: .utf8).split(separator: "\n")
        try (["{not json"] + lines.dropFirst()).joined(separator: "\n").appending("\n").write(toFile: mentions, atomically: true, encoding: .utf8)
        let invalid = try GleanProcess.run(["validate", "--json", out])
        #expect(invalid.status == 1)
        let json = try Self.object(invalid.stdout)
        #expect(json["valid"] as? Bool == false)
        let problems = try #require(json["problems"] as? [String])
        #expect(problems.contains(out + "/mentions.jsonl:1: not JSON: expected a key at byte 1"))
    }

    @Test func pluginsListCheckAndTestSpeakJSON() throws {
        let list = try GleanProcess.run(["plugins", "list", "--json", "-p", PluginsCommandTests.percentage])
        #expect(list.status == 0, "\(list.stderr)")
        let plugins = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(plugins.map { $0["id"] as? String } == ["dates", "money", "programs", "exercises", "parties", "percentage"])
        #expect(plugins.last?["rules"] as? Int == 2)
        #expect(plugins.last?["source"] as? String == PluginsCommandTests.percentage)

        let check = try GleanProcess.run(["plugins", "check", "--json", PluginsCommandTests.percentage])
        #expect(check.status == 0)
        let checked = try Self.object(check.stdout)
        #expect(checked["plugins"] as? Int == 1)
        #expect(checked["rules"] as? Int == 2)
        #expect((checked["warnings"] as? [Any])?.isEmpty == true)

        let test = try GleanProcess.run(["plugins", "test", "--json", "-p", PluginsCommandTests.percentage, "percentage"])
        #expect(test.status == 0)
        let tested = try Self.object(test.stdout)
        #expect(tested["examples"] as? Int == 3)
        #expect(tested["failures"] as? Int == 0)
        let first = try #require((tested["plugins"] as? [[String: Any]])?.first)
        #expect(first["id"] as? String == "percentage")
        #expect(first["passed"] as? Int == 3)
    }

    @Test func pluginsTestJSONCarriesEachFailureAndItsDiff() throws {
        let folder = GleanProcess.temporaryDirectory()
        try """
            id: ships
            version: "1"
            kind: ship
            normalizer: text
            rules:
              - id: greedy
                pattern: 'INS(?: [A-Za-z]+)+'
                examples:
                  - text: "The ⟦INS Vikrant⟧ sailed."
            """.write(to: folder.appendingPathComponent("manifest.yaml"), atomically: true, encoding: .utf8)
        let result = try GleanProcess.run(["plugins", "test", "--json", "--plugins", folder.path, "ships"])
        #expect(result.status == 1)
        let json = try Self.object(result.stdout)
        #expect(json["failures"] as? Int == 1)
        let failure = try #require(((json["plugins"] as? [[String: Any]])?.first?["failures"] as? [[String: Any]])?.first)
        #expect(failure["rule"] as? String == "greedy")
        #expect((failure["location"] as? String)?.hasPrefix(folder.path + "/manifest.yaml:") == true)
        #expect((failure["diff"] as? [String])?.contains { $0.contains("⟦INS Vikrant sailed⟧") } == true)
    }
}
