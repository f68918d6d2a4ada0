import GleanerCore
import GRDB

/// The store's schema, as GRDB migrations: each migration runs once per database file, in
/// order, so a store written by an older Gleaner is brought up to date when it is opened.
/// Never edit a registered migration; add a new one.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-dataset", migrate: createDataset)
        migrator.registerMigration("v2-date-bounds-and-sentences", migrate: addDateBoundsAndSentences)
        return migrator
    }

    /// JSON columns hold the exact text `JSONWriter` writes (numbers exact, keys in order), so
    /// a row gives back the record it came from; the plain columns beside them are copies for
    /// queries and indexes. Tables are STRICT so a wrongly typed value fails loudly.
    private static func createDataset(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, even after a prune
                started TEXT NOT NULL,                 -- ISO 8601, UTC
                finished TEXT,                         -- NULL while running or if it failed
                tool TEXT NOT NULL,
                plugins TEXT NOT NULL,                 -- JSON
                options TEXT NOT NULL,                 -- JSON
                counts TEXT,                           -- JSON, set by finishRun
                pluginFingerprint TEXT NOT NULL
            ) STRICT;

            CREATE TABLE documents (
                id TEXT PRIMARY KEY NOT NULL,
                source TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                bytes INTEGER NOT NULL,
                codePoints INTEGER NOT NULL,
                counts TEXT NOT NULL,                  -- JSON object, kind -> mentions
                status TEXT NOT NULL,                  -- ok | error
                error TEXT,
                warnings TEXT,                         -- JSON array, NULL when none
                meta TEXT,                             -- JSON object, NULL when none
                pluginFingerprint TEXT NOT NULL,
                runId INTEGER NOT NULL REFERENCES runs(id),        -- run that first stored it
                updatedRunId INTEGER NOT NULL REFERENCES runs(id)  -- run that last extracted it
            ) STRICT;
            CREATE INDEX documents_sha256 ON documents(sha256);

            CREATE TABLE mentions (
                id TEXT PRIMARY KEY NOT NULL,          -- doc#start-end
                doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                byteStart INTEGER NOT NULL,
                byteEnd INTEGER NOT NULL,
                text TEXT NOT NULL,
                value TEXT NOT NULL,                   -- JSON, exact
                extractor TEXT NOT NULL,
                rule TEXT NOT NULL,
                inferred TEXT,                         -- JSON array, NULL when none
                equivalentOf TEXT,
                context TEXT,
                -- copies from value, for queries (NULL where the value has no such key):
                amount REAL,                           -- value.amount, for sorting and ranges
                amountExact TEXT,                      -- value.amount as written, never rounded
                currency TEXT,
                name TEXT,
                year INTEGER,
                entity TEXT                            -- entities.id of a named mention
            ) STRICT;
            CREATE INDEX mentions_doc ON mentions(doc);
            CREATE INDEX mentions_kind ON mentions(kind);
            CREATE INDEX mentions_name ON mentions(name);
            CREATE INDEX mentions_currency_amount ON mentions(currency, amount);
            CREATE INDEX mentions_entity ON mentions(entity);

            CREATE TABLE entities (
                id TEXT PRIMARY KEY NOT NULL,          -- kind:slug, as EntityIndex.id gives
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                acronyms TEXT NOT NULL,                -- JSON array
                aliases TEXT NOT NULL,                 -- JSON array
                editions TEXT,                         -- JSON array, NULL when none
                mentions INTEGER NOT NULL,
                documents INTEGER NOT NULL,
                firstDocument TEXT NOT NULL,
                lastDocument TEXT NOT NULL
            ) STRICT;
            """)
    }

    /// Date bounds (`dateStart`, `dateEnd`: ISO days, inclusive) to filter dates by, and each
    /// mention's sentence (index and span) to join mentions of one sentence. Stored dates get
    /// their bounds from their values here; sentences need the text, so every stored document
    /// is marked for re-extraction on the next run (its fingerprint no longer matches).
    private static func addDateBoundsAndSentences(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE mentions ADD COLUMN dateStart TEXT;          -- date: first day, YYYY-MM-DD
            ALTER TABLE mentions ADD COLUMN dateEnd TEXT;            -- date: last day, inclusive
            ALTER TABLE mentions ADD COLUMN sentence INTEGER;        -- 0-based within the document
            ALTER TABLE mentions ADD COLUMN sentenceStart INTEGER;   -- code points
            ALTER TABLE mentions ADD COLUMN sentenceEnd INTEGER;
            ALTER TABLE mentions ADD COLUMN sentenceByteStart INTEGER;
            ALTER TABLE mentions ADD COLUMN sentenceByteEnd INTEGER;
            CREATE INDEX mentions_date ON mentions(dateStart, dateEnd);
            CREATE INDEX mentions_doc_sentence ON mentions(doc, sentence);
            """)
        let dates = try Row.fetchAll(db, sql: "SELECT id, value FROM mentions WHERE kind = 'date'")
        let update = try db.makeStatement(sql: "UPDATE mentions SET dateStart = ?, dateEnd = ? WHERE id = ?")
        for row in dates {
            let id: String = row[0], value: String = row[1]
            guard case .string(let text)? = try? JSONParser.parse(value), let bounds = DateBounds(value: text) else { continue }
            try update.execute(arguments: [bounds.start, bounds.end, id])
        }
        try db.execute(sql: "UPDATE documents SET pluginFingerprint = 'before-v2-' || pluginFingerprint")
    }
}
