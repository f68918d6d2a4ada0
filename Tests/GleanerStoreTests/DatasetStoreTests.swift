import GleanerCore
import GleanerStore
import Testing

@Suite struct DatasetStoreTests {
    typealias Fixture = StoreFixture

    @Test func migrationsCreateTheTablesAndIndexes() throws {
        let (store, _) = try Fixture.store()
        let tables = try store.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map { $0[0] }
        #expect(tables == ["documents", "entities", "grdb_migrations", "mentions", "runs", "sqlite_sequence"])
        let indexes = try store.query("""
            SELECT tbl_name || '(' || name || ')' FROM sqlite_master
            WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name
            """).map { $0[0] }
        #expect(indexes == ["documents(documents_sha256)", "mentions(mentions_currency_amount)",
                            "mentions(mentions_date)", "mentions(mentions_doc)", "mentions(mentions_doc_sentence)",
                            "mentions(mentions_entity)", "mentions(mentions_kind)", "mentions(mentions_name)"])
        #expect(try store.query("PRAGMA journal_mode") == [["wal"]])
        #expect(try store.query("PRAGMA foreign_keys") == [["1"]])
        let cascade = try store.query("SELECT \"table\", on_delete FROM pragma_foreign_key_list('mentions')")
        #expect(cascade == [["documents", "CASCADE"]])
        // Opening again runs no migration twice and keeps the data.
        try store.write(batch: [try Fixture.one()], runID: 1)
        let reopened = try DatasetStore(path: store.path)
        #expect(try reopened.query("SELECT count(*) FROM mentions") == [["8"]])
        #expect(try reopened.query("SELECT identifier FROM grdb_migrations ORDER BY identifier")
                == [["v1-dataset"], ["v2-date-bounds-and-sentences"]])
        #expect(try reopened.query("SELECT text, dateStart, dateEnd, sentence FROM mentions WHERE kind = 'date'")
                == [["30 November", "2019-11-30", "2019-11-30", "0"]])
    }

    @Test func writingABatchTwiceLeavesTheSameRows() throws {
        let (store, run) = try Fixture.store()
        let corpus = try Fixture.corpus()
        try store.write(batch: corpus, runID: run)
        let mentions = try store.query("SELECT * FROM mentions ORDER BY id")
        let documents = try store.query("SELECT * FROM documents ORDER BY id")
        #expect(mentions.count == 8 + 5 + 4)
        #expect(documents.map { $0[0] } == ["a/one", "b/two", "c/three"])

        try store.write(batch: corpus, runID: run)
        #expect(try store.query("SELECT * FROM mentions ORDER BY id") == mentions)
        #expect(try store.query("SELECT * FROM documents ORDER BY id") == documents)

        // A later run rewriting them keeps the first run as runId and records itself as updatedRunId.
        let second = try Fixture.begin(store, fingerprint: Fixture.fingerprint)
        try store.write(batch: corpus, runID: second)
        #expect(try store.query("SELECT * FROM mentions ORDER BY id") == mentions)
        #expect(try store.query("SELECT DISTINCT runId, updatedRunId FROM documents") == [["\(run)", "\(second)"]])
    }

    @Test func aChangedDocumentReplacesItsOwnMentionsOnly() throws {
        let (store, run) = try Fixture.store()
        try store.write(batch: try Fixture.corpus(), runID: run)
        let others = "SELECT * FROM mentions WHERE doc <> 'b/two' ORDER BY id"
        let before = try store.query(others)

        let changed = try Fixture.two(changed: true)
        try store.write(batch: [changed], runID: run)
        #expect(try store.storedMentions(for: "b/two") == changed.mentions)
        #expect(try store.query("SELECT text FROM mentions WHERE doc = 'b/two' ORDER BY start")
                == [["4.7 €"], ["JSF"], ["Aegis Ashore"], ["Malabar 2020"]])
        #expect(try store.query(others) == before)
        #expect(try store.query("SELECT sha256, counts FROM documents WHERE id = 'b/two'")
                == [[changed.record.sha256, #"{"date": 0, "money": 1, "program": 2, "exercise": 1}"#]])
    }

    @Test func unchangedDocumentsAreThoseWithTheSameTextAndPlugins() throws {
        let (store, run) = try Fixture.store()
        let corpus = try Fixture.corpus()
        try store.write(batch: corpus, runID: run)
        var failed = try Fixture.document("d/failed", [.plain("Broken.")])
        failed.record.status = "error"
        failed.record.error = "validation: bad offsets"
        try store.write(batch: [failed], runID: run)

        let candidates = [
            (id: "a/one", sha256: corpus[0].record.sha256),
            (id: "b/two", sha256: try Fixture.two(changed: true).record.sha256),
            (id: "c/three", sha256: corpus[2].record.sha256),
            (id: "d/failed", sha256: failed.record.sha256),
            (id: "e/new", sha256: corpus[0].record.sha256),
        ]
        #expect(try store.unchangedDocuments(candidates, pluginFingerprint: Fixture.fingerprint) == ["a/one", "c/three"])
        #expect(try store.unchangedDocuments(candidates, pluginFingerprint: "plugins-v2").isEmpty)

        let second = try Fixture.begin(store, fingerprint: "plugins-v2")
        try store.write(batch: [corpus[0]], runID: second)
        #expect(try store.unchangedDocuments(candidates, pluginFingerprint: "plugins-v2") == ["a/one"])
        #expect(try store.unchangedDocuments(candidates, pluginFingerprint: Fixture.fingerprint) == ["c/three"])
    }

    @Test func storedMentionsRoundTripExactly() throws {
        let (store, run) = try Fixture.store()
        let one = try Fixture.one()
        try store.write(batch: [try Fixture.two(), one], runID: run)
        let stored = try store.storedMentions(for: "a/one")
        #expect(stored == one.mentions)
        #expect(stored.map(\.start) == stored.map(\.start).sorted())

        let billions = try #require(stored.first { $0.rule == "symbol-amount" })
        #expect(JSONWriter.string(billions.value) == #"{"amount": 118400000000, "currency": "USD"}"#)
        #expect(stored[0].inferred == ["year"])
        #expect(stored[3].equivalentOf == one.mentions[2].id)
        #expect(stored[3].context == "Context of $13 billion.")
        #expect(stored[2].byteEnd - stored[2].byteStart == 12)  // "£10 billion": £ is two bytes
        let euros = try #require(try store.storedMentions(for: "b/two").first)
        #expect(euros.value == .object([("amount", .number(ExactNumber(significand: 47, exponent: -1))), ("currency", .string("EUR"))]))
        #expect(try store.query("SELECT amountExact, amount, currency FROM mentions WHERE doc = 'b/two' AND kind = 'money'")
                == [["4.7", "4.7", "EUR"]])
        #expect(try store.query("SELECT value, amountExact FROM mentions WHERE id = '\(one.mentions[1].id)'")
                == [[#"{"amount": 118400000000, "currency": "USD"}"#, "118400000000"]])
        #expect(try store.storedMentions(for: "no/such").isEmpty)
    }

    @Test func pruneDeletesDocumentsAndTheirMentionsByCascade() throws {
        let store = try Fixture.populated()
        #expect(try store.prune(keeping: ["a/one", "c/three", "z/not-stored"]) == 1)
        #expect(try store.query("SELECT id FROM documents ORDER BY id") == [["a/one"], ["c/three"]])
        #expect(try store.query("SELECT doc, count(*) FROM mentions GROUP BY doc ORDER BY doc") == [["a/one", "8"], ["c/three", "4"]])
        #expect(try store.storedMentions(for: "b/two").isEmpty)
        #expect(try store.prune(keeping: ["a/one", "c/three"]) == 0)
        #expect(try store.query("PRAGMA foreign_key_check").isEmpty)
        #expect(try store.query("PRAGMA integrity_check") == [["ok"]])
    }

    @Test func runsAndEntitiesAreRecorded() throws {
        let store = try Fixture.populated()
        let run = try store.query("SELECT id, tool, plugins, options, counts, pluginFingerprint, finished IS NOT NULL FROM runs")
        #expect(run == [["1", "glean 0.1.0", #"[{"id": "money", "version": "1.0.0"}]"#, #"{"jobs": 2}"#,
                         #"{"documents": 3}"#, "plugins-v1", "1"]])
        #expect(try store.query("SELECT * FROM entities WHERE id = 'exercise:malabar'")
                == [["exercise:malabar", "exercise", "Malabar", "[]", #"["Malabar 2019", "Malabar 2020"]"#,
                     "[2019, 2020]", "2", "2", "a/one", "b/two"]])
        #expect(try store.query("SELECT count(*) FROM entities") == [["5"]])
        try store.replaceEntities([])
        #expect(try store.query("SELECT count(*) FROM entities") == [["0"]])
        #expect(try store.query("PRAGMA foreign_key_check").isEmpty)
        #expect(try store.query("PRAGMA integrity_check") == [["ok"]])
    }

    @Test func errorsSayWhatFailedAndWriteNothing() throws {
        let (store, run) = try Fixture.store()
        let one = try Fixture.one()
        func message(_ body: () throws -> Void) -> String {
            do { try body(); return "no error" } catch { return "\(error)" }
        }
        #expect(message { try store.write(batch: [one], runID: 99) }.hasSuffix("cannot write 1 documents: no run 99"))
        var stray = try Fixture.two()
        stray.mentions.append(one.mentions[0])
        let strayError = message { try store.write(batch: [one, stray], runID: run) }
        #expect(strayError.contains("document b/two: mention a/one#3-14 belongs to another document"))
        #expect(try store.query("SELECT count(*) FROM documents") == [["0"]])  // rolled back, a/one too
        #expect(message { try store.finishRun(42, counts: .object([])) }.hasSuffix("cannot finish run 42: no such run"))
        #expect(message { try store.replaceEntities([.object([("id", .string("program:x"))])]) }
                .hasSuffix("cannot replace the entities: entity program:x: no string \"kind\""))
        #expect(message { _ = try store.query("DELETE FROM runs") }.contains("query failed"))
        #expect(try store.query("SELECT count(*) FROM runs") == [["1"]])
    }
}
