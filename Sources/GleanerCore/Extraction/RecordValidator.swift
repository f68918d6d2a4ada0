/// Checks a record before it is written: offsets in range and on character boundaries,
/// `text` equal to the document slice, and the value shaped for its kind (ANNOTATION.md).
/// A failure is an extractor bug; the document fails with this message.
public enum RecordValidator {
    public static func problem(in mention: Mention, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if let problem = spanProblem(start: mention.start, end: mention.end, byteStart: mention.byteStart, byteEnd: mention.byteEnd,
                                     byteCount: bytes.count) { return problem }
        let slice = String(decoding: UnsafeBufferPointer(rebasing: bytes[mention.byteStart..<mention.byteEnd]), as: UTF8.self)
        guard slice == mention.text else { return "text does not equal the document slice" }
        return valueProblem(kind: mention.kind, value: mention.value)
    }

    /// The checks of `problem(in:bytes:)` for a record `MentionBuilder` is making, on its parts
    /// (checked before the record is made): its text is the document slice by construction,
    /// so only the offsets and the value are checked.
    static func problem(inBuiltStart start: Int, end: Int, bytes: Range<Int>, value: JSONValue, byteCount: Int,
                        shape: ValueShape) -> String? {
        spanProblem(start: start, end: end, byteStart: bytes.lowerBound, byteEnd: bytes.upperBound, byteCount: byteCount)
            ?? shape.problem(in: value)
    }

    static func spanProblem(start: Int, end: Int, byteStart: Int, byteEnd: Int, byteCount: Int) -> String? {
        guard start >= 0, start < end else { return "empty or negative span" }
        guard byteStart >= 0, byteStart < byteEnd, byteEnd <= byteCount else {
            return "byte span \(byteStart)-\(byteEnd) outside the document"
        }
        return nil
    }

    /// The value shapes of the built-in kinds; other kinds need a JSON object or string.
    public static func valueProblem(kind: String, value: JSONValue) -> String? {
        ValueShape(kind: kind).problem(in: value)
    }

    /// What a kind's values look like, decided once per plugin rather than per record.
    enum ValueShape: Sendable {
        case date, money, program, exercise, party, other

        init(kind: String) {
            switch kind {
            case "date": self = .date
            case "money": self = .money
            case "program": self = .program
            case "exercise": self = .exercise
            case "party": self = .party
            default: self = .other
            }
        }

        // Built once: an array literal at the call would be allocated for every record.
        private static let programKeys = ["name", "acronym"]
        private static let exerciseKeys = ["name", "year", "edition"]
        private static let exerciseIntegers = ["year", "edition"]
        private static let countryKeys = ["name", "type", "code"]
        private static let organizationKeys = ["name", "type", "acronym"]

        func problem(in value: JSONValue) -> String? {
            switch self {
            case .date:
                guard let text = value.stringValue else { return "a date value is a string" }
                return DateValueSyntax.isValid(text) ? nil : "'\(text)' is not a date value"
            case .money:
                return moneyProblem(value)
            case .program:
                return nameProblem(value, allowed: Self.programKeys, integers: [])
            case .exercise:
                return nameProblem(value, allowed: Self.exerciseKeys, integers: Self.exerciseIntegers)
            case .party:
                return partyProblem(value)
            case .other:
                switch value {
                case .object, .string: return nil
                default: return "a value is a JSON object or string"
                }
            }
        }

        /// Whether the acronym pass may set `acronym` on this value: names that have one
        /// (programs, organizations, plugin kinds), never a country or an amount.
        func takesAcronym(_ value: JSONValue?) -> Bool {
            switch self {
            case .date, .money, .exercise: return false
            case .party: return value?["type"]?.stringValue == "organization"
            case .program, .other: return true
            }
        }

        private func moneyProblem(_ value: JSONValue) -> String? {
            let message = "money needs amount > 0 and a three-letter currency, and no other key"
            guard let pairs = value.objectPairs,
                  pairs.allSatisfy({ $0.0 == "amount" || $0.0 == "amountMax" || $0.0 == "currency" }),
                  case .number(let amount)? = value["amount"], amount.significand > 0,
                  let currency = value["currency"]?.stringValue,
                  currency.utf8.count == 3, currency.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
                return message
            }
            if let max = value["amountMax"] {
                guard case .number(let top) = max, top >= amount else { return "amountMax must be >= amount" }
            }
            return nil
        }

        /// `{"name", "type": "country", "code"}` with an ISO 3166-1 alpha-2 code, or
        /// `{"name", "type": "organization", "acronym"?}`.
        private func partyProblem(_ value: JSONValue) -> String? {
            switch value["type"]?.stringValue {
            case "country":
                if let problem = nameProblem(value, allowed: Self.countryKeys, integers: []) { return problem }
                guard let code = value["code"]?.stringValue, code.utf8.count == 2,
                      code.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else { return "a country needs a two-letter code" }
                return nil
            case "organization":
                return nameProblem(value, allowed: Self.organizationKeys, integers: [])
            default:
                return "a party's type is country or organization"
            }
        }

        private func nameProblem(_ value: JSONValue, allowed: [String], integers: [String]) -> String? {
            guard let pairs = value.objectPairs, pairs.allSatisfy({ allowed.contains($0.0) }),
                  let name = value["name"]?.stringValue, !name.isEmpty else {
                return "needs a non-empty name and only the keys \(allowed.sorted().joined(separator: ", "))"
            }
            for (key, item) in pairs where key != "name" {
                if integers.contains(key) {
                    guard case .number(let number) = item, number.exponent >= 0 else { return "\(key) must be an integer" }
                } else if item.stringValue?.isEmpty ?? true {
                    return "\(key) must be a non-empty string"
                }
            }
            return nil
        }
    }
}
