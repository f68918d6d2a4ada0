import GleanerCore

/// The `date` extractor: the rules are data (Resources/manifest.yaml and its TSV lexicons);
/// the compiled `date` normalizer turns their named groups into TIMEX-like values.
public enum Dates {
    public static let bundle = PluginBundle(origin: "built-in", files: [
        "manifest.yaml": PackageResources.manifest_yaml,
        "months.tsv": PackageResources.months_tsv,
        "ordinals.tsv": PackageResources.ordinals_tsv,
        "seasons.tsv": PackageResources.seasons_tsv,
        "counts.tsv": PackageResources.counts_tsv,
        "holidays.tsv": PackageResources.holidays_tsv,
        "idnouns.tsv": PackageResources.idnouns_tsv,
        "idabbreviations.tsv": PackageResources.idabbreviations_tsv,
    ])
    public static let normalizers: [NormalizerFactory] = [DateNormalizer.factory]
}
