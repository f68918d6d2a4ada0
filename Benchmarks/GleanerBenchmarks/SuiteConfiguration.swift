import Benchmark
import Foundation

/// Metrics, run lengths and regression thresholds shared by the suite.
enum SuiteConfiguration {
    /// `GLEANER_BENCH_SMOKE=1`: one iteration of each benchmark and no warm-up, to check in CI
    /// that the suite runs, not how fast (scripts/test.sh).
    static let isSmokeRun = ProcessInfo.processInfo.environment["GLEANER_BENCH_SMOKE"] == "1"

    /// The lexicon plugins' lengths (names): a short list and a user's long one. The smoke run
    /// builds a small one only (python and a 100k-name compile would be most of its time).
    static let lexiconSizes = isSmokeRun ? [1_000] : [1_000, 100_000]

    /// Generous on purpose: the baseline comes from a shared 2-core VM with other builds running
    /// beside it, where the same code's median moves by 2× between runs and there are no CPU
    /// counters to measure instead. The fastest iteration (p0) is the steadiest (among many,
    /// some run uncontended), so `baseline check` fails when even that takes more than twice the
    /// baseline's (for rates, which package-benchmark compares as a drop: less than half). That
    /// still catches a pattern that starts to backtrack. Allocation counts barely move (a few
    /// between runs, which is a lot of a small count): 25 % at the median; peak RSS 25 %.
    /// Iterations per second is not judged (left out, it would get package-benchmark's default
    /// of 5 %): as a whole number it is too coarse for a slow iteration (11 against 5), and
    /// bytes/s says the same precisely.
    static var thresholds: [BenchmarkMetric: BenchmarkThresholds] {
        let time = BenchmarkThresholds(relative: [.p0: 100.0])
        let rate = BenchmarkThresholds(relative: [.p0: 50.0])
        let allocations = BenchmarkThresholds(relative: [.p50: 25.0])
        let memory = BenchmarkThresholds(relative: [.p50: 25.0])
        return [
            .wallClock: time, .throughput: .none, RateMetric.bytes: rate, RateMetric.documents: rate,
            .mallocCountTotal: allocations, .peakMemoryResident: memory,
        ]
    }

    /// One benchmark's configuration: wall clock, iterations and bytes per second (documents per
    /// second too when an iteration is several documents), allocations and, unless `peakMemory`
    /// is false, peak RSS. Each runs for `maxDuration`: long enough for a stable median on a
    /// noisy machine, short enough that the whole suite takes a few minutes; an iteration of
    /// seconds (one large document) warms up once, not `warmup` times.
    static func configuration(perDocument: Bool = false, peakMemory: Bool = true,
                              maxDuration: Duration = .seconds(3), warmup: Int = 2) -> Benchmark.Configuration {
        let metrics: [BenchmarkMetric] = [.wallClock, .throughput, RateMetric.bytes]
            + (perDocument ? [RateMetric.documents] : []) + [.mallocCountTotal]
            + (peakMemory ? [.peakMemoryResident] : [])
        return Benchmark.Configuration(
            metrics: metrics,
            warmupIterations: isSmokeRun ? 0 : warmup,
            maxDuration: isSmokeRun ? .milliseconds(1) : maxDuration,
            maxIterations: isSmokeRun ? 1 : 10_000,
            // Only the metrics measured: package-benchmark warns about the others.
            thresholds: thresholds.filter { metrics.contains($0.key) }
        )
    }
}
