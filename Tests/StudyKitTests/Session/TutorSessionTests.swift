import Foundation
import Testing

@testable import StudyKit

@Suite("TutorSession")
struct TutorSessionTests {
    static let searcher = Searcher(corpus: try! BundledCorpus.load())
    let renderer = TextRenderer(width: 80, style: .plain)

    func session(seed: UInt64 = 1) -> TutorSession {
        TutorSession(searcher: Self.searcher, progress: nil, seed: seed, clock: { Date(timeIntervalSince1970: 0) })
    }

    func currentQuestion(_ session: TutorSession) -> Int? {
        if case .answering(let entry, _) = session.quiz { return entry.id }
        return nil
    }

    @Test func promptShowsTheMode() {
        var session = session()
        #expect(session.prompt == "ask› ")
        _ = session.handle("/explain", renderer: renderer)
        #expect(session.prompt == "explain› ")
        _ = session.handle("/quiz", renderer: renderer)
        #expect(session.prompt == "quiz› ")
        _ = session.handle("part of an answer", renderer: renderer)
        #expect(session.prompt == " ...› ")
        _ = session.handle("", renderer: renderer)
        #expect(session.prompt == "rate› ")
    }

    @Test func quizAsksEveryQuestionInScopeBeforeRepeating() {
        var session = session(seed: 42)
        _ = session.handle("/quiz Intermediate", renderer: renderer)
        var asked: [Int] = []
        for _ in 0..<10 {
            asked.append(currentQuestion(session)!)
            _ = session.handle("/skip", renderer: renderer)
        }
        #expect(Set(asked.prefix(5)) == Set(20...24))
        #expect(Set(asked.suffix(5)) == Set(20...24))
        #expect(asked[4] != asked[5])
    }

    @Test func aRatedAnswerCountsInTheTally() {
        var session = session()
        _ = session.handle("/quiz orm", renderer: renderer)
        let question = currentQuestion(session)!
        _ = session.handle("some answer about queries", renderer: renderer)
        let graded = session.handle("", renderer: renderer)
        #expect(graded.text.contains("Score "))
        #expect(graded.text.contains("Rate it [1] again [2] hard [3] good [4] easy"))
        let wrong = session.handle("maybe", renderer: renderer)
        #expect(wrong.text == "Type 1–4 or again, hard, good, easy (Enter takes the suggestion).")
        let next = session.handle("good", renderer: renderer)
        #expect(next.text.hasPrefix("Rated good. Session: 1 answered, average "))
        #expect(session.tally.answered == 1)
        #expect(currentQuestion(session) != question)
    }

    @Test func revealNeedsARatingButNoScore() {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        let revealed = session.handle("/reveal", renderer: renderer)
        #expect(revealed.text.hasPrefix("Reference:\n"))
        #expect(session.handle("", renderer: renderer).text == "Type 1–4 or again, hard, good, easy.")
        _ = session.handle("1", renderer: renderer)
        #expect(session.tally.answered == 1)
        #expect(session.tally.quiz.averageScore == nil)
    }

    @Test func ctrlCClearsAHalfTypedAnswer() {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        #expect(session.cancelPendingInput() == nil)
        _ = session.handle("first line", renderer: renderer)
        #expect(session.cancelPendingInput() != nil)
        #expect(session.prompt == "quiz› ")
        #expect(session.handle("", renderer: renderer).text.hasPrefix("Type your answer"))
    }

    @Test func nextAndPrevWalkFromTheLastShownEntry() {
        var session = session()
        _ = session.handle("/show 34", renderer: renderer)
        #expect(session.handle("/next", renderer: renderer).text.hasPrefix("#35  "))
        #expect(session.handle("/next", renderer: renderer).text == "#35 is the last entry. /show 1 goes to the other end.")
        #expect(session.handle("/prev", renderer: renderer).text.hasPrefix("#34  "))
        _ = session.handle("what is a mixin", renderer: renderer)
        #expect(session.handle("/next", renderer: renderer).text.hasPrefix("#33  "))
    }

    @Test func unknownScopesAndEntriesSayWhatExists() {
        var session = session()
        let unwrapped = session.handle("/quiz cooking", renderer: renderer).text.replacingOccurrences(of: "\n", with: " ")
        #expect(unwrapped.hasPrefix("No topic or section \"cooking\". Try due, weak, a section (Beginner, Intermediate, Advanced) or a topic: architecture, "))
        #expect(session.handle("/show 99", renderer: renderer).text == "No entry #99. Entries are numbered 1–35.")
        #expect(session.handle("/section Expert", renderer: renderer).text == "No section \"Expert\". Sections: Beginner, Intermediate, Advanced.")
    }

    @Test func explainShowsKeyTermsAndRelatedEntries() {
        var session = session()
        let text = session.handle("/explain 35", renderer: renderer).text
        #expect(text.hasPrefix("#35  What are select_related and prefetch_related?"))
        #expect(text.contains("     Key terms\n       "))
        #expect(text.contains("     Related\n       #"))
        #expect(text.contains("select_related"))
        #expect(session.mode == .explain)
    }

    @Test func quitEndsTheSession() {
        var session = session()
        #expect(session.handle("/quit", renderer: renderer).quit)
        #expect(session.handle("exit", renderer: renderer).quit)
    }

    @Test func aHugeAnswerIsGradedAndStoredOnlyUpToTheLimitAndSaysSo() throws {
        let store = ProgressStore.inMemory()
        var session = TutorSession(searcher: Self.searcher, progress: store, seed: 1, clock: { Date(timeIntervalSince1970: 0) })
        _ = session.handle("/quiz", renderer: renderer)
        for _ in 0..<20_000 { _ = session.handle("models map classes to database tables and fields to columns", renderer: renderer) }
        let graded = session.handle("", renderer: renderer)
        #expect(graded.text.contains("(only the first 4,000 characters of the answer were graded)"))
        _ = session.handle("3", renderer: renderer)
        let stored = try store.reviews()
        #expect(stored.count == 1)
        #expect(stored.first?.answer.count == Grader.answerLimit.characters)
    }
}

@Suite("TutorSession /why")
struct TutorSessionWhyTests {
    @Test func whyExplainsTheLastQuestion() {
        let searcher = Searcher(corpus: try! BundledCorpus.load(), glossary: try! BundledGlossary.load())
        var session = TutorSession(searcher: searcher, progress: nil, seed: 1)
        let renderer = TextRenderer(width: 100, style: .plain)
        #expect(session.handle("/why", renderer: renderer).text == "Ask a question first; /why then shows how it was answered.")
        _ = session.handle("midleware ordr", renderer: renderer)
        let why = session.handle("/why", renderer: renderer).text
        #expect(why.hasPrefix("Why these results for “midleware ordr”\n  spelling: midleware → middleware"))
        #expect(why.contains("= #27 How does middleware work in Django? — BM25, sum of:"))
        #expect(why.contains("= weight(middlewar), product of:"))
        #expect(session.handle("/why 35", renderer: renderer).text.contains("= #35 What are select_related"))
        #expect(session.handle("/why x", renderer: renderer).text.hasPrefix("/why takes an entry number"))
    }

    @Test func whyNamesTheTechnologyTheCorpusDoesNotTeach() {
        let searcher = Searcher(corpus: try! BundledCorpus.load())
        var session = TutorSession(searcher: searcher, progress: nil, seed: 1)
        let renderer = TextRenderer(width: 200, style: .plain)
        _ = session.handle("how does middleware work in express.js", renderer: renderer)
        let why = session.handle("/why", renderer: renderer).text
        #expect(why.contains("\n  technologies this corpus never mentions: express.js\n"))
        #expect(why.contains("not confident: "))
        #expect(why.contains("(needs 80% when it names a technology not taught here)"))
    }
}
