import GleanerCore

/// The `money` normalizer: `{"amount": exact, "amountMax": exact?, "currency": ISO 4217}`
/// from the named groups the manifest documents (num/num2/words, scale, cur/cur2/curcode,
/// sub/subcur/sub2). Amounts stay exact decimals: `118.4 billion` is 118400000000.
struct MoneyNormalizer: Normalizer {
    let table: CurrencyTable
    let numbers: NumberWords
    /// Bare words several countries share (`dinars`): the document's country decides.
    var local: LocalCurrency? = nil
    let slots = GroupSlots(Slot.names)

    /// The groups read, by slot.
    enum Slot: Int, CaseIterable {
        case curcode, cur2, cur, scale, num, num2, words, sub, subcur, sub2

        /// A range with its scale on both ends writes numr, num2r and scale1 (PreAmount).
        static let names: [[String]] = allCases.map { slot in
            switch slot {
            case .num: ["num", "numr"]
            case .num2: ["num2", "num2r"]
            case .scale: ["scale", "scale1"]
            default: ["\(slot)"]
            }
        }
    }

    /// ANNOTATION.md's money value.
    static let schema = ValueSchema.object([
        .init("amount", .number(.positive)),
        .init("amountMax", .number(.init(minimum: 0, exclusive: true, notBelow: "amount")), required: false),
        .init("currency", .string(.capitals(3))),
    ])

    static let factory = NormalizerFactory(id: "money", groups: ["num", "words"], schema: schema) { context throws(PluginError) in
        MoneyNormalizer(table: try CurrencyTable(context: context),
                        numbers: NumberWords(lexicon: try context.lexicon("numberwords")),
                        local: LocalCurrency(lexicon: try context.lexicon("localcurrencies")))
    }

    func normalize(_ match: RuleMatch) -> Normalization? {
        let groups = match.groups(slots)
        // The most explicit currency wins: a code in parentheses, then the one after the
        // amount (`$460 million USD`), then the one before.
        guard let (currency, slot) = currency(groups, .curcode) ?? currency(groups, .cur2) ?? currency(groups, .cur)
        else { return nil }
        var power = currency.power
        if let scale = groups.bytes(Slot.scale.rawValue) {
            guard let scalePower = table.scalePower(scale) else { return nil }
            power += scalePower
        }
        guard var amount = number(groups, digits: .num, words: .words)?.multiplied(byPowerOfTen: power),
              amount > ExactNumber(0) else { return nil }
        let top = number(groups, digits: .num2, words: nil)?.multiplied(byPowerOfTen: power)
        if groups.has(Slot.sub.rawValue) {
            guard let minor = minorAmount(groups) else { return nil }
            guard let sum = amount.adding(minor) else { return nil }
            amount = sum
        }
        var pairs: [(String, JSONValue)] = []
        pairs.reserveCapacity(3)
        pairs.append(("amount", .number(amount)))
        if let top {
            guard top > amount else { return nil }
            pairs.append(("amountMax", .number(top)))
        }
        var code = currency.code
        if let local, let surface = groups.bytes(slot.rawValue),
           let found = local.code(for: surface, at: match.span, in: match.bytes) {
            code = found
        } else if currency.needsCountry {
            return nil
        }
        pairs.append(("currency", .string(code)))
        return Normalization(value: .object(pairs))
    }

    /// The currency a slot names, with the slot.
    private func currency(_ groups: MatchGroups, _ slot: Slot) -> (CurrencyTable.Currency, Slot)? {
        groups.bytes(slot.rawValue).flatMap(table.currency).map { ($0, slot) }
    }

    /// `50 cents`, `forty five` (hundredths when no unit is named), `five mao five`.
    private func minorAmount(_ groups: MatchGroups) -> ExactNumber? {
        guard let sub = number(groups, digits: .sub, words: .sub), sub < ExactNumber(100) else { return nil }
        var power = -2
        if let unit = groups.bytes(Slot.subcur.rawValue) {
            guard let minorPower = table.minorPower(unit) else { return nil }
            power = minorPower
        }
        // A minor unit worth a tenth (mao) takes one digit; its tail is the next place.
        if power == -1, !(sub < ExactNumber(10)) { return nil }
        var result = sub.multiplied(byPowerOfTen: power)
        if let tail = number(groups, digits: .sub2, words: .sub2) {
            guard tail < ExactNumber(10), let sum = result.adding(tail.multiplied(byPowerOfTen: power - 1)) else { return nil }
            result = sum
        }
        return result
    }

    /// A group read as digits (grouping commas removed), else as words.
    private func number(_ groups: MatchGroups, digits: Slot, words: Slot?) -> ExactNumber? {
        if let bytes = groups.bytes(digits.rawValue),
           let value = ExactNumber(digits: bytes.lazy.filter { $0 != UInt8(ascii: ",") }) {
            return value
        }
        guard let words, let text = groups.bytes(words.rawValue) else { return nil }
        return numbers.value(of: text)
    }
}
