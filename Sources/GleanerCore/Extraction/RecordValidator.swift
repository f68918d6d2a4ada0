/// Checks a record before it is written: offsets in range and on character boundaries,
/// `text` equal to the document slice, and the value shaped for its kind (ANNOTATION.md).
/// A failure is an extractor bug; the document fails with this message.
public enum RecordValidator {
    public static func problem(in mention: Mention, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard mention.start >= 0, mention.start < mention.end else { return "empty or negative span" }
        guard mention.byteStart >= 0, mention.byteStart < mention.byteEnd, mention.byteEnd <= bytes.count else {
            return "byte span \(mention.byteStart)-\(mention.byteEnd) outside the document"
        }
        let slice = String(decoding: UnsafeBufferPointer(rebasing: bytes[mention.byteStart..<mention.byteEnd]), as: UTF8.self)
        guard slice == mention.text else { return "text does not equal the document slice" }
        return valueProblem(kind: mention.kind, value: mention.value)
    }

    /// The value shapes of the built-in kinds; other kinds need a JSON object or string.
    public static func valueProblem(kind: String, value: JSONValue) -> String? {
        switch kind {
        case "date":
            guard let text = value.stringValue else { return "a date value is a string" }
            return DateValueSyntax.isValid(text) ? nil : "'\(text)' is not a date value"
        case "money":
            guard let pairs = value.objectPairs, Set(pairs.map(\.0)).isSubset(of: ["amount", "amountMax", "currency"]),
                  case .number(let amount)? = value["amount"], amount > ExactNumber(0),
                  let currency = value["currency"]?.stringValue,
                  currency.utf8.count == 3, currency.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
                return "money needs amount > 0 and a three-letter currency, and no other key"
            }
            if let max = value["amountMax"] {
                guard case .number(let top) = max, top >= amount else { return "amountMax must be >= amount" }
            }
            return nil
        case "program":
            return nameProblem(value, allowed: ["name", "acronym"], integers: [])
        case "exercise":
            return nameProblem(value, allowed: ["name", "year", "edition"], integers: ["year", "edition"])
        default:
            switch value {
            case .object, .string: return nil
            default: return "a value is a JSON object or string"
            }
        }
    }

    private static func nameProblem(_ value: JSONValue, allowed: Set<String>, integers: Set<String>) -> String? {
        guard let pairs = value.objectPairs, Set(pairs.map(\.0)).isSubset(of: allowed),
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
