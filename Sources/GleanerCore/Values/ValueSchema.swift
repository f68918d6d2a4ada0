/// The shape of a kind's values, as the normalizer that makes them declares it (docs/kinds.md).
/// The record validator, `glean validate` and `schemas/kinds.schema.json` all read it; two
/// plugins of one kind must declare equal schemas. Data, not code, so that schemas can be
/// compared, printed and turned into JSON Schema.
public indirect enum ValueSchema: Sendable, Hashable {
    /// A string, narrowed by its format.
    case string(StringFormat)
    /// A number (or an integer), with an optional lower bound.
    case number(NumberRule)
    /// A JSON object with exactly these keys (each required or optional) and no other.
    case object([Field])
    /// Any JSON object or string: the shape of a normalizer that declares none.
    case objectOrString
    /// Exactly one of these shapes (a party is a country or an organization, each with its keys).
    case oneOf([ValueSchema])

    public enum StringFormat: Sendable, Hashable {
        case any
        case nonEmpty
        /// A date value of ANNOTATION.md (`2019-03`, `FY2020`, `XXXX-03-07/XXXX-03-09` ...).
        case dateValue
        /// Exactly this many capital letters A-Z (ISO 4217 currencies: 3; ISO 3166-1 alpha-2: 2).
        case capitals(Int)
        /// One of these words.
        case oneOf([String])
    }

    public struct NumberRule: Sendable, Hashable {
        public var integer: Bool
        public var minimum: Int?
        /// The minimum itself is not allowed (`amount > 0`).
        public var exclusive: Bool
        /// Not below the number under this sibling key (`amountMax` ≥ `amount`).
        public var notBelow: String?

        public init(integer: Bool = false, minimum: Int? = nil, exclusive: Bool = false, notBelow: String? = nil) {
            (self.integer, self.minimum, self.exclusive, self.notBelow) = (integer, minimum, exclusive, notBelow)
        }

        public static let any = NumberRule()
        public static let positive = NumberRule(minimum: 0, exclusive: true)
        public static let integer = NumberRule(integer: true)
    }

    public struct Field: Sendable, Hashable {
        public var name: String
        public var schema: ValueSchema
        public var required: Bool

        public init(_ name: String, _ schema: ValueSchema, required: Bool = true) {
            (self.name, self.schema, self.required) = (name, schema, required)
        }
    }

    /// What is wrong with `value`, or nil when it fits. `path` names the value in messages.
    public func problem(in value: JSONValue, path: String = "value") -> String? {
        switch self {
        case .objectOrString:
            switch value {
            case .object, .string: return nil
            default: return "\(path) must be a JSON object or string"
            }
        case .oneOf(let shapes):
            var first: String?
            for shape in shapes {
                guard let problem = shape.problem(in: value, path: path) else { return nil }
                first = first ?? problem
            }
            return first.map { "\($0) (\(path) must be one of: \(self))" } ?? "\(path) fits no shape"
        case .string(let format):
            guard case .string(let text) = value else { return "\(path) must be a string" }
            return format.problem(in: text, path: path)
        case .number(let rule):
            return rule.problem(in: value, siblings: nil, path: path)
        case .object(let fields):
            guard case .object(let pairs) = value else { return "\(path) must be an object \(self)" }
            for (key, item) in pairs {
                guard let field = fields.first(where: { $0.name == key }) else {
                    return "\(path) has the key '\(key)', not in \(self)"
                }
                let problem = if case .number(let rule) = field.schema {
                    rule.problem(in: item, siblings: value, path: "\(path).\(key)")
                } else {
                    field.schema.problem(in: item, path: "\(path).\(key)")
                }
                if let problem { return problem }
            }
            for field in fields where field.required && !pairs.contains(where: { $0.0 == field.name }) {
                return "\(path) needs the key '\(field.name)': \(self)"
            }
            return nil
        }
    }
}

extension ValueSchema.StringFormat {
    func problem(in text: String, path: String) -> String? {
        switch self {
        case .any:
            return nil
        case .nonEmpty:
            return text.isEmpty ? "\(path) must be a non-empty string" : nil
        case .dateValue:
            return DateValueSyntax.isValid(text) ? nil : "\(path) '\(text)' is not a date value"
        case .capitals(let count):
            return text.utf8.count == count && text.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) ? nil
                : "\(path) must be \(count) capital letters, not '\(text)'"
        case .oneOf(let words):
            return words.contains(text) ? nil : "\(path) must be one of \(words.joined(separator: ", ")), not '\(text)'"
        }
    }
}

extension ValueSchema.NumberRule {
    func problem(in value: JSONValue, siblings: JSONValue?, path: String) -> String? {
        guard case .number(let number) = value else { return "\(path) must be \(self)" }
        if integer, number.exponent < 0 { return "\(path) must be \(self)" }
        if let minimum {
            let bound = ExactNumber(minimum)
            if number < bound || (exclusive && number == bound) { return "\(path) must be \(self)" }
        }
        if let notBelow, case .number(let lower)? = siblings?[notBelow], number < lower {
            return "\(path) must be >= \(notBelow)"
        }
        return nil
    }
}

// MARK: - Reading

extension ValueSchema: CustomStringConvertible {
    /// A compact reading for messages and `glean plugins list`:
    /// `{amount: number > 0, amountMax?: number > 0 >= amount, currency: 3 capitals}`.
    public var description: String {
        switch self {
        case .objectOrString: return "object or string"
        case .string(let format):
            switch format {
            case .any: return "string"
            case .nonEmpty: return "non-empty string"
            case .dateValue: return "date value"
            case .capitals(let count): return "\(count) capitals"
            case .oneOf(let words): return words.joined(separator: "|")
            }
        case .number(let rule): return rule.description
        case .object(let fields):
            return "{" + fields.map { "\($0.name)\($0.required ? "" : "?"): \($0.schema)" }.joined(separator: ", ") + "}"
        case .oneOf(let shapes):
            return shapes.map(\.description).joined(separator: " | ")
        }
    }
}

extension ValueSchema.NumberRule: CustomStringConvertible {
    public var description: String {
        var text = integer ? "integer" : "number"
        if let minimum { text += exclusive ? " > \(minimum)" : " >= \(minimum)" }
        if let notBelow { text += " >= \(notBelow)" }
        return text
    }
}

extension ValueSchema {
    /// Whether the acronym pass may write `acronym` into `value` (`Name (ACR)`): only where
    /// the value then still has this shape (programs, organizations; not a country or an amount).
    public func admitsAcronym(in value: JSONValue?) -> Bool {
        guard let value, case .object = value else { return false }
        return problem(in: value.setting("acronym", to: .string("A"))) == nil
    }

    /// A date value string (`2019-11-30`, `FY2019`): what date bounds are derived from.
    public var isDateValue: Bool {
        if case .string(.dateValue) = self { return true }
        return false
    }
}
