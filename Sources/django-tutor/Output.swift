import Foundation

/// Writes straight to the file descriptors and leaves quietly when the reader has gone
/// (`django-tutor list | head`).
enum Output {
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

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(0) }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
