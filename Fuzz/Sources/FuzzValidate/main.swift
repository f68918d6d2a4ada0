import CFuzzDriver
import Foundation
import FuzzSupport
import GleanerCore

// libFuzzer target: any bytes as a dataset folder (FuzzedDataset: the four files and a source
// text), mutated from real datasets, through `glean validate`'s DatasetValidator. Whatever the
// records hold (offsets out of range or reversed, numbers past Int, broken JSON, duplicate
// ids), it must report problems with file and line, never trap.

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzValidate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    var validator = FuzzedDataset(Array(UnsafeBufferPointer(start: data, count: size))).validator()
    for problem in validator.validate() + validator.notes where !problem.hasPrefix("fuzz/") {
        fatalError("a message without its file: \(problem)")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzValidate))
