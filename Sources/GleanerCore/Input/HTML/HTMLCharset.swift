/// The character set a page declares (`<meta charset>`, `<meta http-equiv="Content-Type"
/// content="...; charset=...">`, a byte-order mark), found in its first bytes the way browsers
/// prescan them. The reader trusts UTF-8 that is valid and otherwise honours the declaration.
enum HTMLCharset {
    /// How far browsers look for the declaration (the HTML standard's prescan: 1024 bytes; a
    /// little more for pages with long heads of comments).
    static let prescanLength = 4096

    static func declared(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.count >= 2 {
            if bytes[0] == 0xFF, bytes[1] == 0xFE { return "UTF-16LE" }
            if bytes[0] == 0xFE, bytes[1] == 0xFF { return "UTF-16BE" }
        }
        let head = bytes.prefix(prescanLength).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        var searchFrom = 0
        while let meta = find(Array("<meta".utf8), in: head, from: searchFrom) {
            let end = head[meta...].firstIndex(of: 0x3E) ?? head.count
            let tag = Array(head[meta..<end])
            searchFrom = end
            if let value = value(after: Array("charset".utf8), in: tag), !value.isEmpty {
                return String(decoding: value, as: UTF8.self)
            }
        }
        return nil
    }

    /// The charset name after `charset` and `=` (quoted or not), in `tag`.
    private static func value(after key: [UInt8], in tag: [UInt8]) -> [UInt8]? {
        var from = 0
        while let at = find(key, in: tag, from: from) {
            from = at + key.count
            var index = from
            while index < tag.count, tag[index] == 0x20 { index += 1 }
            guard index < tag.count, tag[index] == 0x3D else { continue }
            index += 1
            while index < tag.count, tag[index] == 0x20 || tag[index] == 0x22 || tag[index] == 0x27 { index += 1 }
            let start = index
            while index < tag.count, isNameByte(tag[index]) { index += 1 }
            return Array(tag[start..<index])
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F
            || byte == 0x2E || byte == 0x3A
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
