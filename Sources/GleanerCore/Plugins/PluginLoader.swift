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
        var lexicons: [String: Lexicon] = [:]
        for reference in manifest.lexicons {
            guard let data = bundle.files[reference.file] else {
                throw PluginError(file: manifestPath, line: reference.line, column: nil,
                                  message: "lexicon '\(reference.id)': file \(bundle.path(of: reference.file)) not found")
            }
            lexicons[reference.id] = try Lexicon(id: reference.id, tsv: String(decoding: data, as: UTF8.self),
                                                 file: bundle.path(of: reference.file))
        }
        guard let factory = normalizers[manifest.normalizer] else {
            throw PluginError(file: manifestPath, message: "unknown normalizer '\(manifest.normalizer)' (known: \(normalizers.keys.sorted().joined(separator: ", ")))")
        }
        return try Plugin(manifest: manifest, manifestSHA256: SHA256.hex(bytes), lexicons: lexicons, factory: factory)
    }

    /// Loads built-in bundles then folders, keeping those of the wanted kinds (all when nil).
    /// Two plugins with one id are an error.
    public func loadAll(builtIn: [PluginBundle], directories: [String], kinds: Set<String>?) throws(PluginError) -> [Plugin] {
        var plugins: [Plugin] = []
        var origins: [String: String] = [:]
        var bundles = builtIn
        for directory in directories { bundles.append(try PluginBundle.directory(directory)) }
        for bundle in bundles {
            let plugin = try load(bundle)
            if let previous = origins[plugin.id] {
                throw PluginError(file: plugin.manifest.origin, message: "duplicate plugin id '\(plugin.id)' (also in \(previous))")
            }
            origins[plugin.id] = plugin.manifest.origin
            if kinds == nil || kinds!.contains(plugin.kind) { plugins.append(plugin) }
        }
        return plugins
    }
}
