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
        #expect(!draft.wasCut)
    }

    @Test func aLineDroppedAtExactlyTheLimitIsStillSaid() throws {
        var draft = AnswerDraft()
        draft.append(String(repeating: "x", count: Grader.answerLimit.characters))
        #expect(!draft.wasCut)
        draft.append("the rest")
        #expect(draft.text.count == Grader.answerLimit.characters, "the separator alone would not fit")
        #expect(draft.wasCut)
        var session = TutorSession(searcher: Searcher(corpus: try BundledCorpus.load()), progress: nil, seed: 1)
        let renderer = TextRenderer(width: 200, style: .plain)
        _ = session.handle("/quiz", renderer: renderer)
        _ = session.handle(String(repeating: "x", count: Grader.answerLimit.characters), renderer: renderer)
        _ = session.handle("the rest", renderer: renderer)
        #expect(session.handle("", renderer: renderer).text.contains("4,000 characters"))
    }
}
