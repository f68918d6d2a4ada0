import GleanerCore

/// The `exercise` extractor: its manifest and lexicon, and the compiled `exercise` normalizer.
public enum Exercises {
    public static let bundle = PluginBundle(origin: "built-in", files: [
        "manifest.yaml": PackageResources.manifest_yaml,
        "exercises.tsv": PackageResources.exercises_tsv,
    ])
    public static let normalizers: [NormalizerFactory] = [ExerciseNormalizer.factory]
}
