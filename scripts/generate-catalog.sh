#!/usr/bin/env bash
# Writes Sources/GleanerCatalog/Catalog+Generated.swift, the registry of compiled-in
# extractors, from Package.swift's `extractors` list: the one line a compiled plugin adds
# outside its folder. Each name N is the folder Plugins/N, the module NExtractor and its entry
# type `public enum N` (with `bundle` and `normalizers`). `--stdout` prints the file instead;
# Tests/ExtractorExampleTests/CatalogTests compares that with the committed file.
set -euo pipefail
cd "$(dirname "$0")/.."
line=$(grep -E '^let extractors = \[' Package.swift) || { echo "generate-catalog: no 'let extractors = [...]' line in Package.swift" >&2; exit 2; }
read -r -a names <<< "$(sed -E 's/^let extractors = \[(.*)\].*$/\1/; s/[",]/ /g' <<< "$line")"
generate() {
    echo "// GENERATED FILE. DO NOT EDIT! scripts/generate-catalog.sh writes it from Package.swift's \`extractors\`."
    for name in $(printf '%s\n' "${names[@]}" GleanerCore | LC_ALL=C sort); do
        if [ "$name" = GleanerCore ]; then echo "import GleanerCore"; else echo "import ${name}Extractor"; fi
    done
    echo
    echo "extension Catalog {"
    echo "    /// Each compiled-in extractor, in the order of \`extractors\` in Package.swift."
    echo "    static let generated: [(name: String, bundle: PluginBundle, normalizers: [NormalizerFactory])] = ["
    for name in "${names[@]}"; do echo "        (\"$name\", $name.bundle, $name.normalizers),"; done
    echo "    ]"
    echo "}"
}
if [ "${1:-}" = --stdout ]; then generate; else generate > Sources/GleanerCatalog/Catalog+Generated.swift; fi
