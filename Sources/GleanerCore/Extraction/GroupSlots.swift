#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The named groups a normalizer reads, as numbered slots: each slot lists alternative group
/// names, and the first that took part in a match is the slot's group. Names are resolved to
/// a pattern's group numbers once per pattern (cached here), so reading a group in a match
/// costs an array access instead of a String-keyed lookup.
public final class GroupSlots: @unchecked Sendable {
    public let names: [[String]]
    /// Guards `patterns` and `resolved`: a plugin's threads share its normalizer.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    /// Open addressing by pattern identity; each pattern is kept alive with its numbers, so
    /// an identity is never reused while cached. The count is a power of two.
    private var patterns: [PCRE2Regex?] = Array(repeating: nil, count: 64)
    private var resolved: [SlotNumbers?] = Array(repeating: nil, count: 64)
    private var cached = 0

    public init(_ names: [[String]]) {
        self.names = names
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func numbers(in pattern: PCRE2Regex) -> SlotNumbers {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        var slot = position(of: pattern)
        while let known = patterns[slot] {
            if known === pattern { return resolved[slot]! }
            slot = (slot + 1) & (patterns.count - 1)
        }
        let numbers = SlotNumbers(names: names, groupNumbers: pattern.groupNumbers)
        if (cached + 1) * 2 > patterns.count {
            grow()
            slot = position(of: pattern)
            while patterns[slot] != nil { slot = (slot + 1) & (patterns.count - 1) }
        }
        patterns[slot] = pattern
        resolved[slot] = numbers
        cached += 1
        return numbers
    }

    private func position(of pattern: PCRE2Regex) -> Int {
        let address = UInt(bitPattern: ObjectIdentifier(pattern))
        return Int(truncatingIfNeeded: (address &* 0x9E37_79B9_7F4A_7C15) >> 40) & (patterns.count - 1)
    }

    private func grow() {
        let old = zip(patterns, resolved)
        patterns = Array(repeating: nil, count: patterns.count * 2)
        resolved = Array(repeating: nil, count: patterns.count)
        for case let (pattern?, numbers) in old {
            var slot = position(of: pattern)
            while patterns[slot] != nil { slot = (slot + 1) & (patterns.count - 1) }
            patterns[slot] = pattern
            resolved[slot] = numbers
        }
    }
}

/// A pattern's group numbers for each slot, in the slot's order of preference.
final class SlotNumbers: Sendable {
    /// Slot `s` is `numbers[bounds[s]..<bounds[s + 1]]`.
    let bounds: [Int]
    let numbers: [Int]

    init(names: [[String]], groupNumbers: [String: Int]) {
        var bounds = [0], numbers: [Int] = []
        for alternatives in names {
            numbers += alternatives.compactMap { groupNumbers[$0] }
            bounds.append(numbers.count)
        }
        self.bounds = bounds
        self.numbers = numbers
    }
}

/// The groups of one match, by slot (see `GroupSlots`).
public struct MatchGroups {
    let numbers: SlotNumbers
    let starts: [Int]
    let ends: [Int]
    public let bytes: UnsafeBufferPointer<UInt8>

    /// The byte range of the slot's first group that took part in the match.
    @inline(__always)
    public func range(_ slot: Int) -> Range<Int>? {
        var index = numbers.bounds[slot]
        let end = numbers.bounds[slot + 1]
        while index < end {
            let group = numbers.numbers[index]
            if group < starts.count, starts[group] >= 0 { return starts[group]..<ends[group] }
            index += 1
        }
        return nil
    }

    @inline(__always)
    public func has(_ slot: Int) -> Bool { range(slot) != nil }

    /// The slot's bytes.
    @inline(__always)
    public func bytes(_ slot: Int) -> UnsafeBufferPointer<UInt8>? {
        range(slot).map { UnsafeBufferPointer(rebasing: bytes[$0]) }
    }

    /// The slot's text.
    public func string(_ slot: Int) -> String? {
        bytes(slot).map { String(decoding: $0, as: UTF8.self) }
    }
}
