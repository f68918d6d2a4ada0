/// Escaping for the report's HTML.
enum HTMLText {
    /// Escapes text for HTML content and double- or single-quoted attributes.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\u{0}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// An integer or exact decimal with thousands separators (`460000000` → `460,000,000`).
    static func grouped(_ number: String) -> String {
        let negative = number.hasPrefix("-")
        let digits = negative ? String(number.dropFirst()) : number
        let parts = digits.split(separator: ".", maxSplits: 1)
        var integer = String(parts.first ?? "")
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        return (negative ? "-" : "") + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// The opening of every page: `root` is the relative path to the report folder.
    static func head(title: String, root: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <link rel="stylesheet" href="\(root)report.css">
        </head>
        <body>

        """
    }
}
