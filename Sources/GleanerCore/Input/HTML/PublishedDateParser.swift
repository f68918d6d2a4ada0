/// Reads a publication date written the ways pages write one — ISO 8601 (`2015-07-24T05:36:09+01:00`,
/// `2017-11-03 03:01:00`), RFC 2822 (`Fri, 24 Jul 2015 05:36:09 GMT`), `20150724`, `July 24,
/// 2015`, `24 July 2015`, `24. Juli 2015`, `24 de julio de 2015`, `24.07.2015`, `2015年7月24日`
/// — and writes it as ISO 8601: a timestamp as given when it is one, else `YYYY-MM-DD`.
enum PublishedDateParser {
    /// Month names and abbreviations in English, German, French, Spanish, Italian, Portuguese
    /// and Dutch, lower case, accents kept.
    static let months: [String: Int] = {
        let names: [[String]] = [
            ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari"],
            ["february", "feb", "februar", "février", "fevrier", "févr", "fev", "febrero", "febbraio", "fevereiro", "februari"],
            ["march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mrt"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
            ["may", "mai", "mayo", "maggio", "mag", "maio", "mei"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"],
            ["august", "aug", "août", "aout", "agosto", "ago", "augustus"],
            ["september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"],
            ["november", "nov", "novembre", "noviembre", "novembro"],
            ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro"],
        ]
        var table: [String: Int] = [:]
        for (index, list) in names.enumerated() { for name in list { table[name] = index + 1 } }
        return table
    }()

    /// Words that may sit between a date's parts ("24 de julio de 2015", "the 4th of July").
    static let fillers: Set<String> = ["de", "del", "of", "the", "le", "el", "den", "im"]

    /// `value` as ISO 8601, or nil when it holds no date.
    static func iso(_ value: String) -> String? {
        let text = PageText.trimmed(value)
        let units = Array(text.utf8)
        if let date = isoPrefix(units) {
            guard units.count > 10 else { return date }
            // A timestamp: kept as written, a space before the time made a `T`.
            var rest = Array(units[10...])
            if rest.first == 0x20, rest.count > 1, isDigit(rest[1]) { rest[0] = UInt8(ascii: "T") }
            guard rest.first == UInt8(ascii: "T") else { return date }
            return date + String(decoding: rest, as: UTF8.self)
        }
        return find(in: text)
    }

    /// The first date written in `text`, as `YYYY-MM-DD`.
    static func find(in text: String) -> String? {
        let tokens = tokenize(text)
        for index in tokens.indices {
            if let date = date(at: index, in: tokens) { return date }
        }
        return nil
    }

    private enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case separator(UInt8)
        case cjk(Character)
    }

    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word = "", number = ""
        func flush() {
            if !word.isEmpty { tokens.append(.word(word.lowercased())); word = "" }
            if !number.isEmpty { tokens.append(.number(Int(number) ?? 0, digits: number.count)); number = "" }
        }
        for character in text {
            if character.isASCII, character.isNumber {
                if !word.isEmpty { flush() }
                number.append(character)
            } else if character.isLetter, !"年月日".contains(character) {
                if !number.isEmpty {
                    // 24th, 1st: the ordinal suffix belongs to the number.
                    let suffix = character.lowercased()
                    if "stndrh".contains(suffix) { continue }
                    flush()
                }
                word.append(character)
            } else {
                flush()
                if "年月日".contains(character) { tokens.append(.cjk(character)) }
                else if let ascii = character.asciiValue, "./-,".utf8.contains(ascii) { tokens.append(.separator(ascii)) }
            }
        }
        flush()
        return tokens
    }

    private static func date(at index: Int, in tokens: [Token]) -> String? {
        // Skips separators and filler words from `from`, returning the next meaningful token's index.
        func next(_ from: Int) -> Int? {
            var at = from
            while at < tokens.count {
                switch tokens[at] {
                case .separator: at += 1
                case .word(let word) where fillers.contains(word): at += 1
                default: return at
                }
            }
            return nil
        }
        func month(_ at: Int?) -> Int? {
            guard let at, case .word(let word) = tokens[at] else { return nil }
            return months[word]
        }
        func number(_ at: Int?, digits: ClosedRange<Int>) -> Int? {
            guard let at, case .number(let value, let count) = tokens[at], digits.contains(count) else { return nil }
            return value
        }
        switch tokens[index] {
        case .word:
            // July 24, 2015
            guard let month = month(index), let dayAt = next(index + 1), let day = number(dayAt, digits: 1...2),
                  let yearAt = next(dayAt + 1), let year = number(yearAt, digits: 4...4) else { return nil }
            return format(year, month, day)
        case .number(let value, let digits):
            if digits == 8, let date = format(value / 10000, value / 100 % 100, value % 100), (1990...2100).contains(value / 10000) {
                return date
            }
            if digits == 4, index + 5 < tokens.count, tokens[index + 1] == .cjk("年"),
               case .number(let month, _) = tokens[index + 2], tokens[index + 3] == .cjk("月"),
               case .number(let day, _) = tokens[index + 4], tokens[index + 5] == .cjk("日") {
                return format(value, month, day)
            }
            if digits == 4, index + 4 < tokens.count, tokens[index + 1] == .separator(0x2F),
               case .number(let month, 2) = tokens[index + 2], tokens[index + 3] == .separator(0x2F),
               case .number(let day, 2) = tokens[index + 4] {
                return format(value, month, day)
            }
            guard digits <= 2, let afterAt = next(index + 1) else { return nil }
            // 24 July 2015, 24. Juli 2015
            if let month = month(afterAt), let yearAt = next(afterAt + 1), let year = number(yearAt, digits: 4...4) {
                return format(year, month, value)
            }
            // 24.07.2015 (day first), 07/24/2015 when the day cannot be a month.
            guard index + 4 < tokens.count, case .separator(let first) = tokens[index + 1],
                  case .number(let middle, let middleDigits) = tokens[index + 2], middleDigits <= 2,
                  tokens[index + 3] == .separator(first), case .number(let year, 4) = tokens[index + 4] else { return nil }
            if first == 0x2E || first == 0x2D { return format(year, middle, value) }
            if value > 12 { return format(year, middle, value) }
            if middle > 12 { return format(year, value, middle) }
            return nil
        default:
            return nil
        }
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1000...2999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// `YYYY-MM-DD` (or `YYYY/MM/DD`) at the start.
    private static func isoPrefix(_ units: [UInt8]) -> String? {
        guard units.count >= 10, units[0..<4].allSatisfy(isDigit), units[5..<7].allSatisfy(isDigit),
              units[8..<10].allSatisfy(isDigit), units[4] == units[7], units[4] == 0x2D || units[4] == 0x2F,
              units.count == 10 || !isDigit(units[10]) else { return nil }
        let number = { (range: Range<Int>) in Int(String(decoding: units[range], as: UTF8.self))! }
        return format(number(0..<4), number(5..<7), number(8..<10))
    }
}
