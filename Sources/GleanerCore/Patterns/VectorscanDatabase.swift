#if GLEANER_VECTORSCAN
import CVectorscan
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The only file that imports CVectorscan (Vectorscan, or Hyperscan: same API).

/// Many patterns compiled into one Vectorscan database: one pass over a text reports, for each
/// pattern, every byte offset where a match of it *may* end. A pattern Vectorscan can run as
/// written is run exactly; one it cannot (too large, unsupported constructs) runs in prefilter
/// mode, which widens it so the reported ends are a superset. PCRE2 confirms them. Immutable and shared by
/// every thread; scanning needs a `VectorscanScratch`.
public final class VectorscanDatabase: @unchecked Sendable {
    public let coverage: [Coverage]
    /// Per expression: run as written (true) or approximated in prefilter mode (false). Empty
    /// for a database read back from the cache.
    public let exact: [Bool]
    private let database: OpaquePointer?
    /// Vectorscan's limit on a pattern's length, in bytes.
    public static let maxPatternLength = 16_000

    public init(expressions: [Expression]) {
        // Exact where Vectorscan runs the expression as written: it then reports only ends of
        // real matches of it. Prefilter mode (an approximation that may report many more) is
        // kept for the rest.
        var exact: [Bool] = expressions.map { expression in
            if case .success = Self.maxWidth(Self.text(expression), flags: Self.flags(expression.options, exact: true)) { true } else { false }
        }
        var coverage: [Coverage] = expressions.map { expression in
            let flags = Self.flags(expression.options)
            if case .failure(let refusal) = Self.maxWidth(Self.text(expression), flags: flags) {
                return .rejected(reason: refusal.message)
            }
            guard let pattern = expression.widthPattern,
                  case .success(let width?) = Self.maxWidth(Self.text(Expression(pattern: pattern, options: expression.options)), flags: flags)
            else { return .unbounded }
            return .bounded(maxBytes: width)
        }
        // Compile the accepted ones together; an expression the full compile refuses (too large,
        // ...) is rejected and the rest compiled again.
        var database: OpaquePointer?
        while true {
            let ids = coverage.indices.filter { if case .rejected = coverage[$0] { false } else { true } }
            guard !ids.isEmpty else { break }
            let (compiled, failure) = Self.compile(ids.map { expressions[$0] }, exact: ids.map { exact[$0] })
            if let compiled { database = compiled; break }
            guard let failure, failure.index >= 0, failure.index < ids.count else {
                for id in ids { coverage[id] = .rejected(reason: failure?.message ?? "database does not compile") }
                break
            }
            // Too large to run exactly: approximate it; refused even so: PCRE2 scans for it.
            if exact[ids[failure.index]] {
                exact[ids[failure.index]] = false
            } else {
                coverage[ids[failure.index]] = .rejected(reason: failure.message)
            }
        }
        self.coverage = coverage
        self.exact = exact
        self.database = database
    }

    deinit { if let database { hs_free_database(database) } }

    /// A database saved by `serialized()` on this machine, with the coverage it was built
    /// with; nil when the bytes do not load (another library version or CPU).
    public init?(serialized bytes: [UInt8], coverage: [Coverage]) {
        var loaded: OpaquePointer?
        let rc = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { hs_deserialize_database($0.baseAddress, $0.count, &loaded) }
        }
        guard rc == HS_SUCCESS || coverage.allSatisfy({ if case .rejected = $0 { true } else { false } }) else { return nil }
        database = rc == HS_SUCCESS ? loaded : nil
        self.coverage = coverage
        exact = []
    }

    /// The compiled database as bytes (nil when every expression was rejected or on error).
    public func serialized() -> [UInt8]? {
        guard let database else { return nil }
        var bytes: UnsafeMutablePointer<CChar>?
        var length = 0
        guard hs_serialize_database(database, &bytes, &length) == HS_SUCCESS, let bytes else { return nil }
        defer { free(bytes) }
        return bytes.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }

    /// The library's version and build, part of a saved database's cache key.
    public static var version: String { String(cString: hs_version()) }

    /// Whether glean was built with Vectorscan.
    public static let isAvailable = true

    /// `(?x)` is the only option Vectorscan takes inline rather than as a flag.
    private static func text(_ expression: Expression) -> String {
        expression.options.contains(.extended) ? "(?x)" + expression.pattern : expression.pattern
    }

    struct Refusal: Error { let message: String }

    /// What Vectorscan makes of an expression with these flags: its longest match in bytes
    /// (nil: unbounded), or why it refuses it.
    private static func maxWidth(_ text: String, flags: UInt32) -> Result<Int?, Refusal> {
        var info: UnsafeMutablePointer<hs_expr_info_t>?
        var error: UnsafeMutablePointer<hs_compile_error_t>?
        let rc = hs_expression_info(text, flags, &info, &error)
        defer {
            free(info)
            if let error { hs_free_compile_error(error) }
        }
        guard rc == HS_SUCCESS, let info else {
            return .failure(Refusal(message: error.map { String(cString: $0.pointee.message) } ?? "error \(rc)"))
        }
        return .success(info.pointee.max_width == UInt32.max ? nil : Int(info.pointee.max_width))
    }

    private static func flags(_ options: PatternOptions, exact: Bool = false) -> UInt32 {
        var flags = UInt32(HS_FLAG_UTF8 | HS_FLAG_ALLOWEMPTY) | (exact ? 0 : UInt32(HS_FLAG_PREFILTER))
        if options.contains(.caseless) { flags |= UInt32(HS_FLAG_CASELESS) }
        if options.contains(.dotAll) { flags |= UInt32(HS_FLAG_DOTALL) }
        if options.contains(.multiline) { flags |= UInt32(HS_FLAG_MULTILINE) }
        return flags
    }

    private static func compile(_ expressions: [Expression], exact: [Bool]) -> (OpaquePointer?, (index: Int, message: String)?) {
        let ids = expressions.map(\.id)
        let patterns = expressions.map(text)
        var cStrings = patterns.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        let flags = zip(expressions, exact).map { Self.flags($0.options, exact: $1) }
        var database: OpaquePointer?
        var error: UnsafeMutablePointer<hs_compile_error_t>?
        let rc = cStrings.withUnsafeMutableBufferPointer { strings in
            strings.withMemoryRebound(to: UnsafePointer<CChar>?.self) { strings in
                hs_compile_multi(strings.baseAddress, flags, ids, UInt32(ids.count), UInt32(HS_MODE_BLOCK), nil,
                                 &database, &error)
            }
        }
        if rc == HS_SUCCESS { return (database, nil) }
        defer { if let error { hs_free_compile_error(error) } }
        return (nil, error.map { (Int($0.pointee.expression), String(cString: $0.pointee.message)) })
    }

    public func makeScratch() -> VectorscanScratch? {
        guard let database else { return nil }
        var raw: OpaquePointer?
        guard hs_alloc_scratch(database, &raw) == HS_SUCCESS, let raw else { return nil }
        return VectorscanScratch(raw: raw)
    }

    /// Scans `bytes` (valid UTF-8) and leaves in `scratch.events` every (expression id, end)
    /// reported, packed as `id << 32 | end`, sorted: grouped by id, ends ascending.
    /// Returns false when the scan stopped early (more than `maxEvents` events, or an error);
    /// the events are then incomplete and the caller must not rely on them.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, scratch: VectorscanScratch, maxEvents: Int) -> Bool {
        scratch.events.removeAll(keepingCapacity: true)
        guard let database, let base = bytes.baseAddress, bytes.count < Int(UInt32.max) else { return bytes.isEmpty }
        scratch.sink.pointee.count = 0
        scratch.sink.pointee.limit = maxEvents
        let rc = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
            hs_scan(database, text, UInt32(bytes.count), 0, scratch.raw, { id, _, end, _, context in
                let sink = context!.assumingMemoryBound(to: VectorscanScratch.Sink.self)
                return sink.pointee.append(UInt64(id) << 32 | end) ? 0 : 1
            }, UnsafeMutableRawPointer(scratch.sink))
        }
        guard rc == HS_SUCCESS else { return false }
        scratch.order()
        // Once ordered, the reported events are not read again.
        if scratch.sink.pointee.capacity > VectorscanScratch.keptEvents { scratch.sink.pointee.shrink() }
        return true
    }
}

/// Per-thread scanning state: Vectorscan's scratch space and the event buffer. Never shared.
public final class VectorscanScratch {
    /// Events as Vectorscan reports them. Raw memory the callback writes through a pointer:
    /// appending to an array held by a class costs two runtime checks per event, and there
    /// are about 50,000 events per MB of news text.
    struct Sink {
        var buffer: UnsafeMutablePointer<UInt64>
        var count = 0
        var capacity: Int
        var limit = 0

        /// Back to the initial capacity (the count is reset by the next scan).
        mutating func shrink() {
            buffer.deallocate()
            capacity = 1 << 12
            buffer = .allocate(capacity: capacity)
            count = 0
        }

        /// False when the event budget is spent (the scan stops).
        @inline(__always)
        mutating func append(_ event: UInt64) -> Bool {
            guard count < limit else { return false }
            if count == capacity {
                let grown = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity * 2)
                grown.moveInitialize(from: buffer, count: count)
                buffer.deallocate()
                buffer = grown
                capacity *= 2
            }
            buffer[count] = event
            count += 1
            return true
        }
    }

    fileprivate let raw: OpaquePointer
    fileprivate let sink: UnsafeMutablePointer<Sink>
    /// The last scan's events, (expression id << 32 | end), ascending.
    public fileprivate(set) var events: [UInt64] = []
    /// Events a thread keeps room for between documents (8 MB): a long document's buffers (16 M
    /// events and 128 MB each for 100 MB of news text) are freed once it is done with them.
    static let keptEvents = 1 << 20

    /// Frees the events when a long document grew their buffer past `keptEvents`.
    public func trim() {
        if events.capacity > Self.keptEvents { events = [] }
    }
    private var counts: [Int] = []

    fileprivate init(raw: OpaquePointer) {
        self.raw = raw
        sink = .allocate(capacity: 1)
        sink.initialize(to: Sink(buffer: .allocate(capacity: 1 << 12), capacity: 1 << 12))
        events.reserveCapacity(1 << 12)
    }

    deinit {
        hs_free_scratch(raw)
        sink.pointee.buffer.deallocate()
        sink.deinitialize(count: 1)
        sink.deallocate()
    }

    /// Puts the reported events in `events`, ordered by (id, end). Vectorscan reports in end
    /// order, so a stable counting sort by id orders them in linear time; the check after it
    /// falls back to a full sort should a report ever come out of order.
    fileprivate func order() {
        let reported = UnsafeBufferPointer(start: sink.pointee.buffer, count: sink.pointee.count)
        guard !reported.isEmpty else { return }
        let ids = Int(truncatingIfNeeded: reported.max()! >> 32) + 1
        counts.removeAll(keepingCapacity: true)
        counts.append(contentsOf: repeatElement(0, count: ids + 1))
        events.append(contentsOf: repeatElement(0, count: reported.count))
        counts.withUnsafeMutableBufferPointer { counts in
            for event in reported { counts[Int(truncatingIfNeeded: event >> 32) + 1] += 1 }
            for id in 0..<ids { counts[id + 1] += counts[id] }
            events.withUnsafeMutableBufferPointer { events in
                var sorted = true
                for event in reported {
                    let id = Int(truncatingIfNeeded: event >> 32)
                    let slot = counts[id]
                    events[slot] = event
                    counts[id] = slot + 1
                    if slot > 0, events[slot - 1] > event { sorted = false }
                }
                if !sorted { events.sort() }
            }
        }
    }
}
#endif

#if !GLEANER_VECTORSCAN
/// Built without Vectorscan: every expression is rejected and PCRE2 alone scans.
public final class VectorscanDatabase: Sendable {
    public let coverage: [Coverage]
    public let exact: [Bool] = []
    public static let maxPatternLength = 16_000

    public init(expressions: [Expression]) {
        coverage = expressions.map { _ in .rejected(reason: "glean was built without Vectorscan") }
    }

    public init?(serialized bytes: [UInt8], coverage: [Coverage]) { nil }

    public func serialized() -> [UInt8]? { nil }

    public static var version: String { "none" }

    public static let isAvailable = false

    public func makeScratch() -> VectorscanScratch? { nil }

    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, scratch: VectorscanScratch, maxEvents: Int) -> Bool { false }
}

public final class VectorscanScratch {
    public var events: [UInt64] { [] }
    public func trim() {}
}
#endif

extension VectorscanDatabase {
    public struct Expression: Sendable {
        public var pattern: String
        public var options: PatternOptions
        /// The pattern whose longest match `Coverage.bounded` reports (nil: not bounded).
        public var widthPattern: String?
        /// Reported with each of its events; several expressions may share one.
        public var id: UInt32
        public init(pattern: String, options: PatternOptions, widthPattern: String? = nil, id: UInt32 = 0) {
            self.pattern = pattern
            self.options = options
            self.widthPattern = widthPattern
            self.id = id
        }
    }

    /// What the prefilter knows of one expression.
    public enum Coverage: Sendable, Equatable {
        /// Candidate ends are reported; no match is longer than this many bytes.
        case bounded(maxBytes: Int)
        /// Candidate ends are reported; matches have no length bound.
        case unbounded
        /// Vectorscan cannot compile it, even approximated: PCRE2 alone must scan for it.
        case rejected(reason: String)
    }
}
