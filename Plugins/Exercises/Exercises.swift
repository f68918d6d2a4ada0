import GleanerCore

public enum Exercises {
    public static let bundle = PluginBundle(origin: "built-in", files: [
        "manifest.yaml": PackageResources.manifest_yaml,
    ])
    public static let normalizers: [NormalizerFactory] = []
}
