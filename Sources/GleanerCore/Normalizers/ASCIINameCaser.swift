/// Re-cases an ASCII name part by part, the walk both title casers share: words split at runs of
/// spaces and written with one space between them, each word's hyphenated parts cased one by
/// one by the caller's choice (`DHARMA-GUARDIAN` → `Dharma-Guardian`, `SCRI` kept, `of` lowered).
public enum ASCIINameCaser {
    /// How one part is written.
    public enum PartCase: Sendable {
        case asWritten
        /// First byte as written, the rest lower case.
        case capitalized
        case lower
    }

    /// Two or more words and every letter a capital: a name written as a heading
    /// (`PRESS INFORMATION BUREAU`), which programs and parties title-case when no list knows it.
    public static func isAllCapsHeading(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.allSatisfy({ $0 < 0x80 }) else {
            let written = String(decoding: text, as: UTF8.self)
            let letters = written.unicodeScalars.filter { $0.properties.isAlphabetic }
            return written.contains(" ") && !letters.isEmpty && letters.allSatisfy { $0.properties.isUppercase }
        }
        var letters = false
        for byte in text {
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return false }
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { letters = true }
        }
        return letters && text.contains(0x20)
    }

    /// The name re-cased, or nil when it is not ASCII (the caller's Unicode path then applies).
    /// `choose` gets each part's bytes and whether it is in the first word.
    public static func recase(_ name: UnsafeBufferPointer<UInt8>,
                              _ choose: (_ part: UnsafeBufferPointer<UInt8>, _ firstWord: Bool) -> PartCase) -> String? {
        guard name.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(unsafeUninitializedCapacity: max(name.count, 1)) { output in
            var count = 0
            var index = 0
            var firstWord = true
            while index < name.count {
                while index < name.count, name[index] == 0x20 { index += 1 }
                guard index < name.count else { break }
                if !firstWord { output[count] = 0x20; count += 1 }
                var partStart = index
                while true {
                    var partEnd = partStart
                    while partEnd < name.count, name[partEnd] != 0x20, name[partEnd] != UInt8(ascii: "-") { partEnd += 1 }
                    let part = UnsafeBufferPointer(rebasing: name[partStart..<partEnd])
                    let casing = choose(part, firstWord)
                    for (offset, byte) in part.enumerated() {
                        let lowered = casing == .lower || (casing == .capitalized && offset > 0)
                        output[count] = lowered && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                        count += 1
                    }
                    guard partEnd < name.count, name[partEnd] == UInt8(ascii: "-") else {
                        index = partEnd
                        break
                    }
                    output[count] = UInt8(ascii: "-")
                    count += 1
                    partStart = partEnd + 1
                }
                firstWord = false
            }
            return count
        }
    }
}
