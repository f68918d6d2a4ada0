/// For plugins with `linkShortForms: true`: a name that repeats the end of a longer name met
/// earlier in the same document (`the Defence Policy Dialogue` after `India-Japan Defence
/// Policy Dialogue`) is a short form of it and takes its canonical name.
public struct ShortFormLinker: MergePass {
    public let name = "short-form"

    public init() {}

    public func apply(to candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision]) {
        var earlier: [Int: [[Substring]]] = [:]
        var names: [Int: [String]] = [:]
        for index in candidates.indices {
            let candidate = candidates[index]
            guard context.plugins[candidate.plugin].manifest.linkShortForms,
                  let name = candidate.value?["name"]?.stringValue else { continue }
            let words = Self.words(name)
            if words.count >= 2, let match = earlier[candidate.plugin]?.indices.last(where: { position in
                let full = earlier[candidate.plugin]![position]
                return full.count > words.count && Array(full.suffix(words.count)) == words
            }) {
                candidates[index].value = candidate.value?.setting("name", to: .string(names[candidate.plugin]![match]))
            } else {
                earlier[candidate.plugin, default: []].append(words)
                names[candidate.plugin, default: []].append(name)
            }
        }
    }

    /// Words of a name, with hyphens as separators and case folded.
    static func words(_ name: String) -> [Substring] {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{2013}" })
    }
}
