import ArgumentParser

/// A command name that is not one of glean's (`glean reprot`, `glean plugin list`), with the
/// closest real one. Found before parsing, so a typo is never read as an option or a path.
struct CommandSuggestion: CustomStringConvertible {
    let given: String
    let parent: String
    let commands: [String]

    /// The first word naming a command that does not exist: the first argument of glean, and the
    /// first argument after a command that has subcommands (`plugins`).
    static func unknownCommand(in arguments: [String], root: ParsableCommand.Type) -> CommandSuggestion? {
        var command = Node(root)
        var path = command.name
        for argument in arguments {
            guard !command.subcommands.isEmpty, !argument.hasPrefix("-") else { return nil }
            let children = command.subcommands.map(Node.init)
            guard let next = children.first(where: { $0.name == argument || $0.aliases.contains(argument) }) else {
                let names = children.map(\.name) + ["help"]
                return names.contains(argument) ? nil : CommandSuggestion(given: argument, parent: path, commands: names)
            }
            command = next
            path += " " + next.name
        }
        return nil
    }

    /// What the search needs of a command type (read through a generic function: the Swift
    /// 6.3 compiler crashes reading `configuration` through an existential metatype here).
    private struct Node {
        let name: String
        let aliases: [String]
        let subcommands: [ParsableCommand.Type]

        init(_ type: ParsableCommand.Type) { self = Self.read(type) }

        private static func read<Command: ParsableCommand>(_ type: Command.Type) -> Node {
            Node(name: Command._commandName, aliases: Command.configuration.aliases,
                 subcommands: Command.configuration.subcommands)
        }

        private init(name: String, aliases: [String], subcommands: [ParsableCommand.Type]) {
            self.name = name
            self.aliases = aliases
            self.subcommands = subcommands
        }
    }

    /// The command spelled most like `given`: two edits at most, or one that starts with it.
    var suggestion: String? {
        let scored = commands.map { ($0, Self.distance(given.lowercased(), $0)) }
        if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, min(2, given.count / 2)) { return best.0 }
        return commands.first { $0.hasPrefix(given.lowercased()) && !given.isEmpty }
    }

    var description: String {
        let hint = suggestion.map { "did you mean `\(parent) \($0)`?" } ?? "the commands are \(commands.joined(separator: ", "))"
        return "'\(given)' is not a \(parent) command; \(hint)"
    }

    /// Levenshtein distance, with a transposition counting as one edit (`reprot`).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
