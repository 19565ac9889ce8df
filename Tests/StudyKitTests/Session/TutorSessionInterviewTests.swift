import Foundation
import Testing

@testable import StudyKit

/// `/interview`: a mock interview as the corpus's advice describes one.
@Suite("TutorSession mock interview")
struct TutorSessionInterviewTests {
    static let searcher = Searcher(corpus: try! BundledCorpus.load())
    let renderer = TextRenderer(width: 160, style: .plain)
    let store = ProgressStore.inMemory()

    func session() -> TutorSession {
        TutorSession(searcher: Self.searcher, progress: store, seed: 11)
    }

    func question(_ session: TutorSession) -> Entry? {
        if case .answering(let entry, _) = session.quiz { return entry }
        return nil
    }

    func typedLines(_ session: TutorSession) -> [String]? {
        if case .answering(_, let draft) = session.quiz { return draft.lines }
        return nil
    }

    /// A full answer, long enough that the interviewer does not ask for more.
    func answer(_ session: inout TutorSession, _ text: String = "It is the part of the project that I would explain with an example from my own work") -> String
    {
        _ = session.handle(text, renderer: renderer)
        return session.handle("", renderer: renderer).text
    }

    @Test func asksTheQuestionsInOrderOfDifficultyWithAnInterviewPrompt() {
        var session = session()
        let start = session.handle("/interview", renderer: renderer).text
        #expect(start.hasPrefix("Mock interview: 6 questions, from Beginner to Intermediate to Advanced."))
        #expect(start.contains("Question 1 of 6 · Beginner\n#\(question(session)!.id)  "))
        #expect(session.mode == .interview)
        #expect(session.prompt == "interview› ")
        var sections: [String] = []
        for _ in 0..<6 {
            sections.append(question(session)!.section)
            _ = answer(&session)
        }
        #expect(sections == ["Beginner", "Beginner", "Intermediate", "Intermediate", "Advanced", "Advanced"])
    }

    @Test func aFewWordsAreAskedForMoreOnceAndTheAnswerIsKept() {
        var session = session()
        _ = session.handle("/interview 2", renderer: renderer)
        let first = question(session)!
        _ = session.handle("yes", renderer: renderer)
        #expect(session.handle("", renderer: renderer).text.hasPrefix("Could you say a little more?"))
        #expect(question(session) == first)
        #expect(typedLines(session) == ["yes"])
        #expect(session.prompt == " ...› ")
        _ = session.handle("it holds the settings", renderer: renderer)
        #expect(typedLines(session) == ["yes", "it holds the settings"])
        // Still short, but the interviewer asked once already: the answer is taken as it is.
        let next = session.handle("", renderer: renderer).text
        #expect(next.hasPrefix("Thank you.\nQuestion 2 of 2"))
        #expect(question(session) != first)
    }

    @Test func noScoreIsShownUntilTheDebriefAndNothingIsScheduled() throws {
        var session = session()
        _ = session.handle("/interview 2", renderer: renderer)
        let first = question(session)!
        let between = answer(&session, first.answer)
        #expect(!between.contains("Score"))
        #expect(!between.contains("Reference"))
        let last = question(session)!
        let debrief = answer(&session)
        #expect(debrief.contains("Interview over: 2 of 2 questions · average "))
        #expect(debrief.contains("#\(first.id)") && debrief.contains("#\(last.id)"))
        #expect(session.mode == .ask)
        #expect(session.interview == nil)
        #expect(try store.reviewCount(corpus: session.corpus.identity) == 0)
        #expect(session.tally.answered == 0)
    }

    @Test func referenceAnswersScoreHighInTheDebrief() throws {
        var session = session()
        _ = session.handle("/interview 6", renderer: renderer)
        var debrief = ""
        while let entry = question(session) { debrief = answer(&session, entry.answer) }
        // A line per question: its score, or "open" for a question with no single right answer.
        let results = debrief.split(separator: "\n").filter { $0.contains("  #") }.map { $0.split(separator: " ").first! }
        #expect(results.count == 6)
        let scores = results.compactMap { Int($0) }
        #expect(scores.count >= 4)
        #expect(scores.allSatisfy { $0 >= Grade.ratingBands.easy }, "\(debrief)")
        #expect(!debrief.contains("Study next"))
    }

    @Test func skipPassesAndTheDebriefSaysSo() {
        var session = session()
        _ = session.handle("/interview 2", renderer: renderer)
        let first = question(session)!
        #expect(session.handle("/skip", renderer: renderer).text.hasPrefix("Passed.\nQuestion 2 of 2"))
        let debrief = answer(&session)
        #expect(debrief.contains("Interview over: 2 of 2 questions, 1 passed"))
        #expect(debrief.contains("  passed  #\(first.id) "))
        #expect(debrief.contains("say what you do know and how you would find out"))
        #expect(debrief.contains("Study next: #\(first.id)"))
    }

    @Test func revealAndUndoAreRefusedAndTheQuestionStays() {
        var session = session()
        _ = session.handle("/interview 2", renderer: renderer)
        let first = question(session)!
        #expect(session.handle("/reveal", renderer: renderer).text.hasPrefix("An interviewer does not show the answer"))
        #expect(session.handle("/undo", renderer: renderer).text.hasPrefix("An interview changes nothing"))
        #expect(question(session) == first)
        #expect(session.mode == .interview)
    }

    @Test func browsingKeepsTheQuestionAndRemindsOfIt() {
        var session = session()
        _ = session.handle("/interview 2", renderer: renderer)
        let first = question(session)!
        _ = session.handle("my answer so far", renderer: renderer)
        let shown = session.handle("/show 3", renderer: renderer).text
        #expect(shown.contains("Still waiting for your answer:\nQuestion 1 of 2 · Beginner\n#\(first.id)"))
        #expect(shown.contains("Your answer so far"))
        #expect(typedLines(session) == ["my answer so far"])
    }

    @Test func leavingForAnotherModeEndsItWithTheDebriefButNeverDropsATypedAnswer() {
        var session = session()
        _ = session.handle("/interview 3", renderer: renderer)
        _ = answer(&session)
        let second = question(session)!
        _ = session.handle("half an answer", renderer: renderer)
        let refused = session.handle("/ask what is a mixin", renderer: renderer).text
        #expect(refused == "Your answer to #\(second.id) is not finished: end it with an empty line (Ctrl-C clears it), then the command again.")
        #expect(typedLines(session) == ["half an answer"])
        #expect(session.mode == .interview)
        _ = session.cancelPendingInput()
        let ended = session.handle("/ask what is a mixin", renderer: renderer).text
        #expect(ended.hasPrefix("Interview over: 1 of 3 questions"))
        #expect(ended.contains("#32  What is a mixin?"))
        #expect(session.mode == .ask)
        #expect(!session.hasOpenQuestion)
    }

    @Test func aQuizQuestionOpenBeforeTheInterviewComesBackAfterIt() {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        let quizQuestion = question(session)!
        _ = session.handle("/interview 1", renderer: renderer)
        #expect(session.mode == .interview)
        #expect(answer(&session).hasSuffix("Your quiz question #\(quizQuestion.id) is waiting: /quiz returns to it."))
        let back = session.handle("/quiz", renderer: renderer).text
        #expect(back.contains("Back to #\(quizQuestion.id)"))
        #expect(question(session) == quizQuestion)
    }

    @Test func aTypedQuizAnswerMustBeFinishedFirst() {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        _ = session.handle("part of my answer", renderer: renderer)
        #expect(session.handle("/interview", renderer: renderer).text.hasPrefix("Your answer to #"))
        #expect(session.mode == .quiz)
        #expect(typedLines(session) == ["part of my answer"])
    }

    @Test func aBadLengthIsExplained() {
        var session = session()
        for argument in ["0", "16", "six"] {
            #expect(session.handle("/interview \(argument)", renderer: renderer).text.hasPrefix("/interview takes a number of questions from 1 to 15"))
        }
        #expect(session.mode == .ask)
    }

    @Test func leavingMidInterviewAsksFirstAboutATypedAnswerThenGivesTheDebrief() {
        var session = session()
        _ = session.handle("/interview 3", renderer: renderer)
        let first = question(session)!
        _ = answer(&session)
        let second = question(session)!
        _ = session.handle("typed", renderer: renderer)
        let asked = session.handle("/quit", renderer: renderer)
        #expect(!asked.quit)
        #expect(asked.text == "Your answer to #\(second.id) is not finished: end it with an empty line to keep it, or /quit again to leave without it.")
        let left = session.handle("/quit", renderer: renderer)
        #expect(left.quit)
        #expect(left.text.hasPrefix("Interview over: 1 of 3 questions"))
        #expect(left.text.contains("#\(first.id)  "))
    }

    @Test func theEndOfPipedInputSaysWhatWasLeftAndGivesTheDebrief() {
        var session = session()
        _ = session.handle("/interview 3", renderer: renderer)
        _ = answer(&session)
        let second = question(session)!
        _ = session.handle("typed", renderer: renderer)
        let ended = session.endOfInput(canAsk: false, renderer: renderer)
        #expect(ended.quit)
        #expect(ended.text.hasPrefix("Left before finishing the answer to #\(second.id).\nInterview over: 1 of 3 questions"))
    }

    @Test func aTypoInTheNextCommandDoesNotCostTheInterview() {
        var session = session()
        _ = session.handle("/interview 3", renderer: renderer)
        _ = answer(&session)
        let open = question(session)!
        #expect(session.handle("/quiz nonsense", renderer: renderer).text.hasPrefix("No topic or section \"nonsense\""))
        #expect(session.handle("/cram due", renderer: renderer).text.hasPrefix("/cram drills a topic or section without the schedule"))
        let missing = session.handle("/explain 9999", renderer: renderer).text
        #expect(missing.hasPrefix("No entry #9999."))
        #expect(missing.contains("Still waiting for your answer:\nQuestion 2 of 3"))
        #expect(session.mode == .interview)
        #expect(question(session) == open)
        #expect(session.interview?.answers.count == 1)
    }

    @Test func skipAfterTypingSubmitsTheAnswerRatherThanDroppingIt() {
        var session = session()
        _ = session.handle("/interview 2", renderer: renderer)
        let first = question(session)!
        _ = session.handle("yes", renderer: renderer)
        #expect(session.handle("", renderer: renderer).text.hasPrefix("Could you say a little more?"))
        #expect(session.handle("/skip", renderer: renderer).text.hasPrefix("Thank you.\nQuestion 2 of 2"))
        let answered = session.interview!.answers[0]
        #expect(answered.entry == first)
        #expect(!answered.passed)
        #expect(answered.isShort)
    }

    @Test func ctrlCClearsTheAnswerAndTheInterviewerMayAskForMoreAgain() {
        var session = session()
        _ = session.handle("/interview 2", renderer: renderer)
        _ = session.handle("yes", renderer: renderer)
        _ = session.handle("", renderer: renderer)
        #expect(session.cancelPendingInput() == "(answer cleared — type it again, or /skip)")
        #expect(typedLines(session) == [])
        _ = session.handle("no", renderer: renderer)
        #expect(session.handle("", renderer: renderer).text.hasPrefix("Could you say a little more?"))
    }

    @Test func anAnswerFromTheEditorIsSubmittedLikeATypedOne() {
        var session = session()
        _ = session.handle("/interview 2", renderer: renderer)
        #expect(session.handle("/edit", renderer: renderer).editDraft == "")
        _ = session.replaceAnswer(with: "A long answer written in the editor, with more than a few words in it.\n", renderer: renderer)
        #expect(session.handle("", renderer: renderer).text.hasPrefix("Thank you.\nQuestion 2 of 2"))
        #expect(session.interview?.answers.first?.words == 15)
    }

    @Test func aSecondInterviewAsksNewQuestions() {
        var session = session()
        var asked: [Int] = []
        for _ in 0..<2 {
            _ = session.handle("/interview 6", renderer: renderer)
            while let entry = question(session) {
                asked.append(entry.id)
                _ = session.handle("/skip", renderer: renderer)
            }
        }
        #expect(asked.count == 12)
        #expect(Set(asked).count == 12)
    }

    @Test func interviewAgainSaysOneIsUnderWay() {
        var session = session()
        _ = session.handle("/interview 2", renderer: renderer)
        let first = question(session)!
        let again = session.handle("/interview 5", renderer: renderer).text
        #expect(again.hasPrefix("An interview is under way"))
        #expect(again.contains("Question 1 of 2"))
        #expect(question(session) == first)
        #expect(session.interview?.questions.count == 2)
    }

    @Test func explainAloneAfterTheInterviewEndsItAndExplainsTheLastQuestionAnswered() {
        var session = session()
        _ = session.handle("/interview 2", renderer: renderer)
        let first = question(session)!
        _ = answer(&session)
        let explained = session.handle("/explain", renderer: renderer).text
        #expect(explained.hasPrefix("Interview over: 1 of 2 questions"))
        #expect(explained.contains("\n\n#\(first.id)  \(first.question)"))
        #expect(session.mode == .explain)
    }
}
