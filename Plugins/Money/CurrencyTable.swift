import GleanerCore

/// Surface forms of currencies, scales and minor units, looked up by a folded key: lower
/// case with spaces and dots removed, symbols kept (`u . s . dollars` = `US dollars`,
/// `c $` = `C$`). Lexicon.key would drop `$` and `€`, so the plugin folds its own way.
struct CurrencyTable: Sendable {
    struct Currency: Sendable {
        let code: String
        /// The amount is multiplied by 10^power (`pence` -2, `MUSD` 6).
        let power: Int
    }

    private var currencies: [String: Currency] = [:]
    private var powers: [String: Int] = [:]
    private var minorPowers: [String: Int] = [:]

    init(context: NormalizerContext) throws(PluginError) {
        for id in ["symbols", "codes", "names", "prenames", "weaknames"] {
            let lexicon = try context.lexicon(id)
            for row in lexicon.rows {
                guard let code = row["currency"] else { continue }
                let currency = Currency(code: code, power: row["power"].flatMap { Int($0) } ?? 0)
                for surface in Self.surfaces(of: row, in: lexicon) where currencies[Self.fold(surface)] == nil {
                    currencies[Self.fold(surface)] = currency
                }
            }
        }
        powers = try Self.powerTable(context.lexicon("scales"))
        minorPowers = try Self.powerTable(context.lexicon("subunits"))
    }

    func currency(_ text: String) -> Currency? { currencies[Self.fold(text)] }

    /// The power of ten of a scale phrase: `lakh crore` = 12, `bn` = 9, `m` = 6.
    func scalePower(_ text: String) -> Int? {
        var total = 0
        for word in text.split(whereSeparator: { " \u{00A0}\t\n-\u{2010}\u{2011}\u{2013}\u{2014}".contains($0) }) {
            let key = Self.fold(String(word))
            // The single letters are read only when glued to digits (`£5m`, `$2bn`, `Rs 5k`).
            switch key {
            case "m": total += 6
            case "b": total += 9
            case "k": total += 3
            default:
                guard let power = powers[key] else { return nil }
                total += power
            }
        }
        return total
    }

    func minorPower(_ text: String) -> Int? { minorPowers[Self.fold(text)] }

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

    private static func surfaces(of row: [String: String], in lexicon: Lexicon) -> [String] {
        var all = row[lexicon.columns[0]].map { [$0] } ?? []
        if let aliases = row["aliases"] { all += aliases.split(separator: "|").map(String.init) }
        return all
    }

    private static func powerTable(_ lexicon: Lexicon) -> [String: Int] {
        var table: [String: Int] = [:]
        for row in lexicon.rows {
            guard let power = row["power"].flatMap({ Int($0) }) else { continue }
            for surface in surfaces(of: row, in: lexicon) { table[fold(surface)] = power }
        }
        return table
    }
}
