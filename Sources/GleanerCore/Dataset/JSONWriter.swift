/// Appends JSON to a byte buffer: strings escaped per RFC 8259, objects in their stored key
/// order, numbers exact. Used for every record the tool writes.
public enum JSONWriter {
    public static func string(_ value: JSONValue) -> String {
        var buffer: [UInt8] = []
        append(value, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    public static func append(_ value: JSONValue, to buffer: inout [UInt8]) {
        switch value {
        case .string(let text): append(string: text, to: &buffer)
        case .number(let number): buffer.append(contentsOf: number.description.utf8)
        case .bool(let flag): buffer.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: buffer.append(contentsOf: "null".utf8)
        case .array(let items):
            buffer.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { buffer.append(contentsOf: ", ".utf8) }
                append(item, to: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        case .object(let pairs):
            buffer.append(UInt8(ascii: "{"))
            for (index, (key, item)) in pairs.enumerated() {
                if index > 0 { buffer.append(contentsOf: ", ".utf8) }
                append(string: key, to: &buffer)
                buffer.append(contentsOf: ": ".utf8)
                append(item, to: &buffer)
            }
            buffer.append(UInt8(ascii: "}"))
        }
    }

    public static func append(string: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): buffer.append(contentsOf: "\\\\".utf8)
            case 0x0A: buffer.append(contentsOf: "\\n".utf8)
            case 0x0D: buffer.append(contentsOf: "\\r".utf8)
            case 0x09: buffer.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                buffer.append(contentsOf: "\\u00".utf8)
                buffer.append(hex[Int(byte >> 4)])
                buffer.append(hex[Int(byte & 0xF)])
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    public static func append(int: Int, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: String(int).utf8)
    }
}
