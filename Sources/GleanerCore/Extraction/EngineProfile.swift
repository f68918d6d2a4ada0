import Dispatch

/// Where an engine's time goes, per plugin and per stage (`glean bench`). Collected only when a
/// scratch carries a profile, so normal runs pay nothing for it.
public final class EngineProfile: @unchecked Sendable {
    /// Nanoseconds per plugin: matching (scan + anchored rules) and normalizing.
    public var matchNanos: [UInt64]
    public var normalizeNanos: [UInt64]
    /// The Vectorscan candidate scan (all plugins at once).
    public var prefilterNanos: UInt64 = 0
    /// Documents the prefilter gave up on (event budget): PCRE2 scanned them alone.
    public var unfilteredDocuments = 0
    public var mergeNanos: UInt64 = 0
    /// Building and validating records (offsets, text, value checks).
    public var buildNanos: UInt64 = 0
    /// Content hashes (SHA-256) of the documents.
    public var hashNanos: UInt64 = 0
    /// Serializing records to JSON Lines bytes in the workers (mentions, documents, decisions).
    public var encodeNanos: UInt64 = 0
    /// Per rule, keyed by `plugin << 16 | rule` (prefiltered documents only): what confirming
    /// and matching it cost, so `glean bench --rules` can name the rules worth rewriting.
    public var rules: [Int: RuleCost] = [:]

    public struct RuleCost: Sendable {
        /// Searching the windows before candidate ends.
        public var confirmNanos: UInt64 = 0
        /// Anchored matches at confirmed starts (normalizing excluded).
        public var emitNanos: UInt64 = 0
        /// Candidate ends the prefilter reported, and starts PCRE2 confirmed.
        public var ends = 0
        public var starts = 0
        /// Bytes searched in windows.
        public var windowBytes = 0

        mutating func add(_ other: RuleCost) {
            confirmNanos += other.confirmNanos
            emitNanos += other.emitNanos
            ends += other.ends
            starts += other.starts
            windowBytes += other.windowBytes
        }
    }

    public init(plugins: Int) {
        matchNanos = Array(repeating: 0, count: plugins)
        normalizeNanos = Array(repeating: 0, count: plugins)
    }

    public func add(_ other: EngineProfile) {
        for index in matchNanos.indices {
            matchNanos[index] += other.matchNanos[index]
            normalizeNanos[index] += other.normalizeNanos[index]
        }
        prefilterNanos += other.prefilterNanos
        unfilteredDocuments += other.unfilteredDocuments
        mergeNanos += other.mergeNanos
        buildNanos += other.buildNanos
        hashNanos += other.hashNanos
        encodeNanos += other.encodeNanos
        for (key, cost) in other.rules { rules[key, default: RuleCost()].add(cost) }
    }

    @inline(__always) public static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}
