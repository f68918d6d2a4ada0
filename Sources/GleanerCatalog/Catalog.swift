import DatesExtractor
import ExercisesExtractor
import GleanerCore
import MoneyExtractor
import PartiesExtractor
import ProgramsExtractor

/// The compiled-in extractors, in the order of `extractors` in Package.swift.
/// `Tests/ExtractorExampleTests/CatalogTests` fails when a folder in Plugins/ is missing here.
public enum Catalog {
    public static let bundles: [(name: String, bundle: PluginBundle)] = [
        ("Dates", Dates.bundle),
        ("Money", Money.bundle),
        ("Programs", Programs.bundle),
        ("Exercises", Exercises.bundle),
        ("Parties", Parties.bundle),
    ]

    /// Every compiled normalizer, so that manifest-only plugins may use them too.
    public static let normalizers: [NormalizerFactory] =
        Dates.normalizers + Money.normalizers + Programs.normalizers + Exercises.normalizers
        + Parties.normalizers

    public static var loader: PluginLoader { PluginLoader(normalizers: normalizers) }

    /// Loads the built-in plugins and those in `directories`, keeping the wanted kinds.
    public static func plugins(directories: [String] = [], kinds: Set<String>? = nil) throws(PluginError) -> [Plugin] {
        try loader.loadAll(builtIn: bundles.map(\.bundle), directories: directories, kinds: kinds)
    }
}
