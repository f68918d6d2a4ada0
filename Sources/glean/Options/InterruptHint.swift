import Foundation

/// Ctrl-C during `glean run` keeps its default effect (the process ends by the signal, the
/// previous dataset intact, the dataset's hidden partial folder holding the batches finished so far) after one line
/// that says how to go on. The line is prepared beforehand: a signal handler may only write.
enum InterruptHint {
    nonisolated(unsafe) private static var message: UnsafeMutableBufferPointer<UInt8>?

    static func install(_ text: String) {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        message = buffer
        // A parent may have left SIGINT blocked (a test runner does); Ctrl-C must reach us.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        signal(SIGINT) { number in
            if let message = InterruptHint.message { _ = write(2, message.baseAddress, message.count) }
            signal(number, SIG_DFL)
            raise(number)
        }
    }

    /// The command line as typed, with `--resume` added, quoted for a POSIX shell.
    static func resumeCommand(_ arguments: [String] = CommandLine.arguments) -> String {
        let words = arguments.contains("--resume") ? arguments : arguments + ["--resume"]
        return words.map { word in
            let plain = !word.isEmpty && word.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || "-_./=:,@%+".unicodeScalars.contains($0)
            }
            return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
