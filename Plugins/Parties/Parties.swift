import GleanerCore

/// The `party` extractor: its manifest and lexicons (countries, organizations), and the
/// `party` normalizer.
public enum Parties {
    public static let bundle = PluginBundle(origin: "built-in", files: [
        "manifest.yaml": PackageResources.manifest_yaml,
        "countries.tsv": PackageResources.countries_tsv,
        "organizations.tsv": PackageResources.organizations_tsv,
    ])
    public static let normalizers: [NormalizerFactory] = [PartyNormalizer.factory]
}
