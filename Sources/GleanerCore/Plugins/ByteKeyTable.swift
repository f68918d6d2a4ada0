/// A table from folded lexicon keys to integers (row numbers, indices into a caller's array)
/// that can be looked up straight from bytes: no String is made per lookup. Built once, then
/// read-only; inserting a key already present keeps the first value, as lexicons do for
/// repeated surfaces. Not generic, so a lookup from another module needs no type metadata.
///
/// Keys compare as Swift Strings do (canonical equivalence). The byte lookup covers the
/// common case exactly: keys and lookups made only of ASCII and currency symbols, which are
/// their own normal form. Other text goes through `value(for: String)`.
public struct ByteKeyTable: Sendable {
    private var keys: [String] = []
    private var values: [Int] = []
    /// Entries by key, for keys with no simple form only (simple ones are found by bytes).
    private var indexByKey: [String: Int] = [:]
    /// Whether each entry has a simple form (is in `slots`).
    private var isSimpleEntry: [Bool] = []
    /// The bytes of the simple keys, one after another; `byteRanges[i]` is entry i's (empty
    /// for an entry with no simple form).
    private var keyBytes: [UInt8] = []
    private var byteRanges: [Range<Int32>] = []
    /// Open addressing: 0 is empty, else the key hash's high half and the entry index + 1,
    /// so a lookup that misses reads only this array. The count is a power of two.
    private var slots: [UInt64] = Array(repeating: 0, count: 8)

    public init() {}

    public var count: Int { keys.count }

    /// Room for `count` keys without rehashing (a lexicon knows its row count).
    public mutating func reserveCapacity(_ count: Int) {
        guard keys.isEmpty else { return }
        var size = 8
        while size < count * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
        byteRanges.reserveCapacity(count)
        isSimpleEntry.reserveCapacity(count)
    }

    /// Adds `key` unless an equal key is present; returns whether it was added. A simple key
    /// is compared by its bytes (for simple text String equality is byte equality, and no
    /// other key is canonically equivalent to it), so only other keys need a String hash.
    @discardableResult
    public mutating func insert(_ key: String, _ value: Int) -> Bool {
        let entry = keys.count
        guard let bytes = Self.simpleBytes(of: key) else {
            guard indexByKey[key] == nil else { return false }
            indexByKey[key] = entry
            keys.append(key)
            values.append(value)
            byteRanges.append(0..<0)
            isSimpleEntry.append(false)
            return true
        }
        let hash = bytes.withUnsafeBufferPointer(Self.hash)
        if bytes.withUnsafeBufferPointer({ self.entry(forSimple: $0, hash: hash) }) != nil { return false }
        keys.append(key)
        values.append(value)
        byteRanges.append(Int32(keyBytes.count)..<Int32(keyBytes.count + bytes.count))
        isSimpleEntry.append(true)
        keyBytes += bytes
        if (entry + 1) * 2 > slots.count { grow() }
        place(entry, hash: hash)
        return true
    }

    /// The value of `key` (String equality).
    public func value(for key: String) -> Int? {
        if let bytes = Self.simpleBytes(of: key) {
            return bytes.withUnsafeBufferPointer { entry(forSimple: $0, hash: Self.hash($0)) }.map { values[$0] }
        }
        return indexByKey[key].map { values[$0] }
    }

    /// The value of the key whose UTF-8 is `key`, which must be simple: ASCII and currency
    /// symbols (Unicode category Sc) only. For such text String equality is byte equality.
    @inline(__always)
    public func value(forSimple key: UnsafeBufferPointer<UInt8>) -> Int? {
        entry(forSimple: key, hash: Self.hash(key)).map { values[$0] }
    }

    /// The entry index of a simple key whose `hash` is known.
    @inline(__always)
    public func entry(forSimple key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let tag = hash >> 32
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let stored = slots[slot]
                if stored == 0 { return nil }
                if stored >> 32 == tag {
                    let entry = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1
                    if keyEquals(entry, key) { return entry }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The value of an entry index.
    public subscript(entry index: Int) -> Int { values[index] }

    private func keyEquals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = byteRanges[entry]
        guard Int(range.count) == key.count else { return false }
        return keyBytes.withUnsafeBufferPointer { stored in
            var offset = 0
            let start = Int(range.lowerBound)
            guard let a = UnsafeRawPointer(stored.baseAddress), let b = UnsafeRawPointer(key.baseAddress) else { return key.isEmpty }
            while offset + 8 <= key.count {
                if a.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self)
                    != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
                offset += 8
            }
            while offset < key.count {
                if stored[start + offset] != key[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    /// Every key with its value, in insertion order.
    public var pairs: [(key: String, value: Int)] {
        Array(zip(keys, values))
    }

    /// A scalar a simple key may hold besides ASCII.
    @inline(__always)
    public static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII || scalar.properties.generalCategory == .currencySymbol
    }

    /// The bytes a simple lookup equal to `key` would have, or nil when none can be simple.
    /// Three characters are canonically equivalent to ASCII (`;`, `` ` ``, `K`): they are
    /// written as that ASCII, the normal form a lookup would have.
    static func simpleBytes(of key: String) -> [UInt8]? {
        if key.utf8.allSatisfy({ $0 < 0x80 }) { return Array(key.utf8) }
        var bytes: [UInt8] = []
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\u{037E}": bytes.append(UInt8(ascii: ";"))
            case "\u{1FEF}": bytes.append(UInt8(ascii: "`"))
            case "\u{212A}": bytes.append(UInt8(ascii: "K"))
            default:
                guard isSimple(scalar) else { return nil }
                bytes += scalar.utf8
            }
        }
        return bytes
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for entry in keys.indices where isSimpleEntry[entry] {
            let range = byteRanges[entry]
            let hash = keyBytes[Int(range.lowerBound)..<Int(range.upperBound)].withUnsafeBufferPointer(Self.hash)
            place(entry, hash: hash)
        }
    }

    private mutating func place(_ entry: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(entry + 1)
    }

    /// FNV-1a style over 8-byte words, then a final mix: keys are short, the tables small.
    @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return h }
        var offset = 0
        while offset + 8 <= bytes.count {
            h = (h ^ base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 29)
    }
}
