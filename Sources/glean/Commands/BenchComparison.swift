import Foundation
import GleanerCore

/// `glean bench --baseline PATH`: another build of glean measured on the same documents in the
/// same run, its rounds placed between this build's (A B A, or A B A B A with more runs), so
/// that a machine that slows down or speeds up during the run weighs on both alike.
///
/// The other build runs `bench --json` with this command's corpus, plugin and job options as
/// given (it generates the same corpus from the same --source and --mb: generation is
/// deterministic; both default to as many jobs as cores); the document count and size it
/// reports are checked against this build's.
struct BenchComparison {
    /// The other build's executable.
    let executable: String
    /// The corpus, plugin and job options, as the other build's `bench` takes them.
    let arguments: [String]

    /// One invocation of the other build: `warmup` untimed rounds and `rounds` timed ones.
    func measure(rounds: Int, warmup: Int) throws(CLIError) -> BenchMeasurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["bench", "--json", "--rounds", String(rounds), "--warmup", String(warmup)] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        do { try process.run() } catch {
            throw CLIError.usage("--baseline \(executable): cannot run it (\(error.localizedDescription))")
        }
        // Read before waiting: a full pipe would block the other build.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIError.output("--baseline \(executable) bench ended with status \(process.terminationStatus)")
        }
        return try BenchMeasurement(json: String(decoding: data, as: UTF8.self), from: executable)
    }

    /// How this build's `rounds` are split around `runs` invocations of the other build: one
    /// slice more than there are runs, the larger slices first (5 rounds, 1 run: 3 | run | 2).
    static func slices(rounds: Int, runs: Int) -> [Int] {
        let count = runs + 1
        return (0..<count).map { rounds / count + ($0 < rounds % count ? 1 : 0) }
    }

    /// The other build's timed rounds per invocation, so that it times at least `rounds` in all.
    static func roundsPerRun(rounds: Int, runs: Int) -> Int { max(1, (rounds + runs - 1) / runs) }

    /// This command's arguments as the other build gets them: those that choose the work
    /// (corpus, size, plugins, kinds, jobs, scanning) verbatim, without those that say how this
    /// build measures and prints (the other build's rounds are set by `measure`).
    static func forwardedArguments(_ arguments: [String]) -> [String] {
        let withValue: Set<String> = ["--baseline", "--baseline-runs", "--rounds", "--warmup"]
        let flags: Set<String> = ["--json", "--scaling", "--rules", "--scan-costs", "--after-matching"]
        var forwarded: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if withValue.contains(name) {
                index += argument.contains("=") ? 1 : 2
            } else {
                if !flags.contains(argument) { forwarded.append(argument) }
                index += 1
            }
        }
        return forwarded
    }

    /// The two builds side by side, and this build's share of the other's cost.
    static func table(this: BenchMeasurement, baseline: BenchMeasurement, executable: String, runs: Int) -> String {
        func ratio(_ a: Double, _ b: Double) -> String { b > 0 ? String(format: "%.3f×", a / b) : "—" }
        func row(_ name: String, _ a: Double, _ b: Double, _ format: String) -> String {
            BenchReport.padded(name, 20) + String(format: format, a) + String(format: format, b) + "   " + ratio(a, b)
        }
        var lines = [
            "side by side with \(executable) (same documents; \(baseline.rounds) of its rounds in \(runs) run\(runs == 1 ? "" : "s") between this build's \(this.rounds)):",
            "  " + BenchReport.padded("", 20) + "  this build    baseline   this / baseline",
            "  " + row("CPU per MB (ms)", this.cpuMillisecondsPerMB, baseline.cpuMillisecondsPerMB, "%12.2f"),
            "  " + row("wall per MB (ms)", this.wallMillisecondsPerMB, baseline.wallMillisecondsPerMB, "%12.2f"),
            "  " + row("throughput (MB/s)", this.mbPerSecond, baseline.mbPerSecond, "%12.2f"),
            "  " + row("peak RSS (MB)", Double(this.peakRSSBytes) / 1e6, Double(baseline.peakRSSBytes) / 1e6, "%12.1f"),
        ]
        if let warning = mismatch(this, baseline) { lines.append("  warning: " + warning) }
        return lines.joined(separator: "\n")
    }

    static func json(this: BenchMeasurement, baseline: BenchMeasurement, executable: String, runs: Int) -> JSONValue {
        func ratio(_ a: Double, _ b: Double) -> JSONValue { b > 0 ? BenchMeasurement.number(a / b) : .null }
        return .object([
            ("executable", .string(executable)), ("runs", .int(runs)), ("measurement", baseline.json),
            ("cpuRatio", ratio(this.cpuMillisecondsPerMB, baseline.cpuMillisecondsPerMB)),
            ("wallRatio", ratio(this.wallMillisecondsPerMB, baseline.wallMillisecondsPerMB)),
            ("peakRSSRatio", ratio(Double(this.peakRSSBytes), Double(baseline.peakRSSBytes))),
            ("sameDocuments", .bool(mismatch(this, baseline) == nil)),
        ])
    }

    /// Why the two builds did not measure the same documents, if they did not.
    static func mismatch(_ this: BenchMeasurement, _ baseline: BenchMeasurement) -> String? {
        guard this.documents != baseline.documents || abs(this.megabytes - baseline.megabytes) > 0.001 else { return nil }
        return String(format: "the baseline measured %d documents, %.3f MB; this build %d, %.3f MB: not the same corpus",
                      baseline.documents, baseline.megabytes, this.documents, this.megabytes)
    }
}
