/// One step of the merge stage. Passes run in the order `MergePipeline` lists them; each may
/// drop, change or add candidates, and records every candidate it drops as a `Decision`.
public protocol MergePass: Sendable {
    var name: String { get }
    func apply(to candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision])
}

/// What a merge pass sees besides the candidates.
public struct MergeContext {
    public let document: Document
    public let bytes: UnsafeBufferPointer<UInt8>
    public let plugins: [Plugin]
    /// `plugins`' traits, by plugin index.
    public let traits: [PluginTraits]
    /// False when nobody reads the decisions (no `--explain`): passes then skip building them.
    public let recordsDecisions: Bool
    /// Makes the values of pending candidates, which the overlap pass asks for (nil when no
    /// candidate is pending: the engine defers values only when the overlap pass comes first).
    var deferredValues: DeferredValues?

    public init(document: Document, bytes: UnsafeBufferPointer<UInt8>, plugins: [Plugin], traits: [PluginTraits]? = nil,
                recordsDecisions: Bool = true) {
        self.document = document
        self.bytes = bytes
        self.plugins = plugins
        self.traits = traits ?? PluginTraits.of(plugins)
        self.recordsDecisions = recordsDecisions
    }

    public func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    public func ruleID(of candidate: Candidate) -> String {
        candidate.rule >= 0 ? traits[candidate.plugin].ruleIDs[candidate.rule] : Decision.acronymRule
    }

    /// Whether the bytes of `range` equal `token`.
    func bytes(_ range: Range<Int>, equal token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard range.count == token.count else { return false }
        for offset in 0..<token.count where bytes[range.lowerBound + offset] != token[offset] { return false }
        return true
    }
}

/// Why a candidate is not in the dataset (`decisions.jsonl`, `glean explain`).
public struct Decision: Sendable {
    public static let acronymRule = "acronym"

    public var plugin: String
    public var kind: String
    public var rule: String
    public var bytes: Range<Int>
    public var text: String
    public var value: JSONValue?
    public var pass: String
    public var reason: String
    /// The candidate that won, where one did: kind, rule, text and byte range.
    public var winner: (kind: String, rule: String, text: String, bytes: Range<Int>)?

    public init(_ candidate: Candidate, in context: MergeContext, pass: String, reason: String,
                winner: Candidate? = nil) {
        let traits = context.traits[candidate.plugin]
        plugin = traits.id
        kind = traits.kind
        rule = context.ruleID(of: candidate)
        bytes = candidate.bytes
        text = context.text(candidate.bytes)
        value = candidate.value
        self.pass = pass
        self.reason = reason
        if let winner {
            self.winner = (context.traits[winner.plugin].kind, context.ruleID(of: winner),
                           context.text(winner.bytes), winner.bytes)
        }
    }
}
