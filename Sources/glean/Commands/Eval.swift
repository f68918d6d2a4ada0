import ArgumentParser
import Foundation
import GleanerCatalog
import GleanerCore

extension Glean {
    struct Eval: GleanCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score extraction against gold mentions: precision, recall, F1 and value accuracy per kind.",
            discussion: """
                Extracts from PATH (default Corpus/articles; for a documents-shaped gold file, the gold's \
                own texts) or reads --pred, then prints per kind: strict P/R/F1 (same kind, exact span), \
                lenient F1 (same kind, overlapping spans) and value accuracy (the strict matches whose value \
                equals the gold's). What a mention and its value are: docs/values.md.
                """)

        @Option(help: "Gold mentions: a .jsonl file or a folder of them.")
        var gold: String

        @Option(help: "Score this mentions file instead of extracting.")
        var pred: String?

        @Argument(help: "Files or folders to extract from.")
        var paths: [String] = []

        @Option(help: "List up to N errors of each class per kind.")
        var errors = 0

        @Flag(help: "Print one JSON object instead of the table.")
        var json = false

        @OptionGroup var options: ExtractionOptions

        @OptionGroup var htmlText: HTMLTextOptions


        func execute() throws {
            let goldSet: GoldSet
            do { goldSet = try GoldSet(path: gold) } catch { throw CLIError.input(error.description) }
            var predicted: [Scorer.Item] = []
            // Kinds are listed in the order of the plugins that declare them.
            var pluginKinds: [String]
            if let pred {
                do { predicted = try GoldSet(path: pred).items } catch { throw CLIError.input(error.description) }
                do { pluginKinds = try Catalog.plugins(directories: pluginPaths(options.pluginDirectories)).map(\.kind) } catch {
                    throw CLIError.plugin(error)
                }
            } else {
                let engine = try options.loadEngine()
                pluginKinds = engine.plugins.map(\.kind)
                let documents = paths.isEmpty && !goldSet.documents.isEmpty
                    ? goldSet.documents : try readDocuments(InputPlan.paths(paths), htmlText: htmlText.mode)
                let scratch = engine.makeScratch()
                for document in documents {
                    predicted += engine.extract(document, scratch: scratch).mentions.map {
                        Scorer.Item(doc: $0.doc, kind: $0.kind, start: $0.start, end: $0.end, text: $0.text, value: $0.value)
                    }
                }
            }
            // Like score.py: with documents-shaped gold, only predictions on gold documents count.
            if !goldSet.documents.isEmpty {
                let ids = Set(goldSet.documents.map(\.id))
                predicted = predicted.filter { ids.contains($0.doc) }
            }
            let kinds = options.kindSet.map { Scorer.ordered($0, by: pluginKinds) }
                ?? Scorer.kinds(gold: goldSet.items, predicted: predicted, order: pluginKinds)
            let scores = Scorer.score(gold: goldSet.items, predicted: predicted, kinds: kinds)
            let documentCount = Set(goldSet.documents.map(\.id) + goldSet.items.map(\.doc) + predicted.map(\.doc)).count
            if json {
                print(JSONWriter.string(Self.json(scores, documents: documentCount, errors: errors)))
                return
            }
            print("\(documentCount) documents")
            print("kind       gold  pred      P      R     F1  lenF1  value")
            for score in scores {
                // score.py rounds to 4 places, then prints 3: round twice the same way.
                func r4(_ x: Double) -> Double { (x * 10_000).rounded(.toNearestOrEven) / 10_000 }
                let value = score.valueAccuracy.map { String(format: "%.3f", r4($0)) } ?? "-"
                // The same columns as score.py, so the two tables can be diffed.
                let kind = score.kind.padding(toLength: max(9, score.kind.count), withPad: " ", startingAt: 0)
                let numbers = String(format: "%5d %5d %6.3f %6.3f %6.3f %6.3f", score.gold, score.predicted,
                                     r4(score.precision), r4(score.recall), r4(score.f1), r4(score.lenientF1))
                print("\(kind) \(numbers) \(String(repeating: " ", count: max(0, 6 - value.count)))\(value)")
            }
            guard errors > 0 else { return }
            for score in scores {
                for item in score.missed.prefix(errors) { print("  \(score.kind) missed: \(item.doc) [\(item.start),\(item.end)) '\(item.text)'") }
                for item in score.spurious.prefix(errors) { print("  \(score.kind) spurious: \(item.doc) [\(item.start),\(item.end)) '\(item.text)'") }
                for (g, p) in score.wrongValue.prefix(errors) {
                    print("  \(score.kind) value: \(g.doc) [\(g.start),\(g.end)) '\(g.text)' gold=\(JSONWriter.string(g.value ?? .null)) pred=\(JSONWriter.string(p.value ?? .null))")
                }
            }
        }

        /// `--json`: the table's numbers (rounded to 4 places, as the table rounds them before
        /// printing 3), and with `--errors N` the listed misses per kind.
        static func json(_ scores: [Scorer.KindScore], documents: Int, errors: Int) -> JSONValue {
            func number(_ x: Double) -> JSONValue {
                .number(ExactNumber(significand: Int128((x * 10_000).rounded(.toNearestOrEven)), exponent: -4))
            }
            func item(_ item: Scorer.Item) -> [(String, JSONValue)] {
                [("doc", .string(item.doc)), ("start", .int(item.start)), ("end", .int(item.end)), ("text", .string(item.text))]
            }
            return .object([
                ("documents", .int(documents)),
                ("kinds", .array(scores.map { score in
                    var pairs: [(String, JSONValue)] = [
                        ("kind", .string(score.kind)), ("gold", .int(score.gold)), ("predicted", .int(score.predicted)),
                        ("precision", number(score.precision)), ("recall", number(score.recall)), ("f1", number(score.f1)),
                        ("lenientF1", number(score.lenientF1)), ("valueAccuracy", score.valueAccuracy.map(number) ?? .null),
                    ]
                    if errors > 0 {
                        pairs.append(("missed", .array(score.missed.prefix(errors).map { .object(item($0)) })))
                        pairs.append(("spurious", .array(score.spurious.prefix(errors).map { .object(item($0)) })))
                        pairs.append(("wrongValue", .array(score.wrongValue.prefix(errors).map { pair in
                            .object(item(pair.gold) + [("gold", pair.gold.value ?? .null), ("predicted", pair.predicted.value ?? .null)])
                        })))
                    }
                    return .object(pairs)
                })),
            ])
        }
    }
}
