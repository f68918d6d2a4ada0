/// A node of a parsed HTML page: an element (lower-case tag name, attributes, children) or a
/// run of text. `LibXML2HTMLParser` builds the tree from libxml2's; everything above it (the
/// article extractor, the metadata reader, the text renderers) works on this safe tree, which
/// it may rearrange freely (readability's algorithm moves, retags and removes nodes).
final class HTMLNode {
    enum Kind: UInt8 { case element, text }

    let kind: Kind
    /// The tag name in lower case; empty for text.
    var name: String
    var attributes: [(name: String, value: String)]
    /// The characters of a text node, entities decoded; empty for an element.
    var text: String
    private(set) var children: [HTMLNode] = []
    // unowned, not weak: a weak reference gives every node a side table and makes each retain
    // and release take the slow path (the walks of the extractor doubled in time). A node never
    // outlives its parent while attached: `remove()` clears this before the parent can go.
    private(set) unowned var parent: HTMLNode?

    /// readability's `contentScore`, nil until the node is a candidate.
    var contentScore: Double?
    /// readability's data-table mark: a table of data (kept) rather than of layout.
    var isDataTable = false

    init(element name: String, attributes: [(name: String, value: String)] = []) {
        kind = .element
        self.name = name
        self.attributes = attributes
        text = ""
    }

    init(text: String) {
        kind = .text
        name = ""
        attributes = []
        self.text = text
    }

    var isElement: Bool { kind == .element }
    var isText: Bool { kind == .text }

    // MARK: Attributes

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    func hasAttribute(_ name: String) -> Bool { attributes.contains { $0.name == name } }

    func setAttribute(_ name: String, _ value: String) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            attributes[index].value = value
        } else {
            attributes.append((name, value))
        }
    }

    var className: String { attribute("class") ?? "" }
    var id: String { attribute("id") ?? "" }
    /// `class` and `id` joined by a space, what readability matches its hints against.
    var classAndID: String { className + " " + id }

    // MARK: Tree

    var elementChildren: [HTMLNode] { children.filter(\.isElement) }
    var firstElementChild: HTMLNode? { children.first(where: \.isElement) }
    var firstChild: HTMLNode? { children.first }
    var lastChild: HTMLNode? { children.last }

    private var indexInParent: Int? { parent?.children.firstIndex { $0 === self } }

    var nextSibling: HTMLNode? {
        guard let parent, let index = indexInParent, index + 1 < parent.children.count else { return nil }
        return parent.children[index + 1]
    }

    var nextElementSibling: HTMLNode? {
        guard let parent, let index = indexInParent else { return nil }
        return parent.children[(index + 1)...].first(where: \.isElement)
    }

    var previousElementSibling: HTMLNode? {
        guard let parent, let index = indexInParent else { return nil }
        return parent.children[..<index].last(where: \.isElement)
    }

    /// Moves `node` (from wherever it is) to the end of this node's children.
    func append(_ node: HTMLNode) {
        node.remove()
        node.parent = self
        children.append(node)
    }

    /// Moves `node` before `reference` (one of this node's children), or to the end when nil.
    func insert(_ node: HTMLNode, before reference: HTMLNode?) {
        node.remove()
        guard let reference, let index = children.firstIndex(where: { $0 === reference }) else {
            return append(node)
        }
        node.parent = self
        children.insert(node, at: index)
    }

    func remove() {
        guard let parent, let index = indexInParent else { return }
        parent.children.remove(at: index)
        self.parent = nil
    }

    /// Puts `node` where this node is, and takes this node out of the tree.
    func replace(with node: HTMLNode) {
        guard let parent, let index = indexInParent, node !== self else { return }
        node.remove()
        // `node` may have been an earlier sibling: find this node again.
        let at = parent.children.firstIndex { $0 === self } ?? index
        parent.children[at] = node
        node.parent = parent
        self.parent = nil
    }

    /// A new element with this one's attributes and children, put in its place (readability's
    /// `_setNodeTag`); scores and marks carry over.
    @discardableResult
    func retag(_ name: String) -> HTMLNode {
        let replacement = HTMLNode(element: name, attributes: attributes)
        replacement.contentScore = contentScore
        replacement.isDataTable = isDataTable
        for child in children { replacement.append(child) }
        replace(with: replacement)
        return replacement
    }

    /// The ancestors, nearest first, at most `limit` of them (0: all).
    func ancestors(limit: Int = 0) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var node = parent
        while let current = node {
            result.append(current)
            if limit > 0, result.count == limit { break }
            node = current.parent
        }
        return result
    }

    func hasAncestor(_ other: HTMLNode) -> Bool {
        var node = parent
        while let current = node {
            if current === other { return true }
            node = current.parent
        }
        return false
    }

    /// The descendant elements named `names` in document order (`getElementsByTagName`).
    func elements(named names: Set<String>) -> [HTMLNode] {
        var found: [HTMLNode] = []
        forEachDescendant { node in
            if node.isElement, names.contains(node.name) { found.append(node) }
        }
        return found
    }

    func elements(named name: String) -> [HTMLNode] { elements(named: [name]) }

    func contains(elementNamed names: Set<String>) -> Bool {
        firstDescendant { $0.isElement && names.contains($0.name) } != nil
    }

    /// The first descendant in document order that passes `test`, stopping there.
    func firstDescendant(where test: (HTMLNode) -> Bool) -> HTMLNode? {
        var stack: [(HTMLNode, Int)] = [(self, 0)]
        while let (node, index) = stack.last {
            if index < node.children.count {
                stack[stack.count - 1].1 = index + 1
                let child = node.children[index]
                if test(child) { return child }
                if !child.children.isEmpty { stack.append((child, 0)) }
            } else {
                stack.removeLast()
            }
        }
        return nil
    }

    /// Every descendant in document order, without recursion (pages can be deep).
    func forEachDescendant(_ body: (HTMLNode) -> Void) {
        var stack: [(HTMLNode, Int)] = [(self, 0)]
        while let (node, index) = stack.last {
            if index < node.children.count {
                stack[stack.count - 1].1 = index + 1
                let child = node.children[index]
                body(child)
                if !child.children.isEmpty { stack.append((child, 0)) }
            } else {
                stack.removeLast()
            }
        }
    }

    /// The text of every descendant text node, concatenated (`textContent`).
    var textContent: String {
        if isText { return text }
        var result = ""
        forEachDescendant { if $0.isText { result += $0.text } }
        return result
    }

    /// The next element in document order (readability's `_getNextNode`): the first element
    /// child unless `skippingChildren`, else the next element sibling of this node or of the
    /// nearest ancestor that has one.
    func nextElementInOrder(skippingChildren: Bool = false) -> HTMLNode? {
        if !skippingChildren, let child = firstElementChild { return child }
        var node: HTMLNode? = self
        while let current = node {
            if let sibling = current.nextElementSibling { return sibling }
            node = current.parent
        }
        return nil
    }
}

extension HTMLNode {
    /// The root of a parsed page (not an element of it).
    var isDocument: Bool { name == "#document" }

    /// A copy of this node and everything under it, detached, without recursion.
    func deepCopy() -> HTMLNode {
        func shallow(_ node: HTMLNode) -> HTMLNode {
            node.isText ? HTMLNode(text: node.text) : HTMLNode(element: node.name, attributes: node.attributes)
        }
        let root = shallow(self)
        var stack: [(HTMLNode, HTMLNode)] = [(self, root)]
        while let (original, copy) = stack.popLast() {
            for child in original.children {
                let childCopy = shallow(child)
                copy.append(childCopy)
                if !child.children.isEmpty { stack.append((child, childCopy)) }
            }
        }
        return root
    }

    /// The first element named `name` in document order, this node included.
    func firstElement(named name: String) -> HTMLNode? {
        if isElement, self.name == name { return self }
        return firstDescendant { $0.isElement && $0.name == name }
    }
}
