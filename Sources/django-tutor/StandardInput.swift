import Foundation
import StudyKit

/// Standard input read line by line without a terminal (`ask`, `grade` and the REPL with piped
/// input), each line kept up to a limit: a line with no end (`< /dev/zero`) never fills memory.
/// An over-long line is announced once on standard error, and the rest of it skipped.
struct StandardInput {
    private var reader: BoundedLineReader

    init(limit: CharacterLimit) {
        reader = BoundedLineReader(descriptor: STDIN_FILENO, limit: limit)
    }

    /// The next line (without its newline), or nil at the end of the input.
    mutating func next() -> BoundedLineReader.Line? {
        guard let line = reader.next() else {
            if let failure = reader.failure { Output.error("warning: cannot read standard input (\(failure)); stopped reading there.") }
            return nil
        }
        if line.wasCut {
            let limit = reader.limit.description
            Output.error(
                "note: line \(line.number) of standard input is longer than \(limit): only its first \(limit) are read; the rest of the line is skipped.")
        }
        return line
    }

    /// Up to `count` lines, at least one unless the input has ended: the first waits for input,
    /// the rest only come if they are there already (`BoundedLineReader.hasLineReady`).
    mutating func next(upTo count: Int) -> [BoundedLineReader.Line] {
        var lines: [BoundedLineReader.Line] = []
        while lines.count < count, lines.isEmpty || reader.hasLineReady, let line = next() { lines.append(line) }
        return lines
    }

    /// `grade`'s answer: all of standard input, lines joined by `\n`, read only until it passes
    /// `Grader.answerLimit` (the grader reads no further, and says so); the rest is left unread.
    static func answer() -> String {
        let limit = Grader.answerLimit
        var reader = BoundedLineReader(descriptor: STDIN_FILENO, limit: limit)
        var lines: [String] = []
        var characters = 0
        while let line = reader.next() {
            characters += (lines.isEmpty ? 0 : 1) + line.text.count
            lines.append(line.text)
            if line.wasCut || characters > limit.characters {
                let limit = limit.description
                Output.error("note: the answer on standard input is longer than \(limit): only its first \(limit) are graded; the rest is not read.")
                break
            }
        }
        if let failure = reader.failure {
            Output.error("warning: cannot read standard input (\(failure)); graded what was read before.")
        }
        return lines.joined(separator: "\n")
    }
}
