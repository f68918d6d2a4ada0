/// Normalizers that ship with the core, for manifest-only plugins and the built-in ones.
public enum CoreNormalizers {
    public static let all: [NormalizerFactory] = [text, name]

    /// `text`: the value is the mention's text (or the `value` group's), spaces collapsed.
    public static let text = NormalizerFactory(id: "text") { _ in TextNormalizer() }

    /// `name`: `{"name": canonical}` from the `name` group (or the whole span), with
    /// `acronym` from an `acronym` group; canonical names come from the lexicon named by the
    /// plugin param `lexicon`, folding the head words listed in `optionalHeads`.
    public static let name = NormalizerFactory(id: "name") { context throws(PluginError) in
        let lexicon = try context.manifest.params["lexicon"].map { id throws(PluginError) in try context.lexicon(id) }
        let heads = context.manifest.params["optionalHeads"]?.lowercased().split(separator: "|").map(String.init) ?? []
        return NameNormalizer(canonicalizer: NameCanonicalizer(lexicon: lexicon, optionalHeads: heads))
    }
}

struct TextNormalizer: Normalizer {
    func normalize(_ match: RuleMatch) -> Normalization? {
        let text = match.string("value") ?? match.text
        return Normalization(value: .string(NameCanonicalizer(lexicon: nil).collapsingSpaces(text)))
    }
}

public struct NameNormalizer: Normalizer {
    public let canonicalizer: NameCanonicalizer

    public init(canonicalizer: NameCanonicalizer) { self.canonicalizer = canonicalizer }

    public func normalize(_ match: RuleMatch) -> Normalization? {
        let written = canonicalizer.collapsingSpaces(match.string("name") ?? match.text)
        var pairs: [(String, JSONValue)] = []
        if let row = canonicalizer.entry(for: written), let lexicon = canonicalizer.lexicon {
            pairs.append(("name", .string(row[lexicon.columns[0]]!)))
            // A bare acronym or short form (`SCRI`, `Quad`) is itself the acronym.
            if let acronym = row["acronym"], Lexicon.key(acronym) == Lexicon.key(written) {
                pairs.append(("acronym", .string(written)))
            } else if let short = row["short"], Lexicon.key(short) == Lexicon.key(written) {
                pairs.append(("acronym", .string(written)))
            }
        } else {
            pairs.append(("name", .string(canonicalizer.titleCased(written))))
        }
        if let acronym = match.string("acronym"), !pairs.contains(where: { $0.0 == "acronym" }) {
            pairs.append(("acronym", .string(acronym)))
        }
        return Normalization(value: .object(pairs))
    }
}
