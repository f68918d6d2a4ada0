import GleanerCore

/// The `program` extractor: its manifest and lexicon, and the `program` normalizer (the core
/// `name` normalizer with title case for all-caps headings).
public enum Programs {
    public static let bundle = PluginBundle(origin: "built-in", files: [
        "manifest.yaml": PackageResources.manifest_yaml,
        "programs.tsv": PackageResources.programs_tsv,
    ])
    public static let normalizers: [NormalizerFactory] = [ProgramNormalizer.factory]
}
