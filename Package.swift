// swift-tools-version:6.1
import Foundation
import PackageDescription

/// The built-in extractors. Each is `Plugins/<Name>/` (manifest + resources + a little Swift)
/// compiled into the module `<Name>Extractor`. Add a name here to add a compiled extractor,
/// then run scripts/generate-catalog.sh (it writes GleanerCatalog's registry from this line);
/// `Tests/CatalogTests` fails if a folder in Plugins/ is missing here or the registry is stale.
let extractors = ["Dates", "Money", "Programs", "Exercises", "Parties"]

let extractorTargets: [Target] = extractors.map { name in
    .target(
        name: "\(name)Extractor",
        dependencies: ["GleanerCore"],
        path: "Plugins/\(name)",
        // HeldOut/: the plugin's own held-out evaluation articles and gold, not resources.
        exclude: ["README.md"] + (name == "Programs" ? ["HeldOut"] : []),
        resources: [.embedInCode("Resources")]
    )
}

/// Vectorscan/Hyperscan (`libvectorscan-dev` or `libhyperscan-dev`) is optional: when its
/// header is installed the engine runs it as a candidate prefilter in front of PCRE2;
/// without it (or with GLEANER_PCRE2_ONLY=1 in the environment) PCRE2 alone does the scan.
let vectorscanHeader = ["/usr/include/hs/hs.h", "/usr/local/include/hs/hs.h", "/opt/homebrew/include/hs/hs.h"]
    .contains { FileManager.default.fileExists(atPath: $0) }
let useVectorscan = vectorscanHeader && ProcessInfo.processInfo.environment["GLEANER_PCRE2_ONLY"] == nil

let package = Package(
    name: "Gleaner",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "GleanerCore", targets: ["GleanerCore"]),
        .library(name: "GleanerStore", targets: ["GleanerStore"]),
        // For Benchmarks/ (its own package, which depends on this one by path).
        .library(name: "GleanerCatalog", targets: ["GleanerCatalog"]),
        .executable(name: "glean", targets: ["glean"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // `glean export`: the CSV/TSV writer (quoting by the library, not by hand).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: extractorTargets + [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // SHA-256 (content hashes): libcrypto uses the CPU's SHA instructions where it has them.
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]),
        .systemLibrary(
            name: "CVectorscan",
            pkgConfig: "libhs",
            providers: [.apt(["libvectorscan-dev"]), .brew(["vectorscan"])]
        ),
        .target(
            name: "GleanerCore",
            dependencies: ["CPCRE2", "CLibXML2", "CZlib", "CCrypto", .product(name: "Yams", package: "Yams")]
                + (useVectorscan ? ["CVectorscan"] : []),
            swiftSettings: useVectorscan ? [.define("GLEANER_VECTORSCAN")] : []
        ),
        // The SQLite store: the only target that imports GRDB.
        .target(
            name: "GleanerStore",
            dependencies: ["GleanerCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // `glean export`: the only target that imports CSV.
        .target(
            name: "GleanerExport",
            dependencies: ["GleanerCore", .product(name: "CSV", package: "CSV.swift")]
        ),
        .target(
            name: "GleanerCatalog",
            dependencies: ["GleanerCore"] + extractors.map { .target(name: "\($0)Extractor") }
        ),
        .executableTarget(
            name: "glean",
            dependencies: [
                "GleanerCore", "GleanerCatalog", "GleanerStore", "GleanerExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GleanerCoreTests", dependencies: ["GleanerCore"]),
        .testTarget(
            name: "ExtractorExampleTests",
            dependencies: ["GleanerCore", "GleanerCatalog"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "GleanerStoreTests", dependencies: ["GleanerStore", "GleanerCore"]),
        .testTarget(name: "GleanerExportTests", dependencies: ["GleanerExport", "GleanerCore", .product(name: "CSV", package: "CSV.swift")]),
        // Fixtures are read from the repository by path (the tests run glean on them).
        .testTarget(name: "CLITests", dependencies: ["GleanerCore", "GleanerStore"], exclude: ["Fixtures"]),
    ]
)
