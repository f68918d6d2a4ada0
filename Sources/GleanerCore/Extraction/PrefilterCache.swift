import Foundation

/// Compiled prefilter databases saved on disk: Vectorscan takes seconds to compile the
/// built-in rules, so a database is compiled once per rule set, library version and machine,
/// then loaded in milliseconds. The key is the SHA-256 of everything the database depends on;
/// a file that does not load is compiled again and replaced. Any failure to read or write the
/// cache only costs the compile time.
///
/// Where: `$GLEAN_CACHE_DIR`, else `$XDG_CACHE_HOME/glean`, else `~/.cache/glean`.
/// `GLEAN_CACHE_DIR=off` turns the cache off.
enum PrefilterCache {
    static var directory: String? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["GLEAN_CACHE_DIR"], !explicit.isEmpty {
            return explicit == "off" ? nil : explicit
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/glean" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/glean" }
        return NSTemporaryDirectory() + "glean-cache"
    }

    /// The database for `expressions`, from the cache when possible.
    static func database(for expressions: [VectorscanDatabase.Expression]) -> VectorscanDatabase {
        guard let directory else { return VectorscanDatabase(expressions: expressions) }
        var key = "glean-prefilter-1\n\(VectorscanDatabase.version)\n"
        for expression in expressions {
            key += "\(expression.id)\t\(expression.options.rawValue)\t\(expression.pattern)\t\(expression.widthPattern ?? "-")\n"
        }
        let path = "\(directory)/prefilter-\(SHA256.hex(Array(key.utf8))).hsdb"
        if let data = FileManager.default.contents(atPath: path), let database = decode(Array(data), count: expressions.count) {
            return database
        }
        let database = VectorscanDatabase(expressions: expressions)
        if let bytes = encode(database) {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let temporary = "\(path).\(ProcessInfo.processInfo.processIdentifier).tmp"
            if FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) {
                // rename(2) is atomic: a concurrent reader sees the old file or the whole new one.
                if rename(temporary, path) != 0 { unlink(temporary) }
            }
        }
        return database
    }

    /// One header line per expression (`b<bytes>`, `u`, `r<reason>`), a blank line, the database.
    private static func encode(_ database: VectorscanDatabase) -> [UInt8]? {
        var header = ""
        for coverage in database.coverage {
            switch coverage {
            case .bounded(let bytes): header += "b\(bytes)\n"
            case .unbounded: header += "u\n"
            case .rejected(let reason): header += "r\(reason.replacingOccurrences(of: "\n", with: " "))\n"
            }
        }
        return Array((header + "\n").utf8) + (database.serialized() ?? [])
    }

    private static func decode(_ bytes: [UInt8], count: Int) -> VectorscanDatabase? {
        var coverage: [VectorscanDatabase.Coverage] = []
        var index = 0
        while coverage.count < count {
            guard let newline = bytes[index...].firstIndex(of: 0x0A), newline > index else { return nil }
            let line = String(decoding: bytes[(index + 1)..<newline], as: UTF8.self)
            switch bytes[index] {
            case UInt8(ascii: "b"):
                guard let width = Int(line) else { return nil }
                coverage.append(.bounded(maxBytes: width))
            case UInt8(ascii: "u"): coverage.append(.unbounded)
            case UInt8(ascii: "r"): coverage.append(.rejected(reason: line))
            default: return nil
            }
            index = newline + 1
        }
        guard index < bytes.count, bytes[index] == 0x0A else { return nil }
        return VectorscanDatabase(serialized: Array(bytes[(index + 1)...]), coverage: coverage)
    }
}
