import DatesExtractor
import ExercisesExtractor
import GleanerCore
import MoneyExtractor
import ProgramsExtractor

/// The compiled-in extractors, in the order of `extractors` in Package.swift.
/// `Tests/ExtractorExampleTests/CatalogTests` fails when a folder in Plugins/ is missing here.
public enum Catalog {
    public static let bundles: [(name: String, bundle: PluginBundle)] = [
        ("Dates", Dates.bundle),
        ("Money", Money.bundle),
        ("Programs", Programs.bundle),
        ("Exercises", Exercises.bundle),
    ]

    /// Every compiled normalizer, so that manifest-only plugins may use them too.
    public static let normalizers: [NormalizerFactory] =
        Dates.normalizers + Money.normalizers + Programs.normalizers + Exercises.normalizers

    public static var loader: PluginLoader { PluginLoader(normalizers: normalizers) }

    /// Loads the built-in plugins and those found in `directories` (plugin folders or folders
    /// of plugin folders: `PluginSearchPath`), keeping the wanted kinds.
    public static func plugins(directories: [String] = [], kinds: Set<String>? = nil) throws(PluginError) -> [Plugin] {
        try loader.loadAll(builtIn: bundles.map(\.bundle), directories: try PluginSearchPath.folders(directories), kinds: kinds)
    }
}
