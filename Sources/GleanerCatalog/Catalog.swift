import GleanerCore

/// The compiled-in extractors, in the order of `extractors` in Package.swift: the registry
/// `generated` is written from that list by scripts/generate-catalog.sh
/// (`Catalog+Generated.swift`); `Tests/ExtractorExampleTests/CatalogTests` fails when it is
/// stale or a folder in Plugins/ is missing from the list.
public enum Catalog {
    public static let bundles: [(name: String, bundle: PluginBundle)] = generated.map { ($0.name, $0.bundle) }

    /// Every compiled normalizer, so that manifest-only plugins may use them too.
    public static let normalizers: [NormalizerFactory] = generated.flatMap(\.normalizers)

    public static var loader: PluginLoader { PluginLoader(normalizers: normalizers) }

    /// Loads the built-in plugins and those found in `directories` (plugin folders or folders
    /// of plugin folders: `PluginSearchPath`), keeping the wanted kinds.
    public static func plugins(directories: [String] = [], kinds: Set<String>? = nil) throws(PluginError) -> [Plugin] {
        try loader.loadAll(builtIn: bundles.map(\.bundle), directories: try PluginSearchPath.folders(directories), kinds: kinds)
    }
}
