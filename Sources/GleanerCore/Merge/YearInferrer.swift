/// For plugins with `inferYears: true` (dates): a date written without its year (`March 3 to
/// 7`, value `XXXX-03-03/XXXX-03-07`) takes the year of the document's reference date (a JSON
/// Lines `published` field, else the dateline: a full date standing alone on a line, perhaps
/// after `Published`/`Updated`), else of the nearest earlier date with a year; it is then marked
/// `inferred: ["year"]`. With neither, the year stays `XXXX` (ANNOTATION.md).
public struct YearInferrer: MergePass {
    public let name = "year"

    public init() {}

    static let datelineWords: Set<String> = ["published", "updated", "posted", "last", "on", "date", "dated", "by",
                                             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                             "mon", "tue", "wed", "thu", "fri", "sat", "sun", "ist", "gmt", "utc"]

    public func apply(to candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision]) {
        let inferring = candidates.indices.filter { context.plugins[candidates[$0].plugin].manifest.inferYears }
        guard inferring.contains(where: { candidates[$0].value?.stringValue?.contains("XXXX") ?? false }) else { return }
        let reference = context.document.referenceDate?.year ?? dateline(candidates, inferring, context)
        var previousYear: Int?
        for index in inferring {
            guard let value = candidates[index].value?.stringValue else { continue }
            if value.contains("XXXX") {
                guard let year = reference ?? previousYear else { continue }
                candidates[index].value = .string(value.replacingXXXX(with: year))
                if !candidates[index].inferred.contains("year") { candidates[index].inferred.append("year") }
            } else if let year = Self.year(of: value) {
                previousYear = year
            }
        }
    }

    /// The year of the first full date (`YYYY-MM-DD`) that stands alone on its line.
    func dateline(_ candidates: [Candidate], _ indices: [Int], _ context: MergeContext) -> Int? {
        for index in indices {
            guard let value = candidates[index].value?.stringValue, value.utf8.count == 10,
                  let year = Self.year(of: value) else { continue }
            let bytes = candidates[index].bytes
            var start = bytes.lowerBound, end = bytes.upperBound
            while start > 0, context.bytes[start - 1] != 0x0A { start -= 1 }
            while end < context.bytes.count, context.bytes[end] != 0x0A { end += 1 }
            let rest = context.text(start..<bytes.lowerBound) + " " + context.text(bytes.upperBound..<end)
            let words = rest.lowercased().split(whereSeparator: { !$0.isLetter })
            if words.allSatisfy({ Self.datelineWords.contains(String($0)) }) { return year }
        }
        return nil
    }

    static func year(of value: String) -> Int? {
        let digits = value.utf8.prefix(4)
        guard digits.count == 4, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }
}

extension String {
    fileprivate func replacingXXXX(with year: Int) -> String {
        split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("XXXX") ? String(year) + $0.dropFirst(4) : String($0) }
            .joined(separator: "/")
    }
}
