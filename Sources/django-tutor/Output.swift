import Foundation
import StudyKit

/// Writes straight to the file descriptors and leaves quietly when the reader has gone
/// (`django-tutor list | head`); any other failure to write standard output ends the program
/// with a message and status 1. Every text passes `TerminalSanitizer`, so nothing read from a
/// corpus, a query or a path can drive the terminal; our own styling survives only on a terminal
/// with colour on.
enum Output {
    /// Off with `--no-color` (set once, while the arguments are read); `NO_COLOR` and `TERM=dumb`
    /// are read from the environment as they are by `Terminal.usesColor`.
    nonisolated(unsafe) static var colorFlagged = true

    /// Called once at start: a closed pipe then shows up as `EPIPE` rather than a fatal signal.
    static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    static func line(_ text: String = "") {
        write(text + "\n", to: STDOUT_FILENO)
    }

    static func write(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    static func error(_ text: String, newline: Bool = true) {
        write(newline ? text + "\n" : text, to: STDERR_FILENO)
    }

    /// Ends a one-shot command whose output is all written (it went straight to the descriptors):
    /// releasing a large corpus's index and vectors, string by string, would only delay the exit
    /// by tens of milliseconds.
    static func endWithoutTeardown() -> Never {
        exit(EXIT_SUCCESS)
    }

    /// Replaces the current line of standard error (a progress figure), or clears it when `text` is nil.
    static func statusLine(_ text: String?) {
        let clearLine = "\r\u{1B}[K"
        writeBytes(clearLine + TerminalSanitizer.sanitize(text ?? "", keepingStyles: false), to: STDERR_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        let keepsStyles = isatty(descriptor) == 1 && Terminal.usesColor(disabled: !colorFlagged, descriptor: descriptor)
        writeBytes(TerminalSanitizer.sanitize(text, keepingStyles: keepsStyles), to: descriptor)
    }

    /// Output that cannot be written (`> /dev/full`, a full disk, an I/O error) is a failure, not
    /// a success with nothing to show: say so on standard error and exit non-zero.
    private static func failedWriting(_ code: Int32) -> Never {
        let reason = String(cString: strerror(code))
        writeBytes("Error: cannot write to standard output (\(reason)); the output is incomplete.\n", to: STDERR_FILENO)
        exit(EXIT_FAILURE)
    }

    private static func writeBytes(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(0) }
                if descriptor == STDOUT_FILENO { failedWriting(errno) }
                // Standard error itself failed: there is nowhere left to say so.
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
