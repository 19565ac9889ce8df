/// Script mode: reads standard input line by line, with no prompt and no editing.
struct PlainLineReader: LineReader {
    mutating func read(prompt: String) -> LineEvent {
        guard let line = readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }

    mutating func remember(_ line: String) {}
}
