import Foundation

/// The files of a new manifest-only plugin (`glean plugins new`): a manifest with one rule
/// over a lexicon, using the built-in `text` normalizer, one positive and one negative
/// example, the lexicon, and a README stub. As generated it loads and its examples pass.
public struct PluginScaffold: Sendable {
    public struct ScaffoldError: Error, CustomStringConvertible {
        public let description: String
    }

    public let name: String
    public let kind: String

    /// Names and kinds follow manifest ids: lowercase letters, digits, `_` or `-`, starting
    /// with a letter (they become file names and JSON values).
    public init(name: String, kind: String) throws(ScaffoldError) {
        for (label, value) in [("plugin name", name), ("kind", kind)] where !Self.isIdentifier(value) {
            throw ScaffoldError(description: "\(label) '\(value)' must start with a lowercase letter and use only lowercase letters, digits, '_' or '-'")
        }
        self.name = name
        self.kind = kind
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    /// File name → contents.
    public var files: [(name: String, contents: String)] {
        [("manifest.yaml", manifest), ("terms.tsv", lexicon), ("README.md", readme)]
    }

    /// Writes the folder `parent/name`; refuses to touch an existing file or folder.
    @discardableResult
    public func write(into parent: String) throws(ScaffoldError) -> String {
        let folder = parent == "." ? name : (parent as NSString).appendingPathComponent(name)
        let files = FileManager.default
        guard !files.fileExists(atPath: folder) else {
            throw ScaffoldError(description: "\(folder) already exists; nothing was written (pick another name or --dir)")
        }
        do {
            try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for file in self.files {
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(file.name)),
                                                  options: .withoutOverwriting)
            }
        } catch {
            throw ScaffoldError(description: "\(folder): cannot write the plugin: \(error.localizedDescription)")
        }
        return folder
    }

    var manifest: String {
        """
        # A manifest-only glean plugin: patterns, lexicons and examples, no Swift.
        # Format: docs/manifest-format.md in the glean repository.
        #   glean plugins check DIR              validate without running anything
        #   glean plugins test --plugins DIR \(name)   run the examples below
        #   glean run --plugins DIR PATH...      extract
        id: \(name)
        version: "0.1.0"
        kind: \(kind)
        description: \(kind) mentions (say what counts and what does not).
        normalizer: text          # the value is the `value` group's text, spaces collapsed
        priority: 5               # cross-kind tie-break; the built-in plugins use 10 to 40
        lexicons:
          terms: terms.tsv
        fragments:
          # Not inside a longer word.
          Edge: '(?![A-Za-z0-9])'
        rules:
          - id: term
            note: A surface form from terms.tsv (any case), as a whole word.
            flags: [caseless]
            pattern: '(?<![A-Za-z0-9])(?<value>{@terms}){Edge}'
            examples:
              - text: "The memo names ⟦sample term⟧ once."
                values: ["sample term"]
              - "A sample of terms is not a match."

        """
    }

    var lexicon: String {
        """
        # Surface forms of \(kind) mentions, one a line. A space matches any run of spaces, a
        # hyphen any hyphen or dash; `aliases` adds |-separated variants of the same row.
        surface\taliases
        sample term\tsample-term

        """
    }

    var readme: String {
        """
        # \(name)

        A manifest-only glean plugin that extracts `\(kind)` mentions.

        - What counts: (describe, with an example)
        - What does not: (describe the near misses the negative examples pin)
        - Value: the mention's text, spaces collapsed (normalizer `text`).

        ```sh
        glean plugins check \(name)
        glean plugins test --plugins \(name) \(name)
        glean run --plugins \(name) articles/
        ```

        """
    }
}
