import ArgumentParser
import Foundation
import GleanerCatalog
import GleanerCore

extension Glean.Plugins {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate plugin folders without running anything (manifests parse, patterns compile, groups and ids are right) and warn about patterns that may backtrack catastrophically.",
            discussion: "Warnings do not change the exit code; an invalid plugin exits with 2.")
        @Argument(help: "Plugin folders (default: the built-in plugins).") var directories: [String] = []

        @Flag(help: "Also print how each rule is prefiltered: what Vectorscan scans for (exactly or approximated) and how far back a match can start.")
        var prefilter = false

        @Flag(help: "Print one JSON object {\"plugins\", \"rules\", \"warnings\": [{\"location\", \"plugin\", \"rule\", \"risk\", \"excerpt\"}]} instead of lines (errors stay on standard error, exit 2).")
        var json = false

        func run() throws {
            let plugins: [Plugin]
            do { plugins = try Catalog.plugins(directories: directories) } catch { fail(with: .plugin(error)) }
            let checked = directories.isEmpty ? plugins : plugins.filter { $0.source != "built-in" }
            let checker = PatternRiskChecker()
            var warnings = 0
            var warningRecords: [JSONValue] = []
            for plugin in checked {
                for rule in plugin.rules {
                    let options = rule.manifest.options
                    var seen = Set<String>()
                    for pattern in rule.expandedPatterns {
                        for risk in checker.risks(in: pattern, caseless: options.contains(.caseless), extended: options.contains(.extended))
                        where seen.insert("\(risk.kind) \(risk.excerpt)").inserted {
                            warnings += 1
                            warningRecords.append(.object([
                                ("location", .string(plugin.location(line: rule.manifest.line))), ("plugin", .string(plugin.id)),
                                ("rule", .string(rule.manifest.id)), ("risk", .string(risk.kind.rawValue)), ("excerpt", .string(risk.excerpt)),
                            ]))
                            if !json {
                                print("warning: \(plugin.location(line: rule.manifest.line)): rule '\(rule.manifest.id)': \(risk.kind.rawValue): `\(risk.excerpt)`")
                            }
                        }
                    }
                }
            }
            let rules = checked.reduce(0) { $0 + $1.rules.count }
            if json {
                print(JSONWriter.string(.object([("plugins", .int(checked.count)), ("rules", .int(rules)),
                                                 ("warnings", .array(warningRecords))])))
                return
            }
            if prefilter { printPrefilterPlans(plugins: plugins, checked: Set(checked.map(\.id))) }
            let what = directories.isEmpty ? "built-in plugins" : directories.joined(separator: ", ")
            print("ok: \(what): \(checked.count) plugin\(checked.count == 1 ? "" : "s"), \(rules) rule\(rules == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
    }
}

extension Glean.Plugins.Check {
    private func printPrefilterPlans(plugins: [Plugin], checked: Set<String>) {
        guard VectorscanDatabase.isAvailable else {
            print("prefilter: glean was built without Vectorscan; PCRE2 scans every rule alone")
            return
        }
        for plan in CandidatePrefilter.plans(for: plugins) where checked.contains(plan.plugin) {
            let window = plan.maxCost.map { "window \($0) bytes" } ?? "window to the last barrier byte"
            let name = "\(plan.plugin).\(plan.rule)" + (plan.parts > 1 ? " (part \(plan.part + 1) of \(plan.parts))" : "")
            if let rejection = plan.rejection {
                print("prefilter: \(name): PCRE2 alone (\(rejection))")
                continue
            }
            print("prefilter: \(name): \(window)")
            for scan in plan.scans {
                let shown = scan.text.count > 160 ? String(scan.text.prefix(157)) + "..." : scan.text
                print("  \(scan.exact ? "exact " : "approx") \(shown)")
            }
        }
    }
}
