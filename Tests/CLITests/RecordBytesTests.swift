import Foundation
import GleanerCore
import Testing

/// The records `glean run` writes through its byte encoders (`RecordEncoder`, `MentionLines`)
/// are byte for byte what the generic JSON writer makes of the same values: key order,
/// escapes, numbers and the `", "` / `": "` separators, on the whole corpus.
@Suite struct RecordBytesTests {
    @Test(arguments: [["--jobs", "1"], ["--jobs", "3", "--explain", "--context"]])
    func everyLineIsTheGenericWritersBytes(options: [String]) throws {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        let result = try GleanProcess.run(["run", "Corpus/articles", "--out", out.path] + options)
        #expect(result.status == 0, "\(result.stderr)")
        var files = ["documents.jsonl", "mentions.jsonl", "entities.jsonl"]
        if options.contains("--explain") { files.append("decisions.jsonl") }
        for file in files {
            let bytes = try Data(contentsOf: out.appendingPathComponent(file))
            #expect(bytes.last == 0x0A, "\(file) ends with a newline")
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
            #expect(lines.count > 0 || file == "decisions.jsonl", "\(file) is empty")
            for (number, line) in lines.enumerated() {
                let text = String(decoding: line, as: UTF8.self)
                let value = try JSONParser.parse(text)
                #expect(JSONWriter.string(value) == text, "\(file):\(number + 1)")
            }
        }
    }
}
