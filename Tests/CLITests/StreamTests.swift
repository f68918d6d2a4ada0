import Foundation
import GleanerCore
import Testing

/// `glean stream`: mentions then a status line per document, in input order; bad lines get an
/// error status line and the stream goes on.
@Suite struct StreamTests {
    func parse(_ output: String) throws -> [JSONValue] {
        try output.split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    @Test func mentionsThenOneStatusLinePerDocumentInInputOrder() throws {
        let input = """
            {"id": "b", "text": "Signed on 2 January 2020 for $10 million.", "lang": "en"}
            {"id": "a", "text": "Nothing here."}

            {"id": "c", "text": "In 2018 the army bought $2 million of kit."}
            """
        let result = try GleanProcess.run(["stream"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try parse(result.stdout)
        #expect(lines.map { $0["doc"]?.stringValue ?? "" } == ["b", "b", "b", "a", "c", "c", "c"])
        #expect(lines.map { $0["status"]?.stringValue ?? "-" } == ["-", "-", "ok", "ok", "-", "-", "ok"])
        #expect(lines[0]["id"]?.stringValue == "b#10-24")
        #expect(lines[2].objectPairs?.map(\.0) == ["doc", "status", "source", "sha256", "bytes", "codePoints", "counts", "meta"])
        #expect(lines[2]["source"]?.stringValue == "<stdin>:1" && lines[6]["source"]?.stringValue == "<stdin>:4")
        #expect(lines[2]["meta"] == .object([("lang", .string("en"))]))
    }

    @Test func aBadLineGetsAnErrorStatusAndTheStreamGoesOn() throws {
        let input = """
            not json
            {"id": "../x", "text": "y"}
            {"id": "n"}
            {"id": "d", "text": "In 2019."}
            {"id": "d", "text": "In 2020."}
            {"id": "e", "text": "In 2021."}
            """
        let result = try GleanProcess.run(["stream"], stdin: input)
        #expect(result.status == 1)
        #expect(result.stderr == "glean: 4 document(s) failed: see their status lines\n")
        let statuses = try parse(result.stdout).filter { $0["status"] != nil }
        #expect(statuses.map { JSONWriter.string(.object(Array(($0.objectPairs ?? []).prefix(4)))) } == [
            #"{"doc": null, "status": "error", "error": "not a JSON document record: \#(try errorOf("not json"))", "source": "<stdin>:1"}"#,
            #"{"doc": null, "status": "error", "error": "`id` must be a non-empty string with no NUL, no `..` segment, not starting with `/`", "source": "<stdin>:2"}"#,
            #"{"doc": "n", "status": "error", "error": "`text` must be a string", "source": "<stdin>:3"}"#,
            #"{"doc": "d", "status": "ok", "source": "<stdin>:4", "sha256": "\#(SHA256.hex("In 2019.".utf8))"}"#,
            #"{"doc": "d", "status": "error", "error": "duplicate document id 'd' in <stdin>:4 and <stdin>:5", "source": "<stdin>:5"}"#,
            #"{"doc": "e", "status": "ok", "source": "<stdin>:6", "sha256": "\#(SHA256.hex("In 2021.".utf8))"}"#,
        ])
    }

    func errorOf(_ line: String) throws -> String {
        do { _ = try JSONParser.parse(line); return "" } catch { return "\(error)" }
    }

    @Test func invalidUTF8IsReplacedAndCounted() throws {
        let input = Data("{\"id\": \"u\", \"text\": \"caf".utf8 + [0xE9] + Array(" 2019\"}\n".utf8))
        let process = try GleanProcess.run(["stream", "--kinds", "date"], stdinData: input)
        let lines = try parse(process.stdout)
        #expect(lines.first?["text"]?.stringValue == "2019" && lines.first?["start"] == .int(5))
        #expect(lines.last?["replacements"] == .int(1))
    }

    @Test func streamWritesTheSameMentionsAsRun() throws {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        let run = try GleanProcess.run(["run", "Corpus/articles", "--out", out.path, "--quiet"])
        #expect(run.status == 0)
        let folder = GleanProcess.root.appendingPathComponent("Corpus/articles")
        var input = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            input += JSONWriter.string(.object([("id", .string(String(name.dropLast(4)))), ("text", .string(text))])) + "\n"
        }
        let stream = try GleanProcess.run(["stream"], stdin: input)
        #expect(stream.status == 0)
        let mentions = stream.stdout.split(separator: "\n").filter { $0.hasPrefix("{\"id\": ") }.map { $0 + "\n" }.joined()
        #expect(mentions == (try String(contentsOf: out.appendingPathComponent("mentions.jsonl"), encoding: .utf8)))
    }
}
