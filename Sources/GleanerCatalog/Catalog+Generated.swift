// GENERATED FILE. DO NOT EDIT! scripts/generate-catalog.sh writes it from Package.swift's `extractors`.
import DatesExtractor
import ExercisesExtractor
import GleanerCore
import MoneyExtractor
import PartiesExtractor
import ProgramsExtractor

extension Catalog {
    /// Each compiled-in extractor, in the order of `extractors` in Package.swift.
    static let generated: [(name: String, bundle: PluginBundle, normalizers: [NormalizerFactory])] = [
        ("Dates", Dates.bundle, Dates.normalizers),
        ("Money", Money.bundle, Money.normalizers),
        ("Programs", Programs.bundle, Programs.normalizers),
        ("Exercises", Exercises.bundle, Exercises.normalizers),
        ("Parties", Parties.bundle, Parties.normalizers),
    ]
}
