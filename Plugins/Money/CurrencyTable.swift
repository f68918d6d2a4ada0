import GleanerCore

/// Surface forms of currencies, scales and minor units, looked up by a folded key: lower
/// case with spaces and dots removed, symbols kept (`u . s . dollars` = `US dollars`,
/// `c $` = `C$`). Lexicon.key would drop `$` and `€`, so the plugin folds its own way.
/// Lookups take the bytes of a group and fold them on the stack.
struct CurrencyTable: Sendable {
    struct Currency: Sendable {
        let code: String
        /// The amount is multiplied by 10^power (`pence` -2, `MUSD` 6).
        let power: Int
        /// A sign several currencies share as a bare letter (`K`, `P`, `Q`: localsymbols.tsv):
        /// money only where the document names one of its countries (LocalCurrency).
        var needsCountry = false
    }

    /// Folded surface -> index in `currencyList`.
    private var currencies = ByteKeyTable()
    private var currencyList: [Currency] = []
    /// Folded surface -> power of ten.
    private var powers = ByteKeyTable()
    private var minorPowers = ByteKeyTable()

    init(context: NormalizerContext) throws(PluginError) {
        for id in ["symbols", "codes", "names", "prenames", "weaknames", "weakcodes", "weaksymbols", "localsymbols"] {
            let lexicon = try context.lexicon(id)
            for row in lexicon.rows {
                guard let code = row["currency"] else { continue }
                let currency = Currency(code: code, power: row["power"].flatMap { Int($0) } ?? 0,
                                        needsCountry: id == "localsymbols")
                for surface in Self.surfaces(of: row, in: lexicon) where currencies.insert(Self.fold(surface), currencyList.count) {
                    currencyList.append(currency)
                }
            }
        }
        powers = try Self.powerTable(context.lexicon("scales"))
        minorPowers = try Self.powerTable(context.lexicon("subunits"))
    }

    func currency(_ text: UnsafeBufferPointer<UInt8>) -> Currency? {
        Self.value(in: currencies, for: text).map { currencyList[$0] }
    }

    /// The power of ten of a scale phrase: `lakh crore` = 12, `bn` = 9, `m` = 6.
    func scalePower(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        return PhraseWords.withWords(of: text, lowercased: false) { words in
            var total = 0
            for index in 0..<words.count {
                guard let power = wordPower(words[index]) else { return nil }
                total += power
            }
            return total
        }
    }

    func minorPower(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        Self.value(in: minorPowers, for: text)
    }

    static func fold(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\u{00A0}", "\t", "\n", "\r", ".": continue
            default: result.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return result
    }

    /// Calls `simple` with the bytes of `fold(text)` when the UTF-8 `text` is made of ASCII
    /// and currency symbols (which lower-casing leaves as they are): folded on the stack, no
    /// String. Other text is folded as a String and passed to `string`.
    @inline(__always)
    static func withFold<Result>(of text: UnsafeBufferPointer<UInt8>,
                                 simple: (UnsafeBufferPointer<UInt8>) -> Result,
                                 string: (String) -> Result) -> Result {
        let folded: Result? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(text.count, 1)) { buffer in
            var count = 0
            var index = 0
            while index < text.count {
                let byte = text[index]
                if byte < 0x80 {
                    switch byte {
                    case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "."): break
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                        buffer[count] = byte | 0x20
                        count += 1
                    default:
                        buffer[count] = byte
                        count += 1
                    }
                    index += 1
                    continue
                }
                guard let (scalar, length) = scalar(in: text, at: index) else { return nil }
                if scalar != "\u{00A0}" {
                    guard scalar.properties.generalCategory == .currencySymbol,
                          !scalar.properties.changesWhenLowercased else { return nil }
                    for offset in 0..<length { buffer[count + offset] = text[index + offset] }
                    count += length
                }
                index += length
            }
            return simple(UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
        if let folded { return folded }
        return string(fold(String(decoding: text, as: UTF8.self)))
    }

    /// The value `table` (keyed by `fold`) holds for the UTF-8 `text`.
    @inline(__always)
    static func value(in table: ByteKeyTable, for text: UnsafeBufferPointer<UInt8>) -> Int? {
        withFold(of: text, simple: { table.value(forSimple: $0) }, string: { table.value(for: $0) })
    }

    /// The power of one scale word; the single letters are read only when glued to digits
    /// (`£5m`, `$2bn`, `Rs 5k`), which the patterns check.
    private func wordPower(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        Self.withFold(of: word, simple: { key in
            key.count == 1 ? Self.letterPower(key[0]) ?? powers.value(forSimple: key) : powers.value(forSimple: key)
        }, string: { key in
            key.utf8.count == 1 ? Self.letterPower(key.utf8.first!) ?? powers.value(for: key) : powers.value(for: key)
        })
    }

    private static func letterPower(_ letter: UInt8) -> Int? {
        switch letter {
        case UInt8(ascii: "m"): 6
        case UInt8(ascii: "b"): 9
        case UInt8(ascii: "k"): 3
        default: nil
        }
    }

    /// The well-formed scalar of 2 to 4 bytes starting at `index`, else nil.
    private static func scalar(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = text[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, index + length <= text.count else { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = UnsafeBufferPointer(rebasing: text[index..<index + length]).makeIterator()
        guard case .valid(let encoded) = parser.parseScalar(from: &iterator) else { return nil }
        let scalar = Unicode.UTF8.decode(encoded)
        return scalar.utf8.count == length ? (scalar, length) : nil
    }

    private static func surfaces(of row: [String: String], in lexicon: Lexicon) -> [String] {
        var all = row[lexicon.columns[0]].map { [$0] } ?? []
        if let aliases = row["aliases"] { all += aliases.split(separator: "|").map(String.init) }
        return all
    }

    private static func powerTable(_ lexicon: Lexicon) -> ByteKeyTable {
        var table: [String: Int] = [:]
        var order: [String] = []
        for row in lexicon.rows {
            guard let power = row["power"].flatMap({ Int($0) }) else { continue }
            for surface in surfaces(of: row, in: lexicon) {
                let key = fold(surface)
                if table.updateValue(power, forKey: key) == nil { order.append(key) }
            }
        }
        // A later row wins, as the dictionary this replaces did.
        var result = ByteKeyTable()
        for key in order { result.insert(key, table[key]!) }
        return result
    }
}
