import Foundation

/// Compiled prefilters saved on disk: deriving the prefilter expressions and windows from the
/// rules and compiling them with Vectorscan takes seconds, so it is done once per rule set,
/// library version and machine, then loaded in milliseconds. The key is the SHA-256 of the
/// rules' expanded patterns and options (everything the result depends on) and of the
/// format and library versions; a file that does not load is compiled again and replaced.
/// Reading or writing the cache can only fail into compiling.
///
/// Where: `$GLEAN_CACHE_DIR`, else `$XDG_CACHE_HOME/glean`, else `~/.cache/glean`.
/// `GLEAN_CACHE_DIR=off` turns the cache off. Only the newest `kept` databases stay.
enum PrefilterCache {
    /// Bump when the derivation of expressions or windows changes.
    static let format = "glean-prefilter-9"

    static var directory: String? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["GLEAN_CACHE_DIR"], !explicit.isEmpty {
            return explicit == "off" ? nil : explicit
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/glean" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/glean" }
        return NSTemporaryDirectory() + "glean-cache"
    }

    /// The file that holds (or will hold) these plugins' compiled prefilter.
    static func path(for plugins: [Plugin], in directory: String) -> String {
        var key = "\(format)\n\(VectorscanDatabase.version)\n\(PatternComposer.prefilterCharacters)\n"
        for plugin in plugins {
            for rule in plugin.rules {
                key += "\(rule.manifest.options.rawValue)\t\(rule.manifest.prefilter)\t\(rule.expandedPatterns.joined(separator: "\t"))\n"
            }
            key += plugin.prefilterDependencies
        }
        return "\(directory)/prefilter-\(SHA256.hex(Array(key.utf8))).hsdb"
    }

    /// Whether building an engine with these plugins will compile (seconds) rather than load.
    static func willCompile(for plugins: [Plugin]) -> Bool {
        guard VectorscanDatabase.isAvailable else { return false }
        guard let directory else { return true }
        return !FileManager.default.fileExists(atPath: path(for: plugins, in: directory))
    }

    static func compiled(for plugins: [Plugin], compile: () -> CandidatePrefilter.Compiled) -> CandidatePrefilter.Compiled {
        guard let directory else { return compile() }
        let path = path(for: plugins, in: directory)
        let units = plugins.reduce(0) { $0 + $1.unitCount }
        if let data = FileManager.default.contents(atPath: path), let cached = decode(Array(data), units: units) {
            return cached
        }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // One process compiles; the others (parallel jobs, tests) wait for its file.
        let lock = open(path + ".lock", O_CREAT | O_RDWR, 0o644)
        if lock >= 0 { flock(lock, LOCK_EX) }
        defer { if lock >= 0 { flock(lock, LOCK_UN); close(lock) } }
        if let data = FileManager.default.contents(atPath: path), let cached = decode(Array(data), units: units) {
            return cached
        }
        let compiled = compile()
        let temporary = "\(path).\(ProcessInfo.processInfo.processIdentifier).tmp"
        if FileManager.default.createFile(atPath: temporary, contents: Data(encode(compiled))) {
            // rename(2) is atomic: a concurrent reader sees the old file or the whole new one.
            if rename(temporary, path) != 0 { unlink(temporary) }
        }
        prune(directory, keeping: path)
        return compiled
    }

    /// Databases kept: each edit of a rule set makes a new one (0.1–3 MB), so the oldest go.
    static let kept = 24

    /// Removes all but the `kept` most recently written databases (and their lock files).
    static func prune(_ directory: String, keeping current: String) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return }
        let databases = names.filter { $0.hasPrefix("prefilter-") && $0.hasSuffix(".hsdb") }.map { directory + "/" + $0 }
        guard databases.count > kept else { return }
        let dated = databases.map { path in
            (path, (try? manager.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast)
        }
        for (path, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(kept) where path != current {
            // Another process may hold the lock to compile this key again: it rewrites the file.
            unlink(path)
            unlink(path + ".lock")
        }
    }

    /// Per unit a line: `w <maxCost or -> <256 class digits> <0|1 no-break space>` or
    /// `r <reason>`; then per database expression `b<bytes>`, `u` or `r<reason>`; then a blank
    /// line and the serialized database.
    private static func encode(_ compiled: CandidatePrefilter.Compiled) -> [UInt8] {
        var header = "\(compiled.windows.count) \(compiled.database.coverage.count)\n"
        for (window, rejection) in zip(compiled.windows, compiled.rejections) {
            if let window {
                let classes = String(decoding: window.classes.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
                header += "w \(window.maxCost.map(String.init) ?? "-") \(classes) \(window.elasticNoBreakSpace ? 1 : 0)\n"
            } else {
                header += "r \((rejection ?? "").replacingOccurrences(of: "\n", with: " "))\n"
            }
        }
        for coverage in compiled.database.coverage {
            switch coverage {
            case .bounded(let bytes): header += "b\(bytes)\n"
            case .unbounded: header += "u\n"
            case .rejected(let reason): header += "r\(reason.replacingOccurrences(of: "\n", with: " "))\n"
            }
        }
        return Array((header + "\n").utf8) + (compiled.database.serialized() ?? [])
    }

    private static func decode(_ bytes: [UInt8], units: Int) -> CandidatePrefilter.Compiled? {
        var index = 0
        func line() -> String? {
            guard let newline = bytes[index...].firstIndex(of: 0x0A) else { return nil }
            defer { index = newline + 1 }
            return String(decoding: bytes[index..<newline], as: UTF8.self)
        }
        guard let counts = line()?.split(separator: " ").compactMap({ Int($0) }), counts.count == 2, counts[0] == units else {
            return nil
        }
        var windows: [CandidateWindow?] = []
        var rejections: [String?] = []
        for _ in 0..<units {
            guard let text = line() else { return nil }
            if text.hasPrefix("r ") {
                windows.append(nil)
                rejections.append(String(text.dropFirst(2)))
                continue
            }
            let fields = text.split(separator: " ")
            guard fields.count == 4, fields[0] == "w", fields[2].utf8.count == 256 else { return nil }
            windows.append(CandidateWindow(maxCost: Int(fields[1]), classes: fields[2].utf8.map { $0 - UInt8(ascii: "0") },
                                           elasticNoBreakSpace: fields[3] == "1"))
            rejections.append(nil)
        }
        var coverage: [VectorscanDatabase.Coverage] = []
        for _ in 0..<counts[1] {
            guard let text = line(), let kind = text.first else { return nil }
            switch kind {
            case "b":
                guard let width = Int(text.dropFirst()) else { return nil }
                coverage.append(.bounded(maxBytes: width))
            case "u": coverage.append(.unbounded)
            case "r": coverage.append(.rejected(reason: String(text.dropFirst())))
            default: return nil
            }
        }
        guard line() == "", let database = VectorscanDatabase(serialized: Array(bytes[index...]), coverage: coverage) else {
            return nil
        }
        return CandidatePrefilter.Compiled(database: database, windows: windows, rejections: rejections)
    }
}
