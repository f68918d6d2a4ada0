/// Shares one copy of equal values within a document: the kept candidates of a long document
/// hold their values until the document-wide merge passes have run, and most of them repeat
/// (`{"name": "India", "type": "country", "code": "IN"}` a hundred thousand times in a 100 MB
/// article), each an array of its own on the heap. An interned value shares the first equal
/// one's storage (copy on write keeps it safe when a pass later changes one of them).
///
/// Equal means the same bytes when written: strings are compared by their UTF-8 bytes, not by
/// `==` (canonically equivalent strings may differ in bytes, and the records must not change).
/// Values stored inline (numbers, booleans, strings of up to 15 bytes) are returned as they
/// are: sharing them saves nothing. When too few values repeat, interning stops, so a document
/// of distinct values pays no more than a few thousand look-ups.
struct ValueInterner {
    private var known: Set<Key> = []
    private var lookups = 0
    private var hits = 0
    private(set) var isActive = true

    /// Look-ups after which interning continues only if at least `minimumHitShare` of them
    /// found an equal value.
    static let probeLookups = 4096
    static let minimumHitShare = 0.5

    mutating func intern(_ value: JSONValue) -> JSONValue {
        guard isActive, Self.isShared(value) else { return value }
        lookups += 1
        let (inserted, member) = known.insert(Key(value: value))
        if !inserted { hits += 1 }
        if lookups == Self.probeLookups, Double(hits) < Double(lookups) * Self.minimumHitShare {
            isActive = false
            known = []
        }
        return member.value
    }

    /// Whether the value keeps storage on the heap (what sharing saves).
    private static func isShared(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: true
        case .string(let text): text.utf8.count > 15
        case .number, .bool, .null: false
        }
    }

    /// A value hashed and compared by the bytes it is written as.
    private struct Key: Hashable {
        let value: JSONValue

        static func == (lhs: Key, rhs: Key) -> Bool { same(lhs.value, rhs.value) }

        func hash(into hasher: inout Hasher) { Self.hash(value, into: &hasher) }

        private static func same(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
            switch (lhs, rhs) {
            case let (.string(a), .string(b)): return sameBytes(a, b)
            case let (.number(a), .number(b)): return a.significand == b.significand && a.exponent == b.exponent
            case let (.bool(a), .bool(b)): return a == b
            case (.null, .null): return true
            case let (.array(a), .array(b)):
                return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
            case let (.object(a), .object(b)):
                return a.count == b.count && zip(a, b).allSatisfy { sameBytes($0.0, $1.0) && same($0.1, $1.1) }
            default: return false
            }
        }

        private static func sameBytes(_ a: String, _ b: String) -> Bool {
            a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
        }

        private static func hash(_ value: JSONValue, into hasher: inout Hasher) {
            switch value {
            case .string(let text):
                hasher.combine(0 as UInt8)
                hash(text, into: &hasher)
            case .number(let number):
                hasher.combine(1 as UInt8)
                hasher.combine(number.significand)
                hasher.combine(number.exponent)
            case .bool(let flag):
                hasher.combine(2 as UInt8)
                hasher.combine(flag)
            case .null:
                hasher.combine(3 as UInt8)
            case .array(let items):
                hasher.combine(4 as UInt8)
                hasher.combine(items.count)
                for item in items { hash(item, into: &hasher) }
            case .object(let pairs):
                hasher.combine(5 as UInt8)
                hasher.combine(pairs.count)
                for (key, item) in pairs {
                    hash(key, into: &hasher)
                    hash(item, into: &hasher)
                }
            }
        }

        private static func hash(_ text: String, into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
