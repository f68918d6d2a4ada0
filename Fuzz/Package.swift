// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for Gleaner, kept out of the root package so that `glean` and the normal
// builds never see `-sanitize=fuzzer`. Build and run them with scripts/fuzz.sh.
//
// GleanerCatalog and the extractors are not products of the root package, so they are built
// here again from the same sources under other module names (SwiftPM refuses two targets of
// one name in a graph): Extractors/ holds symlinks to ../Plugins/<Name> and
// ../Sources/GleanerCatalog, and `-module-alias` lets Catalog.swift's `import DatesExtractor`
// find `FuzzDates`. Keep `extractors` in step with the root Package.swift.

let extractors = ["Dates", "Money", "Programs", "Exercises", "Parties"]
let core = Target.Dependency.product(name: "GleanerCore", package: "Gleaner")
/// libFuzzer and ASan; each target's main calls LLVMFuzzerRunDriver (CFuzzDriver).
let fuzzer: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
let fuzzerLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "GleanerFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Gleaner", path: "..")],
    targets: extractors.map { name in
        .target(name: "Fuzz\(name)", dependencies: [core], path: "Extractors/\(name)",
                exclude: ["README.md"] + (name == "Programs" ? ["HeldOut"] : []),
                resources: [.embedInCode("Resources")])
    } + [
        .target(name: "FuzzCatalog", dependencies: [core] + extractors.map { .target(name: "Fuzz\($0)") },
                path: "Extractors/GleanerCatalog",
                swiftSettings: [.unsafeFlags(extractors.flatMap { ["-module-alias", "\($0)Extractor=Fuzz\($0)"] })]),
        .target(name: "FuzzSupport", dependencies: [core]),
        .target(name: "CFuzzDriver"),
        .executableTarget(name: "FuzzEngine", dependencies: ["FuzzCatalog", "FuzzSupport", "CFuzzDriver", core],
                          swiftSettings: fuzzer, linkerSettings: fuzzerLink),
        .executableTarget(name: "FuzzManifest", dependencies: ["FuzzCatalog", "FuzzSupport", "CFuzzDriver", core],
                          swiftSettings: fuzzer, linkerSettings: fuzzerLink),
        .executableTarget(name: "FuzzValidate", dependencies: ["FuzzSupport", "CFuzzDriver", core],
                          swiftSettings: fuzzer, linkerSettings: fuzzerLink),
    ]
)
