import StudyKit

/// Script mode: reads standard input line by line, with no prompt and no editing. A line is kept
/// up to the longest text the session reads whole (an answer's `Grader.answerLimit`); the rest of
/// a longer one is skipped with a notice.
struct PlainLineReader: LineReader {
    private var input = StandardInput(limit: Grader.answerLimit)

    mutating func read(prompt: String) -> LineEvent {
        guard let line = input.next() else { return .endOfInput }
        return .line(line.text)
    }

    mutating func remember(_ line: String) {}
}
