/// The field separator of `glean export`: comma (RFC 4180 CSV) or tab (TSV, quoted the same
/// way where a field holds a tab, a quote or a line break).
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, tsv

    var delimiter: String { self == .csv ? "," : "\t" }
}
