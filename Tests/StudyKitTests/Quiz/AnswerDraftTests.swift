import Testing

@testable import StudyKit

@Suite("AnswerDraft")
struct AnswerDraftTests {
    @Test func keepsLinesUntilOneCharacterPastTheLimit() {
        var draft = AnswerDraft()
        let limit = Grader.answerLimit.characters
        for _ in 0..<10_000 { draft.append(String(repeating: "x", count: 99)) }
        #expect(draft.text.count == limit + 1)
        #expect(draft.lines.count == limit / 100 + 1)
    }

    @Test func cutsAHugeSingleLine() {
        var draft = AnswerDraft()
        draft.append(String(repeating: "model ", count: 1_000_000))
        draft.append("never kept")
        #expect(draft.lines.count == 1)
        #expect(draft.text.count == Grader.answerLimit.characters + 1)
    }

    @Test func aShortAnswerIsKeptAsTyped() {
        var draft = AnswerDraft()
        draft.append("Q objects combine filters")
        draft.append("with OR and AND")
        #expect(draft.text == "Q objects combine filters\nwith OR and AND")
    }
}
