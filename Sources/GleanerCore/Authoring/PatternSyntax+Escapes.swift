/// Escapes and character classes: what set of characters each can match.
extension PatternSyntax {
    /// Parses after a backslash. `set` is what the escape matches as one character (nil for
    /// zero-width escapes and backreferences); `node` is the same as a pattern piece.
    mutating func parseEscape(inClass: Bool) -> (node: Node, set: ScalarSet?, scalar: UInt32?) {
        guard let scalar = currentScalar else { return (.zeroWidth, nil, nil) }
        advance()
        func one(_ set: ScalarSet) -> (Node, ScalarSet?, UInt32?) { (.character(set), set, nil) }
        func char(_ value: UInt32) -> (Node, ScalarSet?, UInt32?) { (.character(literal(value)), literal(value), value) }
        switch scalar {
        case "d": return one(.digits)
        case "D": return one(ScalarSet.digits.inverted)
        case "w": return one(.word)
        case "W": return one(ScalarSet.word.inverted)
        case "s": return one(.space)
        case "S": return one(ScalarSet.space.inverted)
        case "h": return one(.horizontalSpace)
        case "H": return one(ScalarSet.horizontalSpace.inverted)
        case "v", "R": return one(.verticalSpace)
        case "V", "N", "X", "C": return one(.all)
        case "p", "P":
            // A Unicode property: without UCP, approximate as "anything".
            if currentScalar == "{" { skip(past: "}") } else { advance() }
            return one(.all)
        case "b" where inClass: return char(0x08)
        case "b", "B", "A", "z", "Z", "G", "K": return (.zeroWidth, nil, nil)
        case "Q":
            var items: [Item] = []
            while let next = currentScalar {
                if next == "\\", peekScalar(1) == "E" { advance(2); break }
                items.append(Item(node: .character(literal(next.value)), range: position..<position + 1))
                advance()
            }
            return (.group(.plain, alternatives: [items]), nil, nil)
        case "E": return (.zeroWidth, nil, nil)
        case "x":
            return char(hexadecimal())
        case "o" where currentScalar == "{":
            advance()
            let digits = take(while: { ("0"..."7").contains($0) })
            skip(past: "}")
            return char(UInt32(digits, radix: 8) ?? 0)
        case "0":
            let digits = take(while: { ("0"..."7").contains($0) }, limit: 2)
            return char(UInt32(digits, radix: 8) ?? 0)
        case "1"..."9" where !inClass:
            _ = take(while: { ("0"..."9").contains($0) })
            return (Self.opaque, nil, nil)  // backreference
        case "g", "k":
            if let open = currentScalar, "{<'".unicodeScalars.contains(open) {
                skip(past: open == "{" ? "}" : open == "<" ? ">" : "'")
            } else {
                _ = take(while: { ("0"..."9").contains($0) || $0 == "-" || $0 == "+" })
            }
            return (Self.opaque, nil, nil)
        case "n": return char(0x0A)
        case "t": return char(0x09)
        case "r": return char(0x0D)
        case "f": return char(0x0C)
        case "e": return char(0x1B)
        case "a": return char(0x07)
        case "c":
            let control = currentScalar.map { $0.value & 0x1F } ?? 0
            advance()
            return char(control)
        default: return char(scalar.value)
        }
    }

    /// Parses after `[` up to and including `]`.
    mutating func parseClass() -> ScalarSet {
        var set = ScalarSet.empty
        let negated = currentScalar == "^"
        if negated { advance() }
        var first = true
        while let scalar = currentScalar {
            if scalar == "]", !first { advance(); break }
            first = false
            if scalar == "[", peekScalar(1) == ":" {
                set = set.union(posixClass())
                continue
            }
            advance()
            var low: UInt32
            if scalar == "\\" {
                let escape = parseEscape(inClass: true)
                guard let single = escape.set else { continue }
                guard let value = escape.scalar else { set = set.union(single); continue }
                low = value
            } else {
                low = scalar.value
            }
            // A range `a-z` (a `-` before `]` is literal).
            if currentScalar == "-", let next = peekScalar(1), next != "]" {
                advance()
                var high = next.value
                advance()
                if next == "\\" {
                    let escape = parseEscape(inClass: true)
                    guard let value = escape.scalar else {
                        set = set.union(literal(low)).union(.ascii("-")).union(escape.set ?? .empty)
                        continue
                    }
                    high = value
                }
                if high >= low { set.insert(low...high, caseless: caseless) }
            } else {
                set.insert(low...low, caseless: caseless)
            }
        }
        return negated ? set.inverted : set
    }

    private mutating func posixClass() -> ScalarSet {
        advance(2)
        let negated = currentScalar == "^"
        if negated { advance() }
        let name = take(while: { $0 != ":" })
        skip(past: "]")
        let set: ScalarSet = switch name {
        case "digit": .digits
        case "space": .space
        case "alpha": ScalarSet.scalars(0x41...0x5A).union(.scalars(0x61...0x7A))
        case "upper": caseless ? .scalars(0x41...0x5A).union(.scalars(0x61...0x7A)) : .scalars(0x41...0x5A)
        case "lower": caseless ? .scalars(0x41...0x5A).union(.scalars(0x61...0x7A)) : .scalars(0x61...0x7A)
        case "alnum": .alphanumeric
        case "word": .word
        case "xdigit": ScalarSet.digits.union(.ascii("abcdefABCDEF"))
        default: .scalars(0x00...0x7F)
        }
        return negated ? set.inverted : set
    }

    /// `\xhh` or `\x{h...}`, after the `x`.
    private mutating func hexadecimal() -> UInt32 {
        if currentScalar == "{" {
            advance()
            let digits = take(while: { $0 != "}" })
            advance()
            return UInt32(digits, radix: 16) ?? 0
        }
        return UInt32(take(while: { $0.properties.isASCIIHexDigit }, limit: 2), radix: 16) ?? 0
    }

    private func literal(_ value: UInt32) -> ScalarSet { .scalars(value...value, caseless: caseless) }

    private mutating func take(while predicate: (Unicode.Scalar) -> Bool, limit: Int = .max) -> String {
        var text = ""
        while text.unicodeScalars.count < limit, let scalar = currentScalar, predicate(scalar) {
            text.unicodeScalars.append(scalar)
            advance()
        }
        return text
    }
}

extension ScalarSet {
    /// `[:alnum:]`: letters and digits.
    static let alphanumeric = ScalarSet.digits.union(.scalars(0x41...0x5A)).union(.scalars(0x61...0x7A))
}
