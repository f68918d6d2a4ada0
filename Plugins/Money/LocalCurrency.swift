import GleanerCore

/// The currency of a bare word that several countries use (`kroner`, `CFA francs`, `dinars`,
/// `shillings`, `pesos`), read from the document: the country named nearest before the amount
/// (else nearest after it) decides: `2.1 billion dinars` in a story about Jordan is JOD.
/// Rows come from `localcurrencies.tsv` (surface, currency, cues); the scan works on the
/// document's UTF-8 bytes and is bounded on each side.
struct LocalCurrency: Sendable {
    /// One country reading of a bare word.
    struct Reading: Sendable {
        let code: String
        /// Indices into `cues`.
        let cues: [Int]
    }

    /// Folded surface (CurrencyTable.fold) -> index into `readings`.
    private var surfaces = ByteKeyTable()
    private var readings: [[Reading]] = []
    /// Cue words as written (case matters: `Niger`, not `niger`), and each cue's currency.
    private var cues: [[UInt8]] = []
    /// Cue indices by first byte, longest cue first.
    private var cuesByFirstByte = [[Int]](repeating: [], count: 256)

    /// How far before an amount a cue is looked for, and after it, in bytes.
    static let reachBefore = 6_000
    static let reachAfter = 2_000

    init(lexicon: Lexicon) {
        var cueIndex: [String: Int] = [:]
        var bySurface: [String: [Reading]] = [:]
        var order: [String] = []
        for row in lexicon.rows {
            guard let code = row["currency"], let first = row[lexicon.columns[0]] else { continue }
            var indices: [Int] = []
            for cue in (row["cues"] ?? "").split(separator: "|").map(String.init) where !cue.isEmpty {
                if let index = cueIndex[cue] {
                    indices.append(index)
                } else {
                    cueIndex[cue] = cues.count
                    indices.append(cues.count)
                    cues.append(Array(cue.utf8))
                }
            }
            let all = [first] + (row["aliases"] ?? "").split(separator: "|").map(String.init)
            for surface in all where !surface.isEmpty {
                let key = CurrencyTable.fold(surface)
                if bySurface[key] == nil { order.append(key) }
                bySurface[key, default: []].append(Reading(code: code, cues: indices))
            }
        }
        for key in order where surfaces.insert(key, readings.count) { readings.append(bySurface[key]!) }
        for (index, cue) in cues.enumerated() { cuesByFirstByte[Int(cue[0])].append(index) }
        for byte in 0..<256 { cuesByFirstByte[byte].sort { cues[$0].count > cues[$1].count } }
    }

    /// The code the document gives `surface` (a currency group's bytes) at `span`, or nil when
    /// the word is not a shared one or no country of it is named near the amount.
    func code(for surface: UnsafeBufferPointer<UInt8>, at span: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let row = CurrencyTable.value(in: surfaces, for: surface) else { return nil }
        let choices = readings[row]
        var owner = [Int: String]()
        for reading in choices { for cue in reading.cues where owner[cue] == nil { owner[cue] = reading.code } }
        // Nearest before: the last cue that starts before the amount; nearest after: the first.
        let before = scan(max(0, span.lowerBound - Self.reachBefore)..<span.lowerBound, owner: owner, in: bytes, last: true)
        if let before { return before }
        return scan(span.upperBound..<min(bytes.count, span.upperBound + Self.reachAfter), owner: owner, in: bytes, last: false)
    }

    /// The currency of the last (or first) cue in `range` that `owner` knows. A cue inside a
    /// longer cue (`Guinea` in `Equatorial Guinea`) is skipped for the longer one.
    private func scan(_ range: Range<Int>, owner: [Int: String], in bytes: UnsafeBufferPointer<UInt8>, last: Bool) -> String? {
        var found: String?
        var coveredUntil = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            let candidates = cuesByFirstByte[Int(bytes[index])]
            if candidates.isEmpty || !Self.isBoundary(before: index, in: bytes) {
                index += 1
                continue
            }
            // The longest cue that starts here, known or not (a longer unknown cue hides a
            // shorter known one: `Guinea-Bissau` is not `Guinea`).
            for cue in candidates {
                let word = cues[cue]
                let end = index + word.count
                guard end <= range.upperBound, Self.matches(word, at: index, in: bytes),
                      Self.isBoundary(after: end, in: bytes) else { continue }
                if end > coveredUntil {
                    if let code = owner[cue] {
                        if !last { return code }
                        found = code
                    }
                    coveredUntil = end
                }
                break
            }
            index += 1
        }
        return found
    }

    private static func matches(_ word: [UInt8], at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index + word.count <= bytes.count else { return false }
        for offset in 0..<word.count where bytes[index + offset] != word[offset] { return false }
        return true
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }

    private static func isBoundary(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        index == 0 || !isWordByte(bytes[index - 1])
    }

    private static func isBoundary(after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        index >= bytes.count || !isWordByte(bytes[index])
    }
}
