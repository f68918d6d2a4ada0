import GleanerCore

public enum Money {
    public static let bundle = PluginBundle(origin: "built-in", files: [
        "manifest.yaml": PackageResources.manifest_yaml,
        "symbols.tsv": PackageResources.symbols_tsv,
        "codes.tsv": PackageResources.codes_tsv,
        "names.tsv": PackageResources.names_tsv,
        "prenames.tsv": PackageResources.prenames_tsv,
        "weaknames.tsv": PackageResources.weaknames_tsv,
        "weakcodes.tsv": PackageResources.weakcodes_tsv,
        "weaksymbols.tsv": PackageResources.weaksymbols_tsv,
        "localsymbols.tsv": PackageResources.localsymbols_tsv,
        "scales.tsv": PackageResources.scales_tsv,
        "subunits.tsv": PackageResources.subunits_tsv,
        "numberwords.tsv": PackageResources.numberwords_tsv,
        "localcurrencies.tsv": PackageResources.localcurrencies_tsv,
    ])
    public static let normalizers: [NormalizerFactory] = [MoneyNormalizer.factory]
}
