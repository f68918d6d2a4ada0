import GleanerCore

public enum Money {
    public static let bundle = PluginBundle(origin: "built-in", files: [
        "manifest.yaml": PackageResources.manifest_yaml,
    ])
    public static let normalizers: [NormalizerFactory] = []
}
