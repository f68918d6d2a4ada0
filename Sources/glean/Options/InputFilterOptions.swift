import ArgumentParser
import GleanerCore

/// `--include` / `--exclude`: the files inside folders that a command reads (`run`, `text`), so
/// that both commands select the same documents.
struct InputFilterOptions: ParsableArguments {
    @Option(help: "Only read files (inside folders) whose relative path matches this glob (repeatable; `**` crosses folders, a pattern without `/` matches the file name).")
    var include: [String] = []

    @Option(help: "Skip files (inside folders) whose relative path matches this glob (repeatable).")
    var exclude: [String] = []

    var filter: PathFilter { PathFilter(include: include, exclude: exclude) }
}
