import CFuzzDriver
import FuzzSupport
import FuzzCatalog
import Foundation
import GleanerCore

// libFuzzer target: any bytes as a document, through the engine with every built-in plugin.
// Traps (so libFuzzer keeps the input) when a result breaks an invariant: mentions sorted and
// non-overlapping, offsets in range and on code points, text equal to the slice, every record
// valid, and no built-in rule hitting a match limit on a small document.

let engine = Engine(plugins: try! Catalog.plugins())
nonisolated(unsafe) let scratch = engine.makeScratch()

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzEngine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let text = TextDecoder.decode(input).text
    // Odd lengths also exercise year inference from a reference date.
    let document = Document(id: "fuzz", source: "fuzz", text: text,
                            referenceDate: size % 2 == 1 ? CalendarDate(year: 2019, month: 6, day: 15) : nil)
    let result = engine.extract(document, scratch: scratch, keepCandidates: true)
    if let problem = MentionInvariants.violation(in: result, bytes: Array(text.utf8)) {
        fatalError("invariant broken: \(problem)")
    }
    if let failure = result.ruleFailures.first {
        fatalError("a built-in rule hit a limit: \(failure)")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzEngine))
