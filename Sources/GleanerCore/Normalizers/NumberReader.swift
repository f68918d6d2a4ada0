/// Reads the first number written in some text, in digits (`1,500`, `7.2`, `-0.5`), words
/// (`twenty-five`, `a hundred`) or both, with scale words (`7.2 million`, `1.5 lakh crore`,
/// `3bn`, `10k`): exactly, as an `ExactNumber`. Words before the number are skipped and the
/// first word after it that is no number word ends it (`about 40 tonnes` is 40). Works on
/// the UTF-8 bytes; only ASCII words are number words.
public enum NumberReader {
    /// A number word's meaning: a number below 100, a power of ten (hundred and up), `a`/`an`
    /// (one, before a scale) or `and` (skipped inside a number).
    enum Word: Equatable {
        case unit(Int)
        case scale(Int)
        case one
        case and

        var code: Int {
            switch self {
            case .unit(let value): value
            case .scale(let power): 1000 + power
            case .one: 2000
            case .and: 2001
            }
        }

        init(code: Int) {
            switch code {
            case 0..<1000: self = .unit(code)
            case 1000..<2000: self = .scale(code - 1000)
            case 2000: self = .one
            default: self = .and
            }
        }
    }

    static let words: ByteKeyTable = {
        let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90]
        let scales = ["hundred": 2, "thousand": 3, "k": 3, "lakh": 5, "lakhs": 5, "million": 6, "millions": 6, "m": 6,
                      "mn": 6, "mln": 6, "crore": 7, "crores": 7, "billion": 9, "billions": 9, "bn": 9, "b": 9,
                      "trillion": 12, "trillions": 12, "tn": 12, "trn": 12]
        var table = ByteKeyTable()
        for (value, word) in units.enumerated() { table.insert(word, Word.unit(value).code) }
        for (word, value) in tens { table.insert(word, Word.unit(value).code) }
        for (word, power) in scales { table.insert(word, Word.scale(power).code) }
        for word in ["a", "an"] { table.insert(word, Word.one.code) }
        table.insert("and", Word.and.code)
        return table
    }()

    public static func read(_ text: UnsafeBufferPointer<UInt8>) -> ExactNumber? {
        var total = ExactNumber(0)
        var current: ExactNumber?
        var started = false, negative = false
        /// `a`/`an` just read: one, if a scale word follows (`a hundred`, `a million`).
        var pendingOne = false
        var afterDigits = false, afterScale = false
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == 0x20 || byte == 0x2D || byte == 0x09 || byte == 0x0A { index += 1; continue }
            if byte == 0xC2, index + 1 < text.count, text[index + 1] == 0xA0 { index += 2; continue }  // no-break space
            var end = index
            if isDigit(byte) {
                // Two numbers in digits in a row are two numbers: the first one ends here.
                if afterDigits { break }
                while end < text.count, isDigit(text[end]) || ((text[end] == 0x2C || text[end] == 0x2E)
                                                              && end + 1 < text.count && isDigit(text[end + 1])) { end += 1 }
                guard let number = digits(UnsafeBufferPointer(rebasing: text[index..<end])),
                      let sum = (current ?? ExactNumber(0)).adding(number) else { return nil }
                if !started { negative = index > 0 && text[index - 1] == 0x2D && (index == 1 || text[index - 2] == 0x20) }
                current = sum
                started = true
                (afterDigits, afterScale) = (true, false)
                // A scale glued to the digits (`3bn`, `10k`) is read as the next word.
                index = end
                continue
            }
            guard isLetter(byte) else {
                if started { break }
                index += 1
                continue
            }
            while end < text.count, isLetter(text[end]) { end += 1 }
            let code = lowercased(UnsafeBufferPointer(rebasing: text[index..<end]))
            index = end
            guard let code else {
                if started { break }
                pendingOne = false
                continue
            }
            switch Word(code: code) {
            case .and:
                continue
            case .one:
                if started { return finish(total, current, negative) }
                pendingOne = true
                continue
            case .unit(let value):
                guard let sum = (current ?? ExactNumber(0)).adding(ExactNumber(value)) else { return nil }
                current = sum
                started = true
            case .scale(let power):
                if pendingOne, !started { (current, started, pendingOne) = (ExactNumber(1), true, false) }
                guard started else { continue }
                if power == 2 {
                    current = (current ?? ExactNumber(1)).multiplied(byPowerOfTen: 2)
                } else if let value = current {
                    guard let sum = total.adding(value.multiplied(byPowerOfTen: power)) else { return nil }
                    total = sum
                    current = nil
                } else if afterScale {
                    total = total.multiplied(byPowerOfTen: power)  // `lakh crore`
                }
                (afterDigits, afterScale) = (false, true)
                continue
            }
            (afterDigits, afterScale) = (false, false)
        }
        guard started else { return nil }
        return finish(total, current, negative)
    }

    private static func finish(_ total: ExactNumber, _ current: ExactNumber?, _ negative: Bool) -> ExactNumber? {
        guard let sum = total.adding(current ?? ExactNumber(0)) else { return nil }
        return negative ? ExactNumber(significand: -sum.significand, exponent: sum.exponent) : sum
    }

    /// Digits with `,` grouping and a `.` fraction.
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactNumber? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
            var count = 0
            for byte in bytes where byte != 0x2C { buffer[count] = byte; count += 1 }
            return ExactNumber(digits: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// The code of an ASCII number word, looked up by its lower-cased bytes.
    private static func lowercased(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard word.count <= 16 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { buffer in
            for (offset, byte) in word.enumerated() { buffer[offset] = byte | 0x20 }
            return words.value(forSimple: UnsafeBufferPointer(buffer))
        }
    }

    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    @inline(__always) private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
}
