import CReadline
import Foundation

/// GNU readline on a terminal: line editing, `~/.inputrc`, history in a file, Tab completion,
/// and Ctrl-C that clears the line instead of ending the program.
///
/// Uses readline's callback interface so that the wait for a key can be interrupted by Ctrl-C,
/// SIGTERM, SIGHUP or SIGQUIT, and the clean-up runs in the main loop rather than in a signal handler.
struct ReadlineEditor: LineReader {
    private let history: HistoryFile?
    private var lastRemembered: String?

    /// - Parameters:
    ///   - complete: candidates for (line up to the cursor, word being completed).
    ///   - breaksOnlyAtWhitespace: whether, given the line up to the cursor, only whitespace ends
    ///     the word to complete (rather than readline's default breaks, among them `<` and `>`).
    init(
        history: HistoryFile?, complete: @escaping @Sendable (String, String) -> [String],
        breaksOnlyAtWhitespace: @escaping @Sendable (String) -> Bool
    ) {
        self.history = history
        ReadlineCallbacks.complete = complete
        ReadlineCallbacks.breaksOnlyAtWhitespace = breaksOnlyAtWhitespace
        creadline_set_application_name()
        creadline_set_catch_signals(0)
        creadline_set_completion(ReadlineCallbacks.attemptCompletion)
        creadline_set_word_break_hook(ReadlineCallbacks.wordBreaks)
        creadline_install_interrupt_handler()
        creadline_install_termination_handlers()
        using_history()
        stifle_history(Int32(HistoryFile.limit))
        history?.load()
        lastRemembered = creadline_last_history_line().map { String(cString: $0) }
    }

    mutating func read(prompt: String) -> LineEvent {
        ReadlineCallbacks.received = nil
        rl_callback_handler_install(prompt, ReadlineCallbacks.lineHandler)
        while ReadlineCallbacks.received == nil {
            let status = creadline_wait_for_input()
            let termination = creadline_termination()
            if termination != 0 {
                // Removing the handler is what puts the terminal back as readline found it.
                rl_callback_sigcleanup()
                rl_callback_handler_remove()
                Output.write("\n")
                return .terminated(signal: termination)
            }
            if creadline_take_interrupt() != 0 {
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_cleanup_after_signal()
                rl_callback_handler_remove()
                Output.write("\n")
                return .interrupted
            }
            if status < 0 {
                rl_callback_handler_remove()
                return .endOfInput
            }
            if status > 0 { rl_callback_read_char() }
        }
        return ReadlineCallbacks.received ?? .endOfInput
    }

    mutating func remember(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), line != lastRemembered else { return }
        add_history(line)
        lastRemembered = line
        history?.append(line)
    }
}

/// The C callbacks readline calls. They cannot capture context, so what they need lives here;
/// the REPL is single-threaded and only touches these from its own loop.
enum ReadlineCallbacks {
    nonisolated(unsafe) static var received: LineEvent?
    nonisolated(unsafe) static var complete: (@Sendable (String, String) -> [String])?
    nonisolated(unsafe) static var breaksOnlyAtWhitespace: (@Sendable (String) -> Bool)?

    static let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { line in
        // Removing the handler stops readline from printing the next prompt before our reply.
        rl_callback_handler_remove()
        guard let line else {
            Output.write("\n")
            received = .endOfInput
            return
        }
        received = .line(String(cString: line))
        free(line)
    }

    static let attemptCompletion:
        @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
            -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, _ in
                creadline_set_completion_over(1)
                let word = text.map { String(cString: $0) } ?? ""
                let buffer = Array(String(cString: creadline_line_buffer()).utf8.prefix(Int(creadline_point())))
                let line = String(decoding: buffer, as: UTF8.self)
                let matches = complete?(line, word) ?? []
                guard !matches.isEmpty else { return nil }
                return matchArray(matches)
            }

    /// A topic or section name is completed as the terminal shows it (`<U+202E>name`), and `<`
    /// and `>` are among readline's word breaks: after a command that takes a name, only
    /// whitespace ends the word, so the whole shown name is completed.
    static let wordBreaks: @convention(c) () -> UnsafeMutablePointer<CChar>? = {
        let buffer = Array(String(cString: creadline_line_buffer()).utf8.prefix(Int(creadline_point())))
        let line = String(decoding: buffer, as: UTF8.self)
        return breaksOnlyAtWhitespace?(line) == true ? whitespace : nil
    }

    /// readline reads the word breaks the hook returns and never frees them.
    private nonisolated(unsafe) static let whitespace = strdup(" \t\n")

    /// readline's format: the common prefix to insert, then every match, then NULL; it frees all.
    private static func matchArray(_ matches: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
        var common = matches[0]
        for match in matches.dropFirst() {
            while !match.lowercased().hasPrefix(common.lowercased()) { common.removeLast() }
        }
        let entries = matches.count == 1 ? [matches[0]] : [common] + matches
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: entries.count + 1)
        for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
        array[entries.count] = nil
        return array
    }
}
