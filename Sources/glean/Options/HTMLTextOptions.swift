import ArgumentParser
import GleanerCore

extension HTMLTextMode: ExpressibleByArgument {}

/// `--html-text article|page`: what an HTML file's document text is, for every command that
/// reads files (`run`, `text`, `eval`, `bench`, `explain --file`).
struct HTMLTextOptions: ParsableArguments {
    @Option(name: .customLong("html-text"),
            help: "HTML pages: 'article' (the default) reads the article's title and body without navigation, boilerplate and comments; 'page' reads the whole visible text.")
    var mode: HTMLTextMode = .article
}
