import Foundation
import GleanerCore

/// One input file as the reader sees it, resolved once in a benchmark's setup.
struct InputFile {
    let reader = InputReader()
    let source: InputReader.Source
    let bytes: Int

    init(path: String) throws {
        guard let source = try reader.sources([path]).first else {
            throw BenchmarkSetupError("\(path): not an input file")
        }
        self.source = source
        bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
