import Yams

/// Loads plugin bundles into compiled `Plugin`s: reads the manifest, loads its lexicons,
/// finds its normalizer, compiles every pattern. Every mistake is a `PluginError` raised
/// before any document is read.
public struct PluginLoader: Sendable {
    /// Every normalizer any manifest may name, by id.
    public private(set) var normalizers: [String: NormalizerFactory]

    public init(normalizers: [NormalizerFactory]) {
        var table: [String: NormalizerFactory] = [:]
        for factory in CoreNormalizers.all + normalizers { table[factory.id] = factory }
        self.normalizers = table
    }

    public func load(_ bundle: PluginBundle) throws(PluginError) -> Plugin {
        let manifestPath = bundle.path(of: PluginBundle.manifestFile)
        guard let bytes = bundle.files[PluginBundle.manifestFile] else {
            throw PluginError(file: manifestPath, message: "missing manifest.yaml")
        }
        guard let yaml = String(validating: bytes, as: UTF8.self) else {
            throw PluginError(file: manifestPath, message: "manifest.yaml is not valid UTF-8")
        }
        var manifest = try ManifestReader(file: manifestPath).read(yaml)
        manifest.origin = manifestPath
        do {
            return try compile(manifest, bundle: bundle, bytes: bytes)
        } catch {
            throw Self.locate(error, in: ManifestMarks(yaml: yaml), rules: manifest.rules)
        }
    }

    /// The lexicons a manifest names, read from the bundle's files.
    static func lexicons(of manifest: PluginManifest, in bundle: PluginBundle) throws(PluginError) -> [String: Lexicon] {
        var lexicons: [String: Lexicon] = [:]
        for reference in manifest.lexicons {
            if let entries = reference.entries {
                lexicons[reference.id] = Lexicon(id: reference.id, entries: entries)
                continue
            }
            guard let data = bundle.files[reference.file] else {
                throw PluginError(file: manifest.origin, line: reference.line, column: nil,
                                  message: "lexicon '\(reference.id)': file \(bundle.path(of: reference.file)) not found")
            }
            lexicons[reference.id] = try Lexicon(id: reference.id, tsv: String(decoding: data, as: UTF8.self),
                                                 file: bundle.path(of: reference.file))
        }
        return lexicons
    }

    private func compile(_ manifest: PluginManifest, bundle: PluginBundle, bytes: [UInt8]) throws(PluginError) -> Plugin {
        let manifestPath = manifest.origin
        let lexicons = try Self.lexicons(of: manifest, in: bundle)
        guard let factory = normalizers[manifest.normalizer] else {
            throw PluginError(file: manifestPath, message: "unknown normalizer '\(manifest.normalizer)' (known: \(normalizers.keys.sorted().joined(separator: ", ")))")
        }
        return try Plugin(manifest: manifest, manifestSHA256: SHA256.hex(bytes), lexicons: lexicons, factory: factory)
    }

    /// Loads built-in bundles then plugin folders, keeping those of the wanted kinds (all when
    /// nil). Two plugins with one id are an error, and so are two plugins of one kind whose
    /// value schemas differ (the kind would mean two things): both are named.
    public func loadAll(builtIn: [PluginBundle], directories: [String], kinds: Set<String>?) throws(PluginError) -> [Plugin] {
        var plugins: [Plugin] = []
        var origins: [String: String] = [:]
        var kindOwners: [String: Plugin] = [:]
        var bundles = builtIn
        for directory in directories { bundles.append(try PluginBundle.directory(directory)) }
        for bundle in bundles {
            let plugin = try load(bundle)
            let marks = { ManifestMarks(yaml: String(decoding: bundle.files[PluginBundle.manifestFile] ?? [], as: UTF8.self)) }
            if let previous = origins[plugin.id] {
                let id = marks().top["id"]
                throw PluginError(file: plugin.manifest.origin, line: id?.line, column: id?.column,
                                  message: "duplicate plugin id '\(plugin.id)' (also \(previous))")
            }
            origins[plugin.id] = bundle.origin == "built-in" ? "a built-in plugin" : "in \(plugin.manifest.origin)"
            if let owner = kindOwners[plugin.kind], owner.valueSchema != plugin.valueSchema {
                let kind = marks().top["kind"]
                let first = owner.manifest.origin == PluginBundle.manifestFile
                    ? "the built-in plugin '\(owner.id)'" : "plugin '\(owner.id)' in \(owner.manifest.origin)"
                throw PluginError(file: plugin.manifest.origin, line: kind?.line, column: kind?.column, message: """
                    plugin '\(plugin.id)' gives kind '\(plugin.kind)' another value shape (normalizer \
                    '\(plugin.manifest.normalizer)': \(plugin.valueSchema)) than \(first) does (normalizer \
                    '\(owner.manifest.normalizer)': \(owner.valueSchema)); name another kind, or a normalizer of that shape
                    """)
            }
            if kindOwners[plugin.kind] == nil { kindOwners[plugin.kind] = plugin }
            if kinds == nil || kinds!.contains(plugin.kind) { plugins.append(plugin) }
        }
        return plugins
    }

    /// Each kind's value schema, from loaded plugins (which agree: `loadAll`).
    public static func schemas(of plugins: [Plugin]) -> [String: ValueSchema] {
        var schemas: [String: ValueSchema] = [:]
        for plugin in plugins where schemas[plugin.kind] == nil { schemas[plugin.kind] = plugin.valueSchema }
        return schemas
    }
}

// MARK: - Error positions

extension PluginLoader {
    /// Gives an error found after reading (lexicon, normalizer, pattern compilation) the
    /// column it lacks: a rule's error points at the rule (where `- id:` starts, the line it
    /// already names), a missing lexicon at its reference, an unknown normalizer at its name.
    static func locate(_ error: PluginError, in marks: ManifestMarks, rules: [RuleManifest]) -> PluginError {
        guard error.column == nil else { return error }
        var mark: Mark?
        if error.message.hasPrefix("rule '") {
            // Plugin's rule errors carry the rule's line; the scan error only names the rule.
            let index = error.line.flatMap { line in rules.lastIndex { $0.line == line } }
                ?? rules.lastIndex { error.message.hasPrefix("rule '\($0.id)'") }
            if let index, index < marks.rules.count { mark = marks.rules[index] }
        } else if error.message.hasPrefix("lexicon '") {
            mark = marks.lexicons.first { error.message.hasPrefix("lexicon '\($0.key)'") }?.value
        } else if error.message.hasPrefix("unknown normalizer") {
            mark = marks.top["normalizer"]
        } else if error.message.hasSuffix("has no rules") {
            mark = marks.top["rules"]
        }
        guard let mark else { return error }
        return PluginError(file: error.file, line: mark.line, column: mark.column, message: error.message)
    }
}

/// Line and column of the manifest nodes that errors found after reading are about. Built
/// only when such an error is raised, so a good manifest is parsed once.
struct ManifestMarks {
    /// Values of the top-level keys.
    var top: [String: Mark] = [:]
    var lexicons: [String: Mark] = [:]
    /// Each rule's start, in order.
    var rules: [Mark?] = []

    init(yaml: String) {
        guard let root = try? Yams.compose(yaml: yaml), let map = root.mapping else { return }
        top = Self.values(of: map)
        if let lexicons = map["lexicons"]?.mapping { self.lexicons = Self.values(of: lexicons) }
        rules = map["rules"]?.sequence.map { $0.map(\.mark) } ?? []
    }

    private static func values(of map: Node.Mapping) -> [String: Mark] {
        var result: [String: Mark] = [:]
        for (key, value) in map { if let name = key.string, let mark = value.mark { result[name] = mark } }
        return result
    }
}
