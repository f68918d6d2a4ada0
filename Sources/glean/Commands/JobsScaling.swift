import Foundation
import GleanerCore

/// `glean bench --scaling`: the same documents with one job and with two, the rounds
/// alternated (1, 2, 2, 1, 1, 2, …) so that the machine's drift weighs on both: how much a
/// second core adds. Throughput is wall time; CPU per MB says what the second job costs.
struct JobsScaling {
    let single: BenchMeasurement
    let double: BenchMeasurement

    /// Throughput with two jobs over throughput with one.
    var speedup: Double { double.wallMillisecondsPerMB > 0 ? single.wallMillisecondsPerMB / double.wallMillisecondsPerMB : 0 }

    static func measure(engine: Engine, documents: [Document], rounds: Int, warmup: Int,
                        in directory: String) throws -> JobsScaling {
        let benches = [1, 2].map { ThroughputBenchmark(engine: engine, documents: documents, jobs: $0) }
        var results: [[ThroughputBenchmark.Round]] = [[], []]
        for _ in 0..<warmup { for bench in benches { _ = try bench.round(in: directory) } }
        for round in 0..<max(1, rounds) {
            let order = round % 2 == 0 ? [0, 1] : [1, 0]
            for index in order { results[index].append(try benches[index].round(in: directory)) }
        }
        let bytes = benches[0].bytes, peak = ThroughputBenchmark.peakResidentBytes
        return JobsScaling(
            single: BenchMeasurement(rounds: results[0], documents: documents.count, bytes: bytes, peakRSSBytes: peak),
            double: BenchMeasurement(rounds: results[1], documents: documents.count, bytes: bytes, peakRSSBytes: peak))
    }

    var table: String {
        [
            "jobs scaling (rounds alternated, \(single.rounds) each):",
            String(format: "  --jobs 1  %8.2f MB/s   %8.2f ms CPU per MB", single.mbPerSecond, single.cpuMillisecondsPerMB),
            String(format: "  --jobs 2  %8.2f MB/s   %8.2f ms CPU per MB", double.mbPerSecond, double.cpuMillisecondsPerMB),
            String(format: "  jobs 2 / jobs 1 throughput  %.2f×  (on a machine with %d active cores)", speedup,
                   ProcessInfo.processInfo.activeProcessorCount),
        ].joined(separator: "\n")
    }

    var json: JSONValue {
        .object([
            ("jobs1", single.json), ("jobs2", double.json), ("speedup", BenchMeasurement.number(speedup)),
            ("activeProcessors", .int(ProcessInfo.processInfo.activeProcessorCount)),
        ])
    }
}
