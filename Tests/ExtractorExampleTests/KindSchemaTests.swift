import Foundation
import GleanerCatalog
import GleanerCore
import Testing

/// Kinds are what their plugins declare; these pin the built-in kinds' value shapes to
/// ANNOTATION.md and keep the generated `schemas/kinds.schema.json` up to date (swift-format's
/// generated-registry drift test).
@Suite struct KindSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func builtInKindsKeepTheValueShapesOfTheAnnotationGuide() throws {
        let schemas = PluginLoader.schemas(of: try Catalog.plugins())
        #expect(schemas["date"]?.description == "date value")
        #expect(schemas["money"]?.description == "{amount: number > 0, amountMax?: number > 0 >= amount, currency: 3 capitals}")
        #expect(schemas["program"]?.description == "{name: non-empty string, acronym?: non-empty string}")
        #expect(schemas["exercise"]?.description == "{name: non-empty string, year?: integer, edition?: integer >= 1}")
    }

    @Test func generatedKindsSchemaIsUpToDate() throws {
        let committed = try String(contentsOf: Self.root.appendingPathComponent("schemas/kinds.schema.json"), encoding: .utf8)
        let fresh = KindSchemaDocument.render(try Catalog.plugins())
        #expect(committed == fresh, "schemas/kinds.schema.json is stale: run `glean plugins schema --out schemas/kinds.schema.json`")
    }

    @Test func everyBuiltInKindHasAnEntry() throws {
        let plugins = try Catalog.plugins()
        let text = KindSchemaDocument.render(plugins)
        for kind in Set(plugins.map(\.kind)) { #expect(text.contains("\"const\": \"\(kind)\""), "\(kind)") }
    }
}
