import Foundation
import GleanerStore
import Testing

/// `glean run --db`: the SQLite store is upserted by content hash, never duplicated, and pruned
/// on request; the database stays consistent.
@Suite struct DatabaseTests {
    func count(_ store: DatasetStore, _ sql: String) throws -> Int {
        Int(try store.query(sql).first?.first??.description ?? "") ?? -1
    }

    @Test func rerunChangesNothingEditingOneArticleReplacesOnlyItsRowsAndPruneRemovesMissing() throws {
        let base = GleanProcess.temporaryDirectory()
        let articles = base.appendingPathComponent("articles")
        try FileManager.default.copyItem(at: GleanProcess.root.appendingPathComponent("Corpus/articles"), to: articles)
        let db = base.appendingPathComponent("gleaner.sqlite").path
        let out = base.appendingPathComponent("out").path

        let first = try GleanProcess.run(["run", articles.path, "--db", db, "--out", out])
        #expect(first.status == 0, "\(first.stderr)")
        let store = try DatasetStore(path: db)
        let mentions = try count(store, "SELECT count(*) FROM mentions")
        let snapshot = try store.query("SELECT id, value FROM mentions ORDER BY id")
        #expect(mentions > 100)
        #expect(try count(store, "SELECT count(*) FROM documents") == 5)

        let second = try GleanProcess.run(["run", articles.path, "--db", db, "--out", out])
        #expect(second.stdout.contains("5 unchanged document(s)"))
        #expect(try store.query("SELECT id, value FROM mentions ORDER BY id") == snapshot)
        #expect(try count(store, "SELECT count(*) FROM runs") == 2)

        // Edit one article: only its rows change.
        let edited = articles.appendingPathComponent("004_4acd998a1fadbb95.txt")
        try (try String(contentsOf: edited, encoding: .utf8) + "\nThe talks of 3 May 2025 set aside ¥20 billion.\n")
            .write(to: edited, atomically: true, encoding: .utf8)
        let third = try GleanProcess.run(["run", articles.path, "--db", db, "--out", out])
        #expect(third.stdout.contains("4 unchanged document(s)"))
        let others = "SELECT id, value FROM mentions WHERE doc <> '004_4acd998a1fadbb95' ORDER BY id"
        #expect(try store.query(others) == snapshot.filter { !($0[0] ?? "").hasPrefix("004_") })
        #expect(try count(store, "SELECT count(*) FROM mentions WHERE doc = '004_4acd998a1fadbb95' AND text = '¥20 billion'") == 1)
        #expect(try count(store, "SELECT count(*) FROM mentions") == mentions + 2)

        // Remove an article and prune.
        try FileManager.default.removeItem(at: articles.appendingPathComponent("000_9c9236f06fd4b3ef.txt"))
        #expect(try GleanProcess.run(["run", articles.path, "--db", db, "--out", out, "--prune"]).status == 0)
        #expect(try count(store, "SELECT count(*) FROM documents") == 4)
        #expect(try count(store, "SELECT count(*) FROM mentions WHERE doc = '000_9c9236f06fd4b3ef'") == 0)
        #expect(try store.query("PRAGMA integrity_check") == [["ok"]])
        #expect(try store.query("PRAGMA foreign_key_check").isEmpty)
    }

    @Test func entityCountsCoverEveryStoredDocumentNotOnlyTheLastRun() throws {
        let base = GleanProcess.temporaryDirectory()
        let articles = GleanProcess.root.appendingPathComponent("Corpus/articles")
        let names = try FileManager.default.contentsOfDirectory(atPath: articles.path).sorted()
        let first = base.appendingPathComponent("first"), second = base.appendingPathComponent("second")
        for (folder, part) in [(first, names.prefix(3)), (second, names.suffix(2))] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in part { try FileManager.default.copyItem(at: articles.appendingPathComponent(name), to: folder.appendingPathComponent(name)) }
        }
        let db = base.appendingPathComponent("g.sqlite").path
        for folder in [first, second] {
            let run = try GleanProcess.run(["run", folder.path, "--db", db, "--out", base.appendingPathComponent("out").path, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let store = try DatasetStore(path: db)
        #expect(try count(store, "SELECT count(*) FROM documents") == 5)
        let named = try count(store, "SELECT count(*) FROM mentions WHERE entity IS NOT NULL")
        #expect(named > 0)
        #expect(try count(store, "SELECT sum(mentions) FROM entities") == named)
        #expect(try count(store, "SELECT count(*) FROM mentions WHERE entity IS NOT NULL AND entity NOT IN (SELECT id FROM entities)") == 0)
    }
}
