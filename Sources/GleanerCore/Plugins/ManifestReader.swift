import Foundation
import Yams

/// Reads `manifest.yaml` into a `PluginManifest`, strictly: unknown keys, missing fields and
/// wrong types are errors that name the file, line and column.
struct ManifestReader {
    let file: String

    func read(_ yaml: String) throws(PluginError) -> PluginManifest {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw PluginError(file: file, line: 1, column: 1, message: "the manifest is empty")
            }
            root = node
        } catch let error as PluginError {
            throw error
        } catch {
            throw yamlError(error, yaml)
        }
        let top = try mapping(root, "the manifest",
                              allowed: ["id", "version", "kind", "description", "normalizer", "priority",
                                        "linkAcronyms", "linkEquivalents", "linkShortForms", "inferYears", "passes", "params", "fragments", "lexicons", "rules", "examples"])
        let id = try requiredString(top, "id", in: root)
        guard Self.isIdentifier(id) else {
            throw error(at: top["id"], "plugin id '\(id)' must be lowercase letters, digits, '_' or '-'")
        }
        var manifest = PluginManifest(
            id: id,
            version: try requiredString(top, "version", in: root),
            kind: try requiredString(top, "kind", in: root),
            description: try optionalString(top, "description") ?? "",
            normalizer: try requiredString(top, "normalizer", in: root),
            priority: try optionalInt(top, "priority") ?? 0,
            passes: try passes(top),
            params: try stringMap(top["params"], "params"),
            fragments: try stringMap(top["fragments"], "fragments"),
            lexicons: [], rules: [], examples: [], origin: file)
        if let lexicons = top["lexicons"] {
            for (key, value) in try mapping(lexicons, "lexicons") {
                guard let name = key.string else { throw error(at: key, "a lexicon id must be a string") }
                if let items = value.sequence {
                    // Inline: `stop: [The, A, An]`, one entry per item.
                    var entries: [String] = []
                    for item in items {
                        guard let text = item.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                            throw error(at: item, "lexicon '\(name)': an inline entry must be a non-empty string")
                        }
                        entries.append(text)
                    }
                    guard !entries.isEmpty else { throw error(at: value, "lexicon '\(name)': an inline lexicon needs entries") }
                    manifest.lexicons.append(LexiconReference(id: name, file: "", line: value.mark?.line ?? 0, entries: entries))
                    continue
                }
                guard let path = value.string else {
                    throw error(at: value, "a lexicon is `id: file.tsv` or `id: [entry, entry, …]`")
                }
                manifest.lexicons.append(LexiconReference(id: name, file: path, line: value.mark?.line ?? 0))
            }
        }
        guard let rules = top["rules"] else {
            throw error(at: root, "missing required key 'rules'")
        }
        for node in try sequence(rules, "rules") {
            manifest.rules.append(try rule(node))
        }
        if let examples = top["examples"] {
            manifest.examples = try sequence(examples, "examples").map { node throws(PluginError) in try example(node, rule: nil) }
        }
        return manifest
    }

    /// `passes: [acronyms, ...]`, plus the passes older boolean keys switch on, in registry order.
    private func passes(_ top: Node.Mapping) throws(PluginError) -> [String] {
        var named = Set<String>()
        if let list = top["passes"] {
            for item in try sequence(list, "passes") {
                guard let id = item.string, MergePassRegistry.ids.contains(id) else {
                    throw error(at: item, "unknown pass '\(item.string ?? "")' (passes: \(MergePassRegistry.ids.joined(separator: ", ")))")
                }
                named.insert(id)
            }
        }
        for entry in MergePassRegistry.all where try optionalBool(top, entry.flag) == true { named.insert(entry.id) }
        return MergePassRegistry.ids.filter(named.contains)
    }

    private func rule(_ node: Node) throws(PluginError) -> RuleManifest {
        let map = try mapping(node, "a rule",
                              allowed: ["id", "pattern", "flags", "span", "action", "priority", "params",
                                        "prefilter", "examples", "note"])
        let id = try requiredString(map, "id", in: node)
        var options: PatternOptions = []
        if let flags = map["flags"] {
            for flag in try sequence(flags, "flags") {
                switch flag.string {
                case "caseless": options.insert(.caseless)
                case "extended": options.insert(.extended)
                case "multiline": options.insert(.multiline)
                case "dotall": options.insert(.dotAll)
                default:
                    throw error(at: flag, "unknown flag '\(flag.string ?? "")' (caseless, extended, multiline, dotall)")
                }
            }
        }
        var action = RuleManifest.Action.extract
        if let actionNode = map["action"] {
            guard let text = actionNode.string, let parsed = RuleManifest.Action(rawValue: text) else {
                throw error(at: actionNode, "action must be 'extract' or 'block'")
            }
            action = parsed
        }
        var prefilter = RuleManifest.Prefilter.literal
        if let prefilterNode = map["prefilter"] {
            guard let text = prefilterNode.string, let parsed = RuleManifest.Prefilter(rawValue: text) else {
                throw error(at: prefilterNode, "prefilter must be 'literal' or 'pattern'")
            }
            prefilter = parsed
        }
        let examples = try map["examples"].map { node throws(PluginError) in
            try sequence(node, "examples").map { item throws(PluginError) in try example(item, rule: id) }
        } ?? []
        return RuleManifest(
            id: id,
            pattern: try requiredString(map, "pattern", in: node),
            options: options,
            spanGroup: try optionalString(map, "span"),
            action: action,
            priority: try optionalInt(map, "priority") ?? 0,
            params: try stringMap(map["params"], "params"),
            prefilter: prefilter,
            examples: examples,
            line: node.mark?.line ?? 0)
    }

    private func example(_ node: Node, rule: String?) throws(PluginError) -> ExampleManifest {
        if let text = node.scalar?.string {
            return ExampleManifest(text: text, values: nil, ruleID: rule, line: node.mark?.line ?? 0)
        }
        let map = try mapping(node, "an example", allowed: ["text", "values", "note"])
        let values = try map["values"].map { node throws(PluginError) in
            try sequence(node, "values").map(Self.json)
        }
        return ExampleManifest(text: try requiredString(map, "text", in: node), values: values,
                               ruleID: rule, line: node.mark?.line ?? 0)
    }

    /// YAML to JSON: mappings keep their order; plain scalars resolve as YAML 1.2 core
    /// (numbers, booleans, null); quoted scalars are strings.
    static func json(_ node: Node) -> JSONValue {
        switch node {
        case .mapping(let map):
            return .object(map.map { ($0.key.string ?? "", json($0.value)) })
        case .sequence(let items):
            return .array(items.map(json))
        case .scalar(let scalar):
            if scalar.style == .plain {
                if scalar.string == "null" || scalar.string == "~" { return .null }
                if scalar.string == "true" { return .bool(true) }
                if scalar.string == "false" { return .bool(false) }
                if let number = ExactNumber(digits: Array(scalar.string.utf8)) { return .number(number) }
                if scalar.string.hasPrefix("-"), let number = ExactNumber(digits: Array(scalar.string.utf8.dropFirst())) {
                    return .number(ExactNumber(significand: -number.significand, exponent: number.exponent))
                }
            }
            return .string(scalar.string)
        case .alias:
            return .null
        }
    }

    /// Plugin and rule ids: lowercase ASCII letter first, then letters, digits, `_`, `-`.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= 97 && first <= 122 else { return false }
        return text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 || $0 == 45 }
    }

    // MARK: - Typed access with positions

    private func mapping(_ node: Node, _ what: String, allowed: Set<String>? = nil) throws(PluginError) -> Node.Mapping {
        guard let map = node.mapping else { throw error(at: node, "\(what) must be a mapping") }
        if let allowed {
            for key in map.keys {
                let name = key.string ?? ""
                if !allowed.contains(name) {
                    throw error(at: key, "unknown key '\(name)' in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))")
                }
            }
        }
        return map
    }

    private func sequence(_ node: Node, _ what: String) throws(PluginError) -> [Node] {
        guard let items = node.sequence else { throw error(at: node, "'\(what)' must be a list") }
        return Array(items)
    }

    private func requiredString(_ map: Node.Mapping, _ key: String, in node: Node) throws(PluginError) -> String {
        guard let value = map[key] else { throw error(at: node, "missing required key '\(key)'") }
        guard let text = value.scalar?.string, !text.isEmpty else {
            throw error(at: value, "'\(key)' must be a non-empty string")
        }
        return text
    }

    private func optionalString(_ map: Node.Mapping, _ key: String) throws(PluginError) -> String? {
        guard let value = map[key] else { return nil }
        guard let text = value.scalar?.string else { throw error(at: value, "'\(key)' must be a string") }
        return text
    }

    private func optionalInt(_ map: Node.Mapping, _ key: String) throws(PluginError) -> Int? {
        guard let value = map[key] else { return nil }
        guard let number = value.int else { throw error(at: value, "'\(key)' must be an integer") }
        return number
    }

    private func optionalBool(_ map: Node.Mapping, _ key: String) throws(PluginError) -> Bool? {
        guard let value = map[key] else { return nil }
        guard let flag = value.bool else { throw error(at: value, "'\(key)' must be true or false") }
        return flag
    }

    private func stringMap(_ node: Node?, _ what: String) throws(PluginError) -> [String: String] {
        guard let node else { return [:] }
        var result: [String: String] = [:]
        for (key, value) in try mapping(node, what) {
            guard let name = key.string, let text = value.scalar?.string else {
                throw error(at: value, "'\(what)' entries must be `name: string`")
            }
            result[name] = text
        }
        return result
    }

    private func error(at node: Node?, _ message: String) -> PluginError {
        PluginError(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }

    private func yamlError(_ error: Error, _ yaml: String) -> PluginError {
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml's context says what was open and where (`while scanning a quoted scalar`
            // at 7:14), which is where the mistake is when the problem is the end of the file.
            let opened = context.flatMap { context in
                context.mark.line == mark.line && context.mark.column == mark.column ? nil
                    : " \(context.text) started at line \(context.mark.line), column \(context.mark.column)"
            } ?? ""
            return PluginError(file: file, line: mark.line, column: mark.column, message: "malformed YAML: \(problem)\(opened)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the first occurrence; point at the repeat, the line to delete or fix.
            let first = context.mark
            let repeated = Self.repeatedKey(duplicates.first ?? "", after: first, in: yaml)
            return PluginError(file: file, line: repeated?.line ?? first.line, column: repeated?.column ?? first.column,
                               message: "duplicate key '\(duplicates.joined(separator: "', '"))' (first at line \(first.line))")
        case .reader(let problem, _, _, _):
            return PluginError(file: file, message: "malformed YAML: \(problem)")
        default:
            return PluginError(file: file, message: "malformed YAML: \(error)")
        }
    }

    /// The next line after `first` that holds `key:` at the same column.
    static func repeatedKey(_ key: String, after first: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let line = lines[index].utf8
            let indent = line.prefix { $0 == 32 }.count
            guard indent == first.column - 1 else { continue }
            let rest = line.dropFirst(indent)
            if rest.starts(with: (key + ":").utf8) || rest.starts(with: ("- " + key + ":").utf8) {
                return (index + 1, first.column)
            }
        }
        return nil
    }
}
