import CPCRE2

// The only file that imports CPCRE2: every unsafe call into the C library lives here.
// Above this layer, patterns are `PCRE2Regex` values (compiled once, shared across threads)
// and per-thread `PCRE2Scratch` state (match data, match context, JIT stack).

/// A pattern that did not compile: PCRE2's own message and the offset (in bytes of the
/// pattern) where it stopped.
public struct PatternCompileError: Error, Equatable, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public let offset: Int
    public let pattern: String

    public var description: String { "\(message) at offset \(offset) of the pattern" }

    /// The compiled pattern would exceed PCRE2's size limit (a very large alternation).
    public var isTooLarge: Bool { code == PCRE2_ERROR_PATTERN_TOO_LARGE }
}

/// A match that PCRE2 gave up on (match limit, JIT stack limit, ...). The document's other
/// results are kept; this rule fails for this document.
public struct PatternMatchError: Error, Equatable, CustomStringConvertible {
    public let code: Int32
    public let message: String

    public var description: String { message }
}

/// Compile-time options. UTF mode is always on and `PCRE2_UCP` is never set: `\d \s \w \b`
/// stay ASCII (UCP made date patterns 4x slower), so patterns spell out non-ASCII characters.
public struct PatternOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let caseless = PatternOptions(rawValue: UInt32(PCRE2_CASELESS))
    public static let anchored = PatternOptions(rawValue: UInt32(PCRE2_ANCHORED))
    public static let extended = PatternOptions(rawValue: UInt32(PCRE2_EXTENDED))
    public static let multiline = PatternOptions(rawValue: UInt32(PCRE2_MULTILINE))
    public static let dotAll = PatternOptions(rawValue: UInt32(PCRE2_DOTALL))
    /// Lets a search stop at a last start offset (`firstMatch(in:from:startingBy:scratch:)`).
    static let useOffsetLimit = PatternOptions(rawValue: UInt32(PCRE2_USE_OFFSET_LIMIT))
}

/// Code that a pattern calls at a string callout `(?C"…")`: PCRE2 stops there and asks whether
/// matching may go on. Lexicon references use it (`LexiconCallout`): the pattern holds a few
/// callouts instead of an alternation of every name. Handlers are immutable and shared by
/// every thread; per-thread state goes in the `memo` the scratch keeps.
public protocol PatternCallout: AnyObject, Sendable {
    /// Whether matching goes on from `point`; false makes PCRE2 backtrack as if the pattern
    /// failed there.
    func proceed(at point: PatternCalloutPoint, memo: inout PatternCalloutMemo) -> Bool
}

/// Where a callout happened: the subject, the current byte offset and the groups so far.
public struct PatternCalloutPoint {
    public let subject: UnsafeBufferPointer<UInt8>
    public let position: Int
    private let offsets: UnsafeMutablePointer<Int>?
    private let captureTop: Int

    fileprivate init(_ block: pcre2_callout_block_8) {
        subject = UnsafeBufferPointer(start: block.subject, count: block.subject_length)
        position = block.current_position
        offsets = block.offset_vector
        captureTop = Int(block.capture_top)
    }

    /// Where capture `group` started in the current match path, if it is set.
    public func start(ofGroup group: Int) -> Int? {
        guard group > 0, group < captureTop, let offsets else { return nil }
        let start = offsets[2 * group]
        return start == cpcre2_unset() ? nil : start
    }
}

/// Per-thread state callouts may keep between calls of one match (`PCRE2Scratch.calloutMemo`):
/// what `owner` computed for the match path starting at `start`.
public struct PatternCalloutMemo {
    public var owner: ObjectIdentifier?
    public var start = -1
    public var ends: [Int] = []
    public init() {}
}

/// A pattern's string callouts, by the offset of their string in the pattern (unique per callout).
final class PatternCalloutTable: Sendable {
    let offsets: [Int]
    let handlers: [any PatternCallout]

    init(_ entries: [(offset: Int, handler: any PatternCallout)]) {
        let sorted = entries.sorted { $0.offset < $1.offset }
        offsets = sorted.map(\.offset)
        handlers = sorted.map(\.handler)
    }

    @inline(__always)
    func handler(at offset: Int) -> (any PatternCallout)? {
        var low = 0, high = offsets.count
        while low < high {
            let middle = (low + high) >> 1
            if offsets[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low < offsets.count && offsets[low] == offset ? handlers[low] : nil
    }
}

/// A compiled, JIT-compiled (where the platform allows) PCRE2 pattern. Immutable after
/// `init`, so one instance is shared by every thread; matching needs a `PCRE2Scratch`.
public final class PCRE2Regex: @unchecked Sendable {
    private let code: OpaquePointer
    public let pattern: String
    /// Whether the JIT compiled the pattern; otherwise the interpreter runs it.
    public let isJIT: Bool
    /// Number of capturing groups (group 0, the whole match, not counted).
    public let captureCount: Int
    /// Named groups to group numbers.
    public let groupNumbers: [String: Int]

    /// String callouts and their handlers; nil when the pattern has none.
    let callouts: PatternCalloutTable?

    /// Compiles `pattern`. Each string callout `(?C"text")` in it is given to `callouts`
    /// with the pattern's named groups, which returns its handler; a callout it does not
    /// know (or any callout, without `callouts`) is an error. Numbered callouts are refused.
    public init(_ pattern: String, options: PatternOptions = [],
                callouts resolve: ((String, [String: Int]) -> (any PatternCallout)?)? = nil) throws(PatternCompileError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compileOptions = UInt32(PCRE2_UTF) | UInt32(PCRE2_NEVER_BACKSLASH_C) | options.rawValue
        let compiled: OpaquePointer? = pattern.utf8CString.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt8.self) { bytes in
                pcre2_compile_8(bytes.baseAddress, bytes.count - 1, compileOptions,
                                &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw PatternCompileError(code: errorCode, message: Self.message(for: errorCode), offset: errorOffset,
                                      pattern: pattern)
        }
        code = compiled
        self.pattern = pattern
        isJIT = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0

        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        groupNumbers = Self.readNameTable(compiled)
        let sites = Self.readCallouts(compiled)
        if sites.isEmpty {
            callouts = nil
            return
        }
        var entries: [(offset: Int, handler: any PatternCallout)] = []
        for site in sites {
            guard let text = site.text, let handler = resolve?(text, groupNumbers) else {
                pcre2_code_free_8(compiled)
                let shown = site.text.map { "(?C\"\($0)\")" } ?? "a numbered callout"
                throw PatternCompileError(code: 0, message: "\(shown) is not a callout Gleaner provides", offset: site.offset,
                                          pattern: pattern)
            }
            entries.append((site.offset, handler))
        }
        callouts = PatternCalloutTable(entries)
    }

    /// Each callout of the compiled pattern: the offset of its string (of the item, for a
    /// numbered one) and the string.
    private static func readCallouts(_ code: OpaquePointer) -> [(offset: Int, text: String?)] {
        final class Collected { var sites: [(offset: Int, text: String?)] = [] }
        let collected = Collected()
        _ = pcre2_callout_enumerate_8(code, { block, data in
            guard let block, let data else { return 0 }
            let sites = Unmanaged<Collected>.fromOpaque(data).takeUnretainedValue()
            let item = block.pointee
            if let string = item.callout_string {
                let text = String(decoding: UnsafeBufferPointer(start: string, count: item.callout_string_length), as: UTF8.self)
                sites.sites.append((item.callout_string_offset, text))
            } else {
                sites.sites.append((item.pattern_position, nil))
            }
            return 0
        }, Unmanaged.passUnretained(collected).toOpaque())
        return collected.sites
    }

    deinit { pcre2_code_free_8(code) }

    /// Finds the leftmost match at or after byte `offset` of `subject`. `subject` must be valid
    /// UTF-8 and `offset` on a character boundary (the UTF check is skipped for speed).
    /// On success the match's groups are in `scratch`.
    public func firstMatch(in subject: UnsafeBufferPointer<UInt8>, from offset: Int,
                           scratch: PCRE2Scratch) throws(PatternMatchError) -> Bool {
        try match(subject, from: offset, context: scratch.matchContext, scratch: scratch)
    }

    /// Like `firstMatch(in:from:scratch:)`, but only matches that start at or before byte
    /// `lastStart` count. The pattern must be compiled with `.useOffsetLimit`. This is how a
    /// prefilter window is confirmed: PCRE2 searches only the starts the window allows.
    public func firstMatch(in subject: UnsafeBufferPointer<UInt8>, from offset: Int, startingBy lastStart: Int,
                           scratch: PCRE2Scratch) throws(PatternMatchError) -> Bool {
        pcre2_set_offset_limit_8(scratch.windowContext, lastStart)
        return try match(subject, from: offset, context: scratch.windowContext, scratch: scratch)
    }

    private func match(_ subject: UnsafeBufferPointer<UInt8>, from offset: Int, context: OpaquePointer,
                       scratch: PCRE2Scratch) throws(PatternMatchError) -> Bool {
        // An empty text has no storage; no mention can be in it.
        guard let base = subject.baseAddress else { return false }
        scratch.activeCallouts = callouts
        let rc = pcre2_match_8(code, base, subject.count, offset, UInt32(PCRE2_NO_UTF_CHECK), scratch.matchData, context)
        if rc >= 0 {
            scratch.load(groupCount: captureCount + 1)
            return true
        }
        if rc == PCRE2_ERROR_NOMATCH { return false }
        throw PatternMatchError(code: rc, message: Self.message(for: rc))
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer[0..<Int(length)], as: UTF8.self) : "PCRE2 error \(code)"
    }

    private static func readNameTable(_ code: OpaquePointer) -> [String: Int] {
        var nameCount: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &nameCount)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table, nameCount > 0 else { return [:] }
        var names: [String: Int] = [:]
        for index in 0..<Int(nameCount) {
            let entry = table + index * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            names[String(cString: entry + 2)] = number
        }
        return names
    }
}

/// Per-thread matching state: match data sized for the largest pattern, a match context with
/// the match limit, and a JIT stack. Never shared between threads.
public final class PCRE2Scratch {
    /// Limits that keep a hostile pattern from hanging a run. Under JIT only the match limit
    /// and the JIT stack size apply (the depth limit is ignored by the JIT).
    public struct Limits: Sendable, Equatable {
        public var matchLimit: UInt32
        public var jitStackBytes: Int
        public init(matchLimit: UInt32 = 5_000_000, jitStackBytes: Int = 1 << 20) {
            self.matchLimit = matchLimit
            self.jitStackBytes = jitStackBytes
        }
    }

    fileprivate let matchData: OpaquePointer
    fileprivate let matchContext: OpaquePointer
    /// A second context whose offset limit changes per search (prefilter windows); the
    /// first never has one, as patterns compiled without `.useOffsetLimit` reject it.
    fileprivate let windowContext: OpaquePointer
    private let jitStack: OpaquePointer?
    /// Byte ranges of the last match's groups; `-1` marks an unset group.
    /// The callouts of the pattern being matched (its regex keeps them alive).
    fileprivate unowned(unsafe) var activeCallouts: PatternCalloutTable?
    /// State callouts keep between calls (lexicon matches: the ends found at a start).
    public var calloutMemo = PatternCalloutMemo()
    public private(set) var starts: [Int]
    public private(set) var ends: [Int]
    /// Candidates a document may produce (Engine.maxCandidates): plugins stop adding past it,
    /// so a document dense with matches costs bounded memory, and the engine fails it.
    public var maxCandidates = Int.max
    /// Plugins leave the values of the candidates that allow it to be made after the overlap
    /// pass (`DeferredValues`).
    public var defersValues = false

    public init(maxCaptureCount: Int, limits: Limits = Limits()) {
        matchData = pcre2_match_data_create_8(UInt32(maxCaptureCount + 1), nil)
        matchContext = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(matchContext, limits.matchLimit)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, max(32 * 1024, limits.jitStackBytes), nil)
        windowContext = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(windowContext, limits.matchLimit)
        if let jitStack {
            pcre2_jit_stack_assign_8(matchContext, nil, UnsafeMutableRawPointer(jitStack))
            pcre2_jit_stack_assign_8(windowContext, nil, UnsafeMutableRawPointer(jitStack))
        }
        starts = Array(repeating: -1, count: maxCaptureCount + 1)
        ends = starts
        let me = Unmanaged.passUnretained(self).toOpaque()
        for context in [matchContext, windowContext] {
            pcre2_set_callout_8(context, { block, data in PCRE2Scratch.callout(block, data) }, me)
        }
    }

    /// Runs the handler of the string callout PCRE2 stopped at: 0 goes on, 1 backtracks.
    private static func callout(_ block: UnsafeMutablePointer<pcre2_callout_block_8>?, _ data: UnsafeMutableRawPointer?) -> Int32 {
        guard let block, let data else { return PCRE2_ERROR_CALLOUT }
        let scratch = Unmanaged<PCRE2Scratch>.fromOpaque(data).takeUnretainedValue()
        guard let table = scratch.activeCallouts, let handler = table.handler(at: block.pointee.callout_string_offset) else {
            return PCRE2_ERROR_CALLOUT
        }
        return handler.proceed(at: PatternCalloutPoint(block.pointee), memo: &scratch.calloutMemo) ? 0 : 1
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(matchContext)
        pcre2_match_context_free_8(windowContext)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    fileprivate func load(groupCount: Int) {
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        let count = min(groupCount, Int(pcre2_get_ovector_count_8(matchData)), starts.count)
        let unset = cpcre2_unset()
        // Each array borrowed once per match: indexing a class's arrays group by group costs an
        // exclusivity check and a uniqueness check per write, more than the copy itself.
        starts.withUnsafeMutableBufferPointer { starts in
            ends.withUnsafeMutableBufferPointer { ends in
                for group in 0..<count {
                    let start = ovector[2 * group]
                    starts[group] = start == unset ? -1 : start
                    ends[group] = start == unset ? -1 : ovector[2 * group + 1]
                }
            }
        }
    }

    /// The byte range of `group` in the last match, if it took part.
    public func range(_ group: Int) -> Range<Int>? {
        guard group < starts.count, starts[group] >= 0 else { return nil }
        return starts[group]..<ends[group]
    }
}
