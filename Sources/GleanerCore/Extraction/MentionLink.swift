/// A relation from one mention to another of the same document, set by a merge pass and
/// written in the record as `"<relation>": "<target mention id>"` (`"equivalentOf":
/// "doc#10-25"`). Relations are the ones registered passes declare
/// (`MergePassRegistry.relations`), so records, schemas and stores know their keys.
public struct MentionLink: Sendable, Hashable {
    public var relation: String
    /// The id of the mention linked to.
    public var target: String

    public init(relation: String, target: String) {
        self.relation = relation
        self.target = target
    }

    /// The amount this one restates (`AmountLinker`).
    public static let equivalentOf = "equivalentOf"
}

/// A link while candidates are merged: the relation (an index into
/// `MergePassRegistry.relations`, so a candidate holds no reference for it) and the target's bytes.
public struct CandidateLink: Sendable {
    public var relation: Int
    public var target: Range<Int>

    public init(relation: String, target: Range<Int>) {
        self.relation = MergePassRegistry.relations.firstIndex(of: relation) ?? 0
        self.target = target
    }

    init(relationIndex: Int, target: Range<Int>) {
        relation = relationIndex
        self.target = target
    }

    public var relationName: String { MergePassRegistry.relations[relation] }
}
