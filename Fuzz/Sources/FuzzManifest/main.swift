import CFuzzDriver
import FuzzSupport
import FuzzCatalog
import Foundation
import GleanerCore

// libFuzzer target: any bytes as manifest.yaml (beside a small lexicon), through the plugin
// loader with every normalizer. Loading must succeed or throw a PluginError (typed throws: any
// other failure is a trap). A plugin that loads is also run over a short text, with low match
// limits so that hostile patterns cost little, and its results must keep the invariants.

let loader = Catalog.loader
let lexicon = Array("Malabar\tMalabar\nRed Flag\tRed Flag\nGaganyaan\n# comment\n\n".utf8)
let sample = "On 30 November 2019, ₹90 crore (US$12.6 million) went to Malabar 2019 — the Pradhan Mantri Awas Yojana (PMAY). aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzManifest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bundle = PluginBundle(origin: "fuzz", files: [
        "manifest.yaml": Array(UnsafeBufferPointer(start: data, count: size)),
        "terms.tsv": lexicon,
    ])
    let plugin: Plugin
    do {
        plugin = try loader.load(bundle)
    } catch {
        // A PluginError must say what is wrong.
        if error.message.isEmpty { fatalError("empty PluginError message for \(error.file)") }
        return 0
    }
    let engine = Engine(plugins: [plugin])
    let result = engine.extract(Document(id: "fuzz", source: "fuzz", text: sample),
                                scratch: engine.makeScratch(limits: .init(matchLimit: 100_000, jitStackBytes: 64 << 10)))
    // A user plugin's bad record fails its document (validationError) rather than crashing.
    if result.validationError == nil, let problem = MentionInvariants.violation(in: result, bytes: Array(sample.utf8)) {
        fatalError("invariant broken: \(problem)")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzManifest))
