import GleanerCore

/// Reads an amount written in words: `forty-five billion`, `a quarter million`,
/// `three quarters billion`, `one and a half million`, `half a billion`, `a quarter of a million`,
/// `two lakh crore`, `one point five`.
/// The vocabulary (numbers, scales, fractions) comes from `numberwords.tsv`.
struct NumberWords: Sendable {
    private enum Word: Sendable {
        case unit(ExactNumber)
        case scale(Int)
        case fraction(ExactNumber)
        case point
    }

    /// Lower-case words -> index in `wordList`.
    private let words: ByteKeyTable
    private let wordList: [Word]

    init(lexicon: Lexicon) {
        var words: [String: Word] = [:]
        var order: [String] = []
        func set(_ surface: String, _ word: Word) {
            if words.updateValue(word, forKey: surface) == nil { order.append(surface) }
        }
        for row in lexicon.rows {
            guard let surface = row[lexicon.columns[0]]?.lowercased(), let value = row["value"] else { continue }
            switch row["role"] {
            case "unit": ExactNumber(digits: Array(value.utf8)).map { set(surface, .unit($0)) }
            case "scale": Int(value).map { set(surface, .scale($0)) }
            case "frac": ExactNumber(digits: Array(value.utf8)).map { set(surface, .fraction($0)) }
            default: break
            }
        }
        set("point", .point)
        // A later row wins, as in the dictionary above.
        var table = ByteKeyTable()
        for (index, surface) in order.enumerated() { table.insert(surface, index) }
        self.words = table
        wordList = order.map { words[$0]! }
    }

    /// The amount the UTF-8 `text` writes, or nil when it is not a number in words.
    func value(of text: UnsafeBufferPointer<UInt8>) -> ExactNumber? {
        PhraseWords.withWords(of: text, lowercased: true) { value(of: $0) }
    }

    private func value(of tokens: PhraseWords) -> ExactNumber? {
        var total = ExactNumber(0)
        var current = ExactNumber(0)
        var article = false
        var decimalPower: Int?   // after `point`: the power of the next digit
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            // `and` joins, `of` only links a fraction to its scale (`a quarter of a million`).
            if Self.equals(token, "and") || Self.equals(token, "of") { continue }
            if Self.equals(token, "a") || Self.equals(token, "an") { article = true; continue }
            guard let word = lookup(token) else { return nil }
            switch word {
            case .unit(let value):
                if let power = decimalPower {
                    guard value < ExactNumber(10) else { return nil }
                    current = current.adding(value.multiplied(byPowerOfTen: power)) ?? current
                    decimalPower = power - 1
                } else {
                    guard let sum = current.adding(value) else { return nil }
                    current = sum
                }
            case .point:
                decimalPower = -1
            case .fraction(let part):
                // `a quarter`, `and a half` add; `three quarters` multiplies.
                if article || current.isZero {
                    guard let sum = current.adding(part) else { return nil }
                    current = sum
                } else {
                    guard let product = current.multiplied(by: part) else { return nil }
                    current = product
                }
            case .scale(let power):
                decimalPower = nil
                if current.isZero { current = ExactNumber(1) }
                if power == 2 {
                    current = current.multiplied(byPowerOfTen: 2)
                } else {
                    // Consecutive scales multiply: `lakh crore`, `thousand crore`.
                    var combined = power
                    while index < tokens.count, case .scale(let next)? = lookup(tokens[index]), next > 2 {
                        combined += next
                        index += 1
                    }
                    guard let sum = total.adding(current.multiplied(byPowerOfTen: combined)) else { return nil }
                    total = sum
                    current = ExactNumber(0)
                }
            }
            article = false
        }
        guard let result = total.adding(current), !result.isZero else { return nil }
        return result
    }

    /// The word a token is: by its bytes when ASCII, else as a String.
    private func lookup(_ token: UnsafeBufferPointer<UInt8>) -> Word? {
        let index = token.allSatisfy { $0 < 0x80 } ? words.value(forSimple: token)
            : words.value(for: String(decoding: token, as: UTF8.self))
        return index.map { wordList[$0] }
    }

    /// Whether a token is `word` (ASCII without `k`, the one letter a non-ASCII character is
    /// canonically equivalent to).
    private static func equals(_ token: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        token.elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }
}
