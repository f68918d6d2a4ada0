/// Scores predicted mentions against gold exactly as `shared/eval/score.py` does: strict
/// P/R/F1 (same doc, kind, start, end), lenient F1 (overlapping spans, greedy one-to-one)
/// and value accuracy over strict matches whose gold value is not null.
public struct Scorer {
    public struct Item: Sendable {
        public var doc: String, kind: String, start: Int, end: Int, text: String
        public var value: JSONValue?

        public init(doc: String, kind: String, start: Int, end: Int, text: String, value: JSONValue?) {
            (self.doc, self.kind, self.start, self.end, self.text, self.value) = (doc, kind, start, end, text, value)
        }

        /// From a record line (gold or prediction).
        public init?(_ record: JSONValue, doc: String? = nil) {
            guard let doc = doc ?? record["doc"]?.stringValue, let kind = record["kind"]?.stringValue,
                  case .number(let start)? = record["start"], case .number(let end)? = record["end"],
                  let startInt = Int(start.description), let endInt = Int(end.description) else { return nil }
            self.init(doc: doc, kind: kind, start: startInt, end: endInt,
                      text: record["text"]?.stringValue ?? "", value: record["value"] == .null ? nil : record["value"])
        }

        var key: Key { Key(doc: doc, start: start, end: end) }
    }

    struct Key: Hashable, Comparable {
        let doc: String, start: Int, end: Int
        static func < (a: Key, b: Key) -> Bool { (a.doc, a.start, a.end) < (b.doc, b.start, b.end) }
    }

    public struct KindScore: Sendable {
        public var kind: String
        public var gold = 0, predicted = 0, strictTruePositives = 0
        public var precision = 0.0, recall = 0.0, f1 = 0.0, lenientF1 = 0.0
        public var valueAccuracy: Double?
        public var missed: [Item] = [], spurious: [Item] = [], wrongValue: [(gold: Item, predicted: Item)] = []
    }

    public static let kinds = ["date", "money", "program", "exercise", "party"]

    public static func score(gold: [Item], predicted: [Item], kinds: [String]) -> [KindScore] {
        kinds.map { kind in
            let g = gold.filter { $0.kind == kind }, p = predicted.filter { $0.kind == kind }
            var goldByKey: [Key: Item] = [:], predByKey: [Key: Item] = [:]
            for item in g { goldByKey[item.key] = item }
            for item in p { predByKey[item.key] = item }
            let strict = Set(goldByKey.keys).intersection(predByKey.keys)
            let valued = strict.filter { goldByKey[$0]!.value != nil }
            let wrong = valued.filter { goldByKey[$0]!.value != predByKey[$0]!.value }.sorted()
            // Lenient: greedy one-to-one matching of overlapping spans per document.
            var byDoc: [String: [Item]] = [:]
            for item in p.sorted(by: { ($0.doc, $0.start, $0.end) < ($1.doc, $1.start, $1.end) }) {
                byDoc[item.doc, default: []].append(item)
            }
            var used = Set<String>(), lenient = 0
            for item in g.sorted(by: { ($0.doc, $0.start) < ($1.doc, $1.start) }) {
                for (index, other) in (byDoc[item.doc] ?? []).enumerated()
                where !used.contains("\(item.doc)\u{0}\(index)") && other.start < item.end && item.start < other.end {
                    used.insert("\(item.doc)\u{0}\(index)")
                    lenient += 1
                    break
                }
            }
            func prf(_ tp: Int) -> (Double, Double, Double) {
                let precision = p.isEmpty ? (g.isEmpty ? 1 : 0) : Double(tp) / Double(p.count)
                let recall = g.isEmpty ? (p.isEmpty ? 1 : 0) : Double(tp) / Double(g.count)
                return (precision, recall, precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0)
            }
            var score = KindScore(kind: kind)
            score.gold = g.count
            score.predicted = p.count
            score.strictTruePositives = strict.count
            (score.precision, score.recall, score.f1) = prf(strict.count)
            score.lenientF1 = prf(lenient).2
            score.valueAccuracy = valued.isEmpty ? nil : Double(valued.count - wrong.count) / Double(valued.count)
            score.missed = goldByKey.keys.filter { predByKey[$0] == nil }.sorted().map { goldByKey[$0]! }
            score.spurious = predByKey.keys.filter { goldByKey[$0] == nil }.sorted().map { predByKey[$0]! }
            score.wrongValue = wrong.map { (goldByKey[$0]!, predByKey[$0]!) }
            return score
        }
    }
}
