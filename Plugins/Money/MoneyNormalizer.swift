import GleanerCore

/// The `money` normalizer: `{"amount": exact, "amountMax": exact?, "currency": ISO 4217}`
/// from the named groups the manifest documents (num/num2/words, scale, cur/cur2/curcode,
/// sub/subcur/sub2). Amounts stay exact decimals: `118.4 billion` is 118400000000.
struct MoneyNormalizer: Normalizer {
    let table: CurrencyTable
    let numbers: NumberWords

    static let factory = NormalizerFactory(id: "money", groups: ["num", "words"]) { context throws(PluginError) in
        MoneyNormalizer(table: try CurrencyTable(context: context),
                        numbers: NumberWords(lexicon: try context.lexicon("numberwords")))
    }

    func normalize(_ match: RuleMatch) -> Normalization? {
        // The most explicit currency wins: a code in parentheses, then the one after the
        // amount (`$460 million USD`), then the one before.
        guard let currency = ["curcode", "cur2", "cur"].lazy
            .compactMap({ match.string($0).flatMap(table.currency) }).first else { return nil }
        var power = currency.power
        if let scale = match.string("scale") {
            guard let scalePower = table.scalePower(scale) else { return nil }
            power += scalePower
        }
        guard var amount = number(match, digits: "num", words: "words")?.multiplied(byPowerOfTen: power),
              amount > ExactNumber(0) else { return nil }
        let top = number(match, digits: "num2", words: nil)?.multiplied(byPowerOfTen: power)
        if match.has("sub") {
            guard let minor = minorAmount(match) else { return nil }
            guard let sum = amount.adding(minor) else { return nil }
            amount = sum
        }
        var pairs: [(String, JSONValue)] = [("amount", .number(amount))]
        if let top {
            guard top > amount else { return nil }
            pairs.append(("amountMax", .number(top)))
        }
        pairs.append(("currency", .string(currency.code)))
        return Normalization(value: .object(pairs))
    }

    /// `50 cents`, `forty five` (hundredths when no unit is named), `five mao five`.
    private func minorAmount(_ match: RuleMatch) -> ExactNumber? {
        guard let sub = number(match, digits: "sub", words: "sub"), sub < ExactNumber(100) else { return nil }
        var power = -2
        if let unit = match.string("subcur") {
            guard let minorPower = table.minorPower(unit) else { return nil }
            power = minorPower
        }
        // A minor unit worth a tenth (mao) takes one digit; its tail is the next place.
        if power == -1, !(sub < ExactNumber(10)) { return nil }
        var result = sub.multiplied(byPowerOfTen: power)
        if let tail = number(match, digits: "sub2", words: "sub2") {
            guard tail < ExactNumber(10), let sum = result.adding(tail.multiplied(byPowerOfTen: power - 1)) else { return nil }
            result = sum
        }
        return result
    }

    /// A group read as digits (grouping commas removed), else as words.
    private func number(_ match: RuleMatch, digits: String, words: String?) -> ExactNumber? {
        if let slice = match.slice(digits) {
            let bytes = slice.filter { $0 != UInt8(ascii: ",") }
            if let value = ExactNumber(digits: bytes) { return value }
        }
        guard let words, let text = match.string(words) else { return nil }
        return numbers.value(of: text)
    }
}
