import Foundation
import GleanerCatalog
import GleanerCore
import Testing

/// Drift tests: the compiled-in catalog must match the folders in Plugins/ (swift-format's
/// "generated registry is up to date" idea, for a hand-kept list).
@Suite struct CatalogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyExtractorFolderIsInTheCatalog() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Plugins").path)
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix("Plugin") }.sorted()
        #expect(folders == Catalog.bundles.map(\.name).sorted())
    }

    @Test func everyResourceFileIsEmbedded() throws {
        for (name, bundle) in Catalog.bundles {
            let resources = Self.root.appendingPathComponent("Plugins/\(name)/Resources")
            let files = try FileManager.default.contentsOfDirectory(atPath: resources.path).filter { !$0.hasPrefix(".") }
            #expect(Set(files) == Set(bundle.files.keys), "Plugins/\(name)/Resources and \(name).bundle differ")
            for file in files {
                let onDisk = try Data(contentsOf: resources.appendingPathComponent(file))
                let fresh = [UInt8](onDisk) == bundle.files[file]
                #expect(fresh, "embedded Plugins/\(name)/Resources/\(file) is missing or stale: list it in \(name).bundle and rebuild")
            }
        }
    }

    @Test func pluginIdsAreUniqueAndKindsAreTheFiveBuiltIns() throws {
        let plugins = try Catalog.plugins()
        #expect(Set(plugins.map(\.id)).count == plugins.count)
        #expect(Set(plugins.map(\.kind)) == ["date", "money", "program", "exercise", "party"])
    }
}
