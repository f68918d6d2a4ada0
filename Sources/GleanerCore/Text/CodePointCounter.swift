/// Counts Unicode scalars in valid UTF-8 (bytes that are not continuation bytes), eight bytes
/// at a time.
public enum CodePointCounter {
    public static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        count(bytes, from: 0, to: bytes.count)
    }

    public static func count(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard start < end, let base = bytes.baseAddress else { return 0 }
        var continuation = 0
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        func continuations(at offset: Int) -> UInt64 {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            return (word >> 7) & ~(word >> 6) & ones
        }
        // Four words a step (independent loads and adds), 63 steps before the lanes (at most
        // 252 each) are added up.
        while index + 32 <= end {
            var lanes: UInt64 = 0
            var steps = 0
            while steps < 63, index + 32 <= end {
                lanes &+= (continuations(at: index) &+ continuations(at: index + 8))
                    &+ (continuations(at: index + 16) &+ continuations(at: index + 24))
                index += 32
                steps += 1
            }
            let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
            continuation += Int((pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        while index + 8 <= end {
            // Per byte, 1 where the byte is 10xxxxxx; up to 255 words summed per lane before
            // the lanes are added up.
            var lanes: UInt64 = 0
            var words = 0
            while words < 255, index + 8 <= end {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                lanes &+= (word >> 7) & ~(word >> 6) & ones
                index += 8
                words += 1
            }
            let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
            continuation += Int((pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        while index < end {
            if base[index] & 0xC0 == 0x80 { continuation += 1 }
            index += 1
        }
        return end - start - continuation
    }

    public static func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { count($0) }
    }
}
