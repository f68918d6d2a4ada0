/// A plugin that cannot be loaded: malformed YAML, unknown keys, missing fields, a pattern
/// that does not compile, a missing lexicon. Carries the file and, where known, the line and
/// column, so the message points at the mistake.
public struct PluginError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): error: \(message)"
    }
}
