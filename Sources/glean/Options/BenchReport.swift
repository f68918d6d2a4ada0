import Foundation
import GleanerCore

/// Formats `glean bench` results: medians and spreads, shares per plugin and stage.
struct BenchReport {
    let bench: ThroughputBenchmark
    let rounds: [ThroughputBenchmark.Round]
    let reference: (seconds: Double, matches: [Int])
    let readSeconds: Double
    let peakRSS: Int

    var megabytes: Double { Double(bench.bytes) / 1e6 }

    func stats(_ values: [Double]) -> (median: Double, min: Double, max: Double) {
        let sorted = values.sorted()
        return (sorted[sorted.count / 2], sorted.first ?? 0, sorted.last ?? 0)
    }

    var mbPerSecond: (median: Double, min: Double, max: Double) { stats(rounds.map { megabytes / $0.seconds }) }
    var referenceMBPerSecond: Double { reference.seconds > 0 ? megabytes / reference.seconds : 0 }
    var ratio: Double { referenceMBPerSecond > 0 ? mbPerSecond.median / referenceMBPerSecond : 0 }

    /// Median CPU seconds of a round (all threads).
    var cpuPerRound: Double { stats(rounds.map(\.cpuSeconds)).median }

    /// Seconds per round of everything after matching (merge, records, hashes, encoding, writing).
    var afterMatchingSeconds: Double {
        let stages: Set<String> = ["merge", "build+validate", "hash", "encode", "write"]
        return shares.filter { stages.contains($0.0) }.reduce(0) { $0 + $1.1 } / Double(max(1, rounds.count))
    }

    /// The profiles of all rounds, summed.
    var total: EngineProfile {
        let total = EngineProfile(plugins: bench.engine.plugins.count)
        for round in rounds { if let profile = round.profile { total.add(profile) } }
        return total
    }

    /// Seconds per stage and per plugin, summed over rounds (CPU time of all workers).
    var shares: [(String, Double)] {
        let total = self.total
        let write = rounds.reduce(0) { $0 + $1.writeNanos }
        var rows: [(String, Double)] = [("prefilter (all plugins)", Double(total.prefilterNanos) / 1e9)]
        for (index, plugin) in bench.engine.plugins.enumerated() {
            rows.append(("match \(plugin.id)", Double(total.matchNanos[index]) / 1e9))
            rows.append(("normalize \(plugin.id)", Double(total.normalizeNanos[index]) / 1e9))
        }
        rows += [("merge", Double(total.mergeNanos) / 1e9), ("build+validate", Double(total.buildNanos) / 1e9),
                 ("hash", Double(total.hashNanos) / 1e9), ("encode", Double(total.encodeNanos) / 1e9),
                 ("write", Double(write) / 1e9)]
        return rows
    }

    var table: String {
        let mb = mbPerSecond
        let documents = Double(bench.documents.count), mentions = Double(rounds.first?.mentions ?? 0)
        let medianSeconds = stats(rounds.map(\.seconds)).median
        var lines = [
            String(format: "corpus: %d documents, %.1f MB (read in %.2f s); jobs %d; %d rounds", bench.documents.count, megabytes, readSeconds, bench.jobs, rounds.count),
            String(format: "throughput      %8.2f MB/s   (min %.2f, max %.2f)", mb.median, mb.min, mb.max),
            String(format: "documents/s     %8.0f", documents / medianSeconds),
            String(format: "mentions/s      %8.0f   (%d mentions a round)", mentions / medianSeconds, Int(mentions)),
            String(format: "reference scan  %8.2f MB/s   (plain PCRE2-JIT, one alternation per plugin, 1 thread)", referenceMBPerSecond),
            String(format: "ratio           %8.2f×  glean / reference scan", ratio),
            String(format: "after matching  %8.2f ms/MB  (%.2f µs per mention; all workers)", 1000 * afterMatchingSeconds / megabytes,
                   mentions > 0 ? 1e6 * afterMatchingSeconds / mentions : 0),
            String(format: "CPU per MB      %8.2f ms     (process CPU time of a round, median; all threads)", 1000 * cpuPerRound / megabytes),
            String(format: "peak RSS        %8.1f MB", Double(peakRSS) / 1e6),
            "prefilter       " + prefilterLine,
            "time share (all workers, all rounds):",
        ]
        let total = shares.reduce(0) { $0 + $1.1 }
        for (name, seconds) in shares {
            lines.append("  " + Self.padded(name, 24) + String(format: "%6.1f%%  %8.3f s", total > 0 ? 100 * seconds / total : 0, seconds))
        }
        return lines.joined(separator: "\n")
    }

    /// Per rule, summed over rounds: the rules that cost most first (prefiltered documents).
    var ruleCosts: [(name: String, cost: EngineProfile.RuleCost)] {
        return total.rules.map { key, cost in
            let plugin = bench.engine.plugins[key >> 16]
            return ("\(plugin.id).\(plugin.rules[key & 0xFFFF].manifest.id)", cost)
        }.sorted { $0.cost.confirmNanos + $0.cost.emitNanos > $1.cost.confirmNanos + $1.cost.emitNanos }
    }

    var ruleTable: String {
        let rounds = Double(max(1, self.rounds.count))
        var lines = ["rules (per round; confirm = PCRE2 in prefilter windows, candidates built; match = anchored runs of rules split over several patterns):",
                     "  " + Self.padded("rule", 36) + "   confirm     match       ends     starts    window KB"]
        for (name, cost) in ruleCosts {
            lines.append("  " + Self.padded(name, 36) + String(format: " %7.1fms %7.1fms %10.0f %10.0f %12.0f",
                                Double(cost.confirmNanos) / 1e6 / rounds, Double(cost.emitNanos) / 1e6 / rounds,
                                Double(cost.ends) / rounds, Double(cost.starts) / rounds, Double(cost.windowBytes) / 1e3 / rounds))
        }
        return lines.joined(separator: "\n")
    }

    /// `--scan-costs`: each rule's Vectorscan scan alone, costliest first.
    static func scanCostTable(_ costs: [CandidatePrefilter.ScanCost], megabytes: Double) -> String {
        var lines = ["Vectorscan scan per rule (each rule's prefilter compiled alone, one pass over the corpus):",
                     "  " + padded("rule", 36) + "     ms/MB     events/MB"]
        for cost in costs.sorted(by: { ($0.seconds ?? -1) > ($1.seconds ?? -1) }) {
            let name = padded("\(cost.plugin).\(cost.rule)", 36)
            guard let seconds = cost.seconds else {
                lines.append("  " + name + "  rejected (PCRE2 scans the whole document)")
                continue
            }
            lines.append("  " + name + String(format: " %9.2f %13.0f", 1000 * seconds / megabytes, Double(cost.events) / megabytes))
        }
        return lines.joined(separator: "\n")
    }

    /// `%-Ns` does not pad Swift strings; this does (by characters).
    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// Whether Vectorscan ran, and on how many documents it gave up (PCRE2 then scanned alone).
    var prefilterLine: String {
        guard bench.engine.prefilter != nil else { return "off (PCRE2 scans alone)" }
        let perRound = total.unfilteredDocuments / max(1, rounds.count)
        return "Vectorscan; \(perRound) of \(bench.documents.count) documents a round past the event budget (PCRE2 alone)"
    }

    var json: JSONValue {
        let mb = mbPerSecond
        func number(_ value: Double) -> JSONValue { .number(ExactNumber(significand: Int128((value * 1000).rounded()), exponent: -3)) }
        return .object([
            ("documents", .int(bench.documents.count)), ("megabytes", number(megabytes)), ("jobs", .int(bench.jobs)),
            ("rounds", .int(rounds.count)),
            ("mbPerSecond", .object([("median", number(mb.median)), ("min", number(mb.min)), ("max", number(mb.max))])),
            ("documentsPerSecond", number(Double(bench.documents.count) / stats(rounds.map(\.seconds)).median)),
            ("mentionsPerSecond", number(Double(rounds.first?.mentions ?? 0) / stats(rounds.map(\.seconds)).median)),
            ("referenceMBPerSecond", number(referenceMBPerSecond)), ("ratio", number(ratio)),
            ("peakRSSBytes", .int(peakRSS)), ("cpuMillisecondsPerMB", number(1000 * cpuPerRound / megabytes)),
            ("seconds", .object(shares.map { ($0.0, number($0.1)) })),
        ])
    }
}
