import Foundation
import Testing

/// The conventions glean shares with rg, cargo and jq: explicit commands with a suggestion for
/// a typo, exit code 2 for every usage error, short flags, errors that name the valid values.
@Suite struct CommandLineConventionTests {
    @Test func aMisspelledCommandGetsTheClosestOneAndExit2() throws {
        let report = try GleanProcess.run(["reprot", "dataset", "--html", "x.html"])
        #expect(report.status == 2)
        #expect(report.stderr == "glean: error: 'reprot' is not a glean command; did you mean `glean report`?\n")
        let plugins = try GleanProcess.run(["plugin", "list"])
        #expect(plugins.status == 2)
        #expect(plugins.stderr == "glean: error: 'plugin' is not a glean command; did you mean `glean plugins`?\n")
        let list = try GleanProcess.run(["plugins", "lsit"])
        #expect(list.status == 2)
        #expect(list.stderr == "glean: error: 'lsit' is not a glean plugins command; did you mean `glean plugins list`?\n")
        #expect(report.stdout.isEmpty && plugins.stdout.isEmpty && list.stdout.isEmpty)
    }

    @Test func aWordLikeNoCommandListsTheCommands() throws {
        let result = try GleanProcess.run(["frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("glean: error: 'frobnicate' is not a glean command; the commands are run, stream, text, eval,"))
    }

    @Test func everyUsageErrorExitsWith2() throws {
        for arguments in [["run", "--no-such-option"], ["run", "--jobs", "many"], ["plugins", "new", "x"],
                          ["explain"], ["report"], ["run", "--prune", "Corpus/articles", "-o", "/nonexistent/x"]] {
            let result = try GleanProcess.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            #expect(!result.stderr.isEmpty, "\(arguments)")
        }
    }

    @Test func shortFlagsAreTheLongOnes() throws {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset").path
        let short = try GleanProcess.run(["run", "-q", "-j", "1", "-k", "date,money", "-o", out, "Corpus/articles"])
        #expect(short.status == 0, "\(short.stderr)")
        #expect(short.stdout.isEmpty && short.stderr.isEmpty)
        let kinds = Set(try String(contentsOfFile: out + "/mentions.jsonl", encoding: .utf8).split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["kind"] as? String
        })
        #expect(kinds == ["date", "money"])
        let plugins = try GleanProcess.run(["plugins", "list", "-p", PluginsCommandTests.percentage])
        #expect(plugins.status == 0)
        #expect(plugins.stdout.contains("percentage"))
    }

    @Test func anUnknownKindListsTheKindsThereAre() throws {
        let result = try GleanProcess.run(["run", "--kinds", "foo", "Corpus/articles"])
        #expect(result.status == 2)
        #expect(result.stderr == "glean: error: no plugin extracts kind 'foo' (the kinds are date, exercise, money, party, program)\n")
        let withPlugin = try GleanProcess.run(["explain", "-k", "percent", "-p", PluginsCommandTests.percentage, "x"])
        #expect(withPlugin.stderr.hasSuffix("(the kinds are date, exercise, money, party, percentage, program)\n"))
    }

    @Test func aMissingPluginFolderIsNamedAsSuch() throws {
        let missing = try GleanProcess.run(["run", "--plugins", "/nope", "Corpus/articles"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "glean: /nope: error: no such folder (--plugins names a plugin folder or a folder of plugin folders)\n")
        let file = try GleanProcess.run(["plugins", "list", "--plugins", "README.md"])
        #expect(file.status == 2)
        #expect(file.stderr.contains("README.md: error: not a folder"))
    }
}

/// `glean explain` reads its text from an argument, a file, or standard input (`--file -`).
@Suite struct ExplainInputTests {
    @Test func explainReadsStandardInputWithFileDash() throws {
        let text = "The navies held Malabar 2019 off Japan."
        let fromArgument = try GleanProcess.run(["explain", text])
        let fromStdin = try GleanProcess.run(["explain", "--file", "-"], stdin: text)
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(fromStdin.stdout == fromArgument.stdout)
        #expect(fromStdin.stdout.hasPrefix("mentions:\n  [16,28) exercise 'Malabar 2019'"))
    }

    @Test func explainWithoutTextIsAUsageError() throws {
        let result = try GleanProcess.run(["explain"])
        #expect(result.status == 2)
        #expect(result.stderr == "glean: error: give a TEXT or --file FILE ('-' for standard input)\n")
    }
}

/// Defaults that only make sense in a clone of the repository (Corpus/articles) give way to a
/// clear usage error, or to something that works, elsewhere.
@Suite struct DefaultsOutsideTheRepositoryTests {
    static func runElsewhere(_ arguments: [String]) throws -> GleanProcess.Output {
        let process = Process()
        process.executableURL = GleanProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = GleanProcess.temporaryDirectory()
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return GleanProcess.Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func runTextAndEvalWithoutAPathOutsideTheRepositoryAreUsageErrors() throws {
        let gold = GleanProcess.root.appendingPathComponent("Corpus/gold").path
        for arguments in [["run"], ["text"], ["eval", "--gold", gold]] {
            let result = try Self.runElsewhere(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == "glean: error: no input: give files or folders to read, or '-' for JSON Lines on standard input (Corpus/articles, the default inside the repository, is not here)\n")
        }
    }

    @Test func runWithoutAPathInTheRepositoryReadsCorpusArticles() throws {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset").path
        let result = try GleanProcess.run(["run", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("5 documents, "))
        let run = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as? [String: Any])
        #expect((run["options"] as? [String: Any])?["paths"] as? [String] == ["Corpus/articles"])
    }

    @Test func benchOutsideTheRepositoryReplicatesThePluginsExamples() throws {
        let result = try Self.runElsewhere(["bench", "--mb", "0.05", "--rounds", "1", "--warmup", "0", "--jobs", "1", "--no-prefilter"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "glean: no --source and no Corpus/articles here: replicating the plugins' example texts\n")
        #expect(result.stdout.hasPrefix("corpus: "))
    }
}
