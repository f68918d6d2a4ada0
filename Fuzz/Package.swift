// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for Gleaner, kept out of the root package so that `glean` and the normal
// builds never see `-sanitize=fuzzer`. Build and run them with scripts/fuzz.sh.
//
// GleanerCatalog and the extractors are not products of the root package, so they are built
// here again from the same sources: Extractors/ holds symlinks to ../Plugins/<Name> and
// ../Sources/GleanerCatalog (keep `extractors` in step with the root Package.swift).

let extractors = ["Dates", "Money", "Programs", "Exercises"]
let core = Target.Dependency.product(name: "GleanerCore", package: "Gleaner")
/// `-parse-as-library`: libFuzzer brings `main`; the target only defines LLVMFuzzerTestOneInput.
let fuzzer: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-parse-as-library"])]
let fuzzerLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "GleanerFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Gleaner", path: "..")],
    targets: extractors.map { name in
        .target(name: "\(name)Extractor", dependencies: [core], path: "Extractors/\(name)",
                exclude: ["README.md"] + (name == "Programs" ? ["HeldOut"] : []),
                resources: [.embedInCode("Resources")])
    } + [
        .target(name: "GleanerCatalog", dependencies: [core] + extractors.map { .target(name: "\($0)Extractor") },
                path: "Extractors/GleanerCatalog"),
        .target(name: "FuzzSupport", dependencies: [core]),
        .executableTarget(name: "FuzzEngine", dependencies: ["GleanerCatalog", "FuzzSupport", core],
                          swiftSettings: fuzzer, linkerSettings: fuzzerLink),
        .executableTarget(name: "FuzzManifest", dependencies: ["GleanerCatalog", "FuzzSupport", core],
                          swiftSettings: fuzzer, linkerSettings: fuzzerLink),
    ]
)
