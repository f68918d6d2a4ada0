import GleanerCore

/// The `program` extractor: a manifest-only plugin compiled in (it uses the core `name`
/// normalizer); this file only embeds its resources.
public enum Programs {
    public static let bundle = PluginBundle(origin: "built-in", files: [
        "manifest.yaml": PackageResources.manifest_yaml,
        "programs.tsv": PackageResources.programs_tsv,
    ])
    public static let normalizers: [NormalizerFactory] = []
}
