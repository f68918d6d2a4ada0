/// Messages name files, and a file name may hold any byte but `/` and NUL: an escape sequence
/// could rewrite the terminal, a newline forge a second message. Control characters are shown
/// escaped instead (`\n`, `\t`, `\e`, `\u{9B}`), the rest of the text as it is. A newline
/// followed by four spaces stays: it starts an indented continuation line of the message (a
/// pattern shown with a caret under the error), which cannot pass for a message of its own.
enum TerminalText {
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n" where scalars[(index + 1)...].prefix(4).elementsEqual("    ".unicodeScalars):
                result += "\n"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{1B}": result += "\\e"
            case _ where isControl(scalar): result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// C0 and C1 controls and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
