import Dispatch

/// Where an engine's time goes, per plugin and per stage (`glean bench`). Collected only when a
/// scratch carries a profile, so normal runs pay nothing for it.
public final class EngineProfile: @unchecked Sendable {
    /// Nanoseconds per plugin: matching (scan + anchored rules) and normalizing.
    public var matchNanos: [UInt64]
    public var normalizeNanos: [UInt64]
    /// The Vectorscan candidate scan (all plugins at once).
    public var prefilterNanos: UInt64 = 0
    public var mergeNanos: UInt64 = 0
    /// Building and validating records (offsets, text, value checks).
    public var buildNanos: UInt64 = 0
    /// Content hashes (SHA-256) of the documents.
    public var hashNanos: UInt64 = 0
    /// Serializing records to JSON Lines bytes in the workers (mentions, documents, decisions).
    public var encodeNanos: UInt64 = 0

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
        mergeNanos += other.mergeNanos
        buildNanos += other.buildNanos
        hashNanos += other.hashNanos
        encodeNanos += other.encodeNanos
    }

    @inline(__always) public static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}
