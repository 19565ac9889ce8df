/// The lines of an answer being typed, kept only until they pass `Grader.answerLimit`: the rest
/// would be neither graded nor stored, and a pasted megabyte should cost nothing to collect.
struct AnswerDraft: Sendable, Equatable {
    private(set) var lines: [String] = []
    /// Characters kept, newlines included: at most one past the limit, so that the grader still
    /// sees (and says) that the answer was cut.
    private var characters = 0

    init() {}

    /// Text was left out: at exactly the limit the kept text alone would not show it.
    private(set) var wasCut = false

    var isEmpty: Bool { lines.isEmpty }
    var text: String { lines.joined(separator: "\n") }

    mutating func append(_ line: String) {
        let room = Grader.answerLimit.characters + 1 - characters - (lines.isEmpty ? 0 : 1)
        guard room > 0 else {
            wasCut = true
            return
        }
        let kept = String(line.prefix(room))
        if kept.count < line.count { wasCut = true }
        characters += (lines.isEmpty ? 0 : 1) + kept.count
        lines.append(kept)
    }
}
