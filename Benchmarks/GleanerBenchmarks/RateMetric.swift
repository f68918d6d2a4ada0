import Benchmark
import Foundation

/// Rates in the units the work is sized in. package-benchmark's `.throughput` counts iterations
/// per second, and an iteration here is a whole corpus or a whole file, so these say how many
/// bytes (and documents) per second that is, comparable across benchmarks and with `glean bench`.
enum RateMetric {
    static var bytes: BenchmarkMetric { .custom("bytes/s", polarity: .prefersLarger, useScalingFactor: false) }
    static var documents: BenchmarkMetric { .custom("documents/s", polarity: .prefersLarger, useScalingFactor: false) }
}

extension Benchmark {
    /// Runs `body` once and records its rate over `bytes` (and `documents`, when given).
    func measureRate(bytes: Int, documents: Int? = nil, _ body: () throws -> Void) rethrows {
        let started = DispatchTime.now().uptimeNanoseconds
        try body()
        let nanos = max(1, DispatchTime.now().uptimeNanoseconds - started)
        measurement(RateMetric.bytes, Int(Double(bytes) * 1e9 / Double(nanos)))
        if let documents { measurement(RateMetric.documents, Int(Double(documents) * 1e9 / Double(nanos))) }
    }
}
