import Foundation
import GleanerCore

/// What `glean bench` compares between two builds or two job counts: the medians of the timed
/// rounds per MB, in CPU time (user + system, all threads: what the work costs, steadier on a
/// shared machine) and wall time (what a user waits), and the process's peak RSS.
struct BenchMeasurement {
    var documents: Int
    var megabytes: Double
    var cpuMillisecondsPerMB: Double
    var wallMillisecondsPerMB: Double
    var peakRSSBytes: Int
    /// Timed rounds behind the medians.
    var rounds: Int

    var mbPerSecond: Double { wallMillisecondsPerMB > 0 ? 1000 / wallMillisecondsPerMB : 0 }

    /// This process's rounds.
    init(rounds: [ThroughputBenchmark.Round], documents: Int, bytes: Int, peakRSSBytes: Int) {
        let megabytes = Double(bytes) / 1e6
        self.documents = documents
        self.megabytes = megabytes
        cpuMillisecondsPerMB = 1000 * Self.median(rounds.map(\.cpuSeconds)) / megabytes
        wallMillisecondsPerMB = 1000 * Self.median(rounds.map(\.seconds)) / megabytes
        self.peakRSSBytes = peakRSSBytes
        self.rounds = rounds.count
    }

    /// Another build's `bench --json` output. Builds before this file printed no wall time per
    /// MB; it is then 1000 / the median MB/s (the same round: MB/s falls as seconds grow).
    init(json text: String, from executable: String) throws(CLIError) {
        let object: JSONValue
        do { object = try JSONParser.parse(text) } catch {
            throw CLIError.output("\(executable) bench --json: \(error)")
        }
        func number(_ path: String...) throws(CLIError) -> Double {
            var value: JSONValue? = object
            for key in path { value = value?[key] }
            guard case .number(let number)? = value, let double = Double(number.description) else {
                throw CLIError.output("\(executable) bench --json: no number at \(path.joined(separator: "."))")
            }
            return double
        }
        documents = Int(try number("documents"))
        megabytes = try number("megabytes")
        cpuMillisecondsPerMB = try number("cpuMillisecondsPerMB")
        if let wall = try? number("wallMillisecondsPerMB") {
            wallMillisecondsPerMB = wall
        } else {
            let mbPerSecond = try number("mbPerSecond", "median")
            wallMillisecondsPerMB = mbPerSecond > 0 ? 1000 / mbPerSecond : 0
        }
        peakRSSBytes = Int(try number("peakRSSBytes"))
        rounds = Int(try number("rounds"))
    }

    /// Several runs of the same build (one invocation of another build each): the median of
    /// their medians, the largest peak, all their rounds.
    static func combined(_ runs: [BenchMeasurement]) -> BenchMeasurement {
        var result = runs[0]
        result.cpuMillisecondsPerMB = median(runs.map(\.cpuMillisecondsPerMB))
        result.wallMillisecondsPerMB = median(runs.map(\.wallMillisecondsPerMB))
        result.peakRSSBytes = runs.map(\.peakRSSBytes).max() ?? 0
        result.rounds = runs.reduce(0) { $0 + $1.rounds }
        return result
    }

    /// The middle value (of an even count, the upper middle one, as BenchReport takes it).
    static func median(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.sorted()[values.count / 2]
    }

    var json: JSONValue {
        .object([
            ("documents", .int(documents)), ("megabytes", Self.number(megabytes)), ("rounds", .int(rounds)),
            ("cpuMillisecondsPerMB", Self.number(cpuMillisecondsPerMB)),
            ("wallMillisecondsPerMB", Self.number(wallMillisecondsPerMB)),
            ("mbPerSecond", Self.number(mbPerSecond)), ("peakRSSBytes", .int(peakRSSBytes)),
        ])
    }

    /// A JSON number with three decimals, as the rest of `bench --json`.
    static func number(_ value: Double) -> JSONValue {
        .number(ExactNumber(significand: Int128((value * 1000).rounded()), exponent: -3))
    }
}

extension BenchReport {
    /// `bench --json`'s fields beside the medians BenchReport prints: wall time per MB and each
    /// round's CPU and wall time per MB, so that another run can combine rounds, not medians.
    var measurementFields: [(String, JSONValue)] {
        let measurement = BenchMeasurement(rounds: rounds, documents: bench.documents.count, bytes: bench.bytes,
                                           peakRSSBytes: peakRSS)
        return [
            ("wallMillisecondsPerMB", BenchMeasurement.number(measurement.wallMillisecondsPerMB)),
            ("roundsCPUMillisecondsPerMB", .array(rounds.map { BenchMeasurement.number(1000 * $0.cpuSeconds / megabytes) })),
            ("roundsWallMillisecondsPerMB", .array(rounds.map { BenchMeasurement.number(1000 * $0.seconds / megabytes) })),
        ]
    }
}
