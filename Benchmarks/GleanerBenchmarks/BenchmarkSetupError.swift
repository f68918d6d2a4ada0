/// A benchmark's fixture could not be built.
struct BenchmarkSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Builds a benchmark's fixture or ends the process with the error. package-benchmark reports
/// a failed setup only to its driver, and a standalone run (the CI smoke run) would otherwise
/// stop there with status 0, having measured nothing.
func makeFixture<Fixture>(_ build: () throws -> Fixture) -> Fixture {
    do { return try build() } catch { fatalError("GleanerBenchmarks: setup failed: \(error)") }
}
