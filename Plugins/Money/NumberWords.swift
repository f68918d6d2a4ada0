import GleanerCore

/// Reads an amount written in words: `forty-five billion`, `a quarter million`,
/// `three quarters billion`, `one and a half million`, `two lakh crore`, `one point five`.
/// The vocabulary (numbers, scales, fractions) comes from `numberwords.tsv`.
struct NumberWords: Sendable {
    private enum Word: Sendable {
        case unit(ExactNumber)
        case scale(Int)
        case fraction(ExactNumber)
        case point
    }

    private var words: [String: Word] = [:]

    init(lexicon: Lexicon) {
        for row in lexicon.rows {
            guard let surface = row[lexicon.columns[0]]?.lowercased(), let value = row["value"] else { continue }
            switch row["role"] {
            case "unit": ExactNumber(digits: Array(value.utf8)).map { words[surface] = .unit($0) }
            case "scale": Int(value).map { words[surface] = .scale($0) }
            case "frac": ExactNumber(digits: Array(value.utf8)).map { words[surface] = .fraction($0) }
            default: break
            }
        }
        words["point"] = .point
    }

    func value(of text: String) -> ExactNumber? {
        let tokens = text.lowercased()
            .split(whereSeparator: { " \u{00A0}\t\n-\u{2010}\u{2011}\u{2013}\u{2014}".contains($0) })
            .map(String.init)
        var total = ExactNumber(0)
        var current = ExactNumber(0)
        var article = false
        var decimalPower: Int?   // after `point`: the power of the next digit
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if token == "and" { continue }
            if token == "a" || token == "an" { article = true; continue }
            guard let word = words[token] else { return nil }
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
                    while index < tokens.count, case .scale(let next)? = words[tokens[index]], next > 2 {
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
}
