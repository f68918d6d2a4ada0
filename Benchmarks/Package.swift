// swift-tools-version:6.1
import PackageDescription

// The package-benchmark suite for Gleaner (`swift package benchmark`, run from this folder),
// kept out of the root package so that building glean never fetches or builds
// ordo-one/benchmark and its dependencies. See README.md here.
let package = Package(
    name: "GleanerBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Gleaner", path: ".."),
        // Just the malloc interposer (the malloc metrics): the default traits add a Linux ARC
        // runtime interposer package that is not needed here.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The benchmark plugin only finds targets whose folder sits in a folder named Benchmarks.
        .executableTarget(
            name: "GleanerBenchmarks",
            dependencies: [
                .product(name: "GleanerCore", package: "Gleaner"),
                .product(name: "GleanerCatalog", package: "Gleaner"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "GleanerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
