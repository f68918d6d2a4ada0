import Foundation
import Testing

/// `glean bench --baseline` (another build on the same documents, side by side) and
/// `--scaling` (jobs 1 against jobs 2). Their timings are never judged, only what they report.
@Suite struct BenchComparisonTests {
    private func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func baselineMeasuresTheOtherBuildOnTheSameDocuments() throws {
        let bench = try GleanProcess.run(["bench", "--mb", "0.05", "--rounds", "3", "--warmup", "0", "--jobs", "1",
                                          "--kinds", "exercise", "--json", "--baseline", GleanProcess.executable.path])
        #expect(bench.status == 0, "\(bench.stderr)")
        let json = try object(bench.stdout)
        let baseline = try #require(json["baseline"] as? [String: Any])
        let measurement = try #require(baseline["measurement"] as? [String: Any])
        #expect(baseline["sameDocuments"] as? Bool == true)
        #expect(measurement["documents"] as? Int == json["documents"] as? Int)
        // One run of the other build, between two slices of this build's three rounds.
        #expect(measurement["rounds"] as? Int == 3)
        #expect((json["roundsCPUMillisecondsPerMB"] as? [Double])?.count == 3)
        #expect((json["roundsWallMillisecondsPerMB"] as? [Double])?.count == 3)
        let ours = try #require(json["cpuMillisecondsPerMB"] as? Double)
        let theirs = try #require(measurement["cpuMillisecondsPerMB"] as? Double)
        let ratio = try #require(baseline["cpuRatio"] as? Double)
        #expect(abs(ratio - ours / theirs) < 0.01)
    }

    /// A stand-in for an older build: it records its arguments and prints an older `bench --json`
    /// (no wall time per MB, another corpus).
    @Test func baselineGetsTheWorkOptionsAndOlderJSONIsRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glean-bench-baseline-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = folder.appendingPathComponent("arguments").path
        let script = folder.appendingPathComponent("old-glean").path
        try """
            #!/bin/sh
            echo "$@" >> '\(arguments)'
            echo '{"documents": 1, "megabytes": 0.001, "jobs": 1, "rounds": 2, "mbPerSecond": {"median": 4, "min": 3, "max": 5}, \
            "peakRSSBytes": 50000000, "cpuMillisecondsPerMB": 100}'
            """.write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)

        let bench = try GleanProcess.run(["bench", "--mb=0.05", "--rounds", "4", "--warmup", "0", "--jobs", "1",
                                          "--kinds", "exercise", "--baseline", script, "--baseline-runs", "2"])
        #expect(bench.status == 0, "\(bench.stderr)")
        // Two runs of two rounds each; what chooses the work is passed on, how to measure is not.
        let calls = try String(contentsOfFile: arguments, encoding: .utf8).split(separator: "\n")
        #expect(calls == Array(repeating: "bench --json --rounds 2 --warmup 1 --mb=0.05 --jobs 1 --kinds exercise", count: 2))
        let lines = bench.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("side by side with \(script)") })
        #expect(lines[header].contains("4 of its rounds in 2 runs between this build's 4"))
        // Wall time per MB from the median MB/s: 1000 / 4.
        let wall = try #require(lines.first { $0.contains("wall per MB (ms)") })
        #expect(wall.split(separator: " ", omittingEmptySubsequences: true).dropLast().last == "250.00")
        #expect(lines.contains { $0.contains("peak RSS (MB)") && $0.contains("50.0") })
        #expect(lines.contains { $0.contains("warning: the baseline measured 1 documents, 0.001 MB") })
    }

    @Test func baselineThatIsNotAnExecutableIsAUsageError() throws {
        let bench = try GleanProcess.run(["bench", "--mb", "0.01", "--baseline", "/nonexistent/glean"])
        #expect(bench.status == 2)
        #expect(bench.stderr.contains("--baseline /nonexistent/glean: not an executable file"))
    }

    @Test func scalingTimesOneJobAndTwoOnTheSameDocuments() throws {
        let bench = try GleanProcess.run(["bench", "--mb", "0.05", "--rounds", "2", "--warmup", "0", "--kinds", "exercise",
                                          "--scaling", "--json"])
        #expect(bench.status == 0, "\(bench.stderr)")
        let scaling = try #require(try object(bench.stdout)["jobsScaling"] as? [String: Any])
        let single = try #require(scaling["jobs1"] as? [String: Any])
        let double = try #require(scaling["jobs2"] as? [String: Any])
        #expect(single["rounds"] as? Int == 2 && double["rounds"] as? Int == 2)
        let speedup = try #require(scaling["speedup"] as? Double)
        let expected = try #require(single["wallMillisecondsPerMB"] as? Double) / (try #require(double["wallMillisecondsPerMB"] as? Double))
        #expect(abs(speedup - expected) < 0.01 * expected + 0.001)
    }
}
