/// Where the REPL's lines come from: readline on a terminal, plain standard input otherwise.
protocol LineReader {
    mutating func read(prompt: String) -> LineEvent
    /// Records a line worth recalling with the Up arrow (a no-op without a terminal).
    mutating func remember(_ line: String)
}

enum LineEvent: Equatable {
    case line(String)
    /// Ctrl-C: the half-typed line was thrown away.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// SIGTERM, SIGHUP or SIGQUIT arrived; the terminal is already restored.
    case terminated(signal: Int32)
}
