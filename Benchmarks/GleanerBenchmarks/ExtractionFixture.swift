import GleanerCore

/// An engine, its per-thread scratch and the corpus: what every extraction benchmark starts
/// from. Built in a benchmark's setup, so that compiling the patterns is not measured.
final class ExtractionFixture {
    let engine: Engine
    let scratch: Engine.Scratch
    let documents: [Document]
    let bytes: Int

    init(plugins: [Plugin], documents: [Document]) {
        engine = Engine(plugins: plugins)
        scratch = engine.makeScratch()
        self.documents = documents
        bytes = documents.reduce(0) { $0 + $1.text.utf8.count }
    }

    /// One extraction of every document, as `glean run` does it (one scratch, reused).
    func extractAll() -> [Engine.Result] {
        documents.map { engine.extract($0, scratch: scratch) }
    }

    /// Each document with its candidates before the merge, the merge benchmark's input.
    func unmergedCandidates() -> [(document: Document, candidates: [Candidate])] {
        documents.map { ($0, engine.extract($0, scratch: scratch, keepCandidates: true).candidates) }
    }

    /// Runs the engine's merge pipeline on copies of `unmerged`, as `Engine.extract` runs it
    /// after matching; returns how many candidates survive.
    func merge(_ unmerged: [(document: Document, candidates: [Candidate])]) -> Int {
        var kept = 0
        for (document, candidates) in unmerged {
            var text = document.text
            var merged = candidates
            var decisions: [Decision] = []
            text.withUTF8 { bytes in
                let context = MergeContext(document: document, bytes: bytes, plugins: engine.plugins)
                engine.pipeline.run(&merged, in: context, decisions: &decisions)
            }
            kept += merged.count
        }
        return kept
    }

    /// Every plugin's reference scan (its rules as one plain PCRE2-JIT alternation) over every
    /// document: the floor `glean bench` compares the engine with.
    func referenceScanAll() -> Int {
        var matches = 0
        for document in documents {
            var text = document.text
            text.withUTF8 { bytes in
                for plugin in engine.plugins { matches += plugin.referenceScanCount(in: bytes, scratch: scratch) }
            }
        }
        return matches
    }
}
