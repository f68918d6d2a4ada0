/// How lexicon references compiled before callouts (`LexiconMatcher`), kept as the reference
/// the equivalence tests compare callouts with (`PatternComposer.lexiconsAsAlternations`).
///
/// A lexicon alternation written as a prefix tree: `(?:Act East(?: Policy)?|Ayushman Bharat)`
/// instead of one branch per entry. PCRE2 tries alternatives one by one, so a flat list of
/// hundreds of names costs hundreds of tests at every position; the tree costs one per
/// character. It matches what the flat list sorted longest first matches: at each node the
/// longer continuations come first and an entry that ends there is a greedy optional, so the
/// longest entry is preferred and shorter ones are tried on backtracking. Siblings start with
/// different atoms and never match the same text.
struct LexiconTrie {
    private final class Node {
        var children: [(atom: String, node: Node)] = []
        var terminal = false
        var longest = 0
    }

    private let root = Node()

    init(_ entries: [[String]]) {
        for atoms in entries where !atoms.isEmpty {
            var node = root
            node.longest = max(node.longest, atoms.count)
            for (depth, atom) in atoms.enumerated() {
                if let child = node.children.first(where: { $0.atom == atom })?.node {
                    node = child
                } else {
                    let child = Node()
                    node.children.append((atom, child))
                    node = child
                }
                node.longest = max(node.longest, atoms.count - depth - 1)
            }
            node.terminal = true
        }
    }

    var pattern: String {
        root.children.isEmpty ? "(*FAIL)" : "(?:" + Self.branches(root) + ")"
    }

    private static func branches(_ node: Node) -> String {
        node.children
            .sorted { $0.node.longest != $1.node.longest ? $0.node.longest > $1.node.longest : $0.atom < $1.atom }
            .map { $0.atom + suffix($0.node) }
            .joined(separator: "|")
    }

    private static func suffix(_ node: Node) -> String {
        if node.children.isEmpty { return "" }
        if node.children.count == 1, !node.terminal {
            return node.children[0].atom + suffix(node.children[0].node)
        }
        return "(?:" + branches(node) + ")" + (node.terminal ? "?" : "")
    }
}
