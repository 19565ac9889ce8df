import Foundation
import Testing

@testable import StudyKit

/// The quiz as a learner uses it for hours: typed work is never lost, and they always know
/// where they are and what is waiting.
@Suite("TutorSession quiz manners")
struct TutorSessionQuizTests {
    static let searcher = Searcher(corpus: try! BundledCorpus.load())
    /// Monday 2025-03-10 09:00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_741_597_200)
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    final class Clock: @unchecked Sendable {
        var now = TutorSessionQuizTests.start
    }

    /// Wide enough that no message here wraps.
    let renderer = TextRenderer(width: 160, style: .plain)
    let store = ProgressStore.inMemory()
    let clock = Clock()

    func session(progress: Bool = true) -> TutorSession {
        let clock = clock
        return TutorSession(
            searcher: Self.searcher, progress: progress ? store : nil, seed: 7, clock: { clock.now }, studyDay: StudyDay(calendar: Self.calendar))
    }

    func question(_ session: TutorSession) -> Int? {
        if case .answering(let entry, _) = session.quiz { return entry.id }
        return nil
    }

    func typedLines(_ session: TutorSession) -> [String]? {
        if case .answering(_, let lines) = session.quiz { return lines.lines }
        return nil
    }

    /// Answers the current question with `answer` and rates it.
    func answerAndRate(_ session: inout TutorSession, _ answer: String = "a model maps a class to a table", rating: String = "3") {
        _ = session.handle(answer, renderer: renderer)
        _ = session.handle("", renderer: renderer)
        _ = session.handle(rating, renderer: renderer)
    }

    // MARK: Answer entry never loses work

    @Test func quitAndExitInsideAnAnswerAreAnswerText() {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        _ = session.handle("you would run the server and", renderer: renderer)
        let quit = session.handle("quit", renderer: renderer)
        #expect(!quit.quit)
        let exit = session.handle("exit", renderer: renderer)
        #expect(!exit.quit)
        #expect(typedLines(session) == ["you would run the server and", "quit", "exit"])
    }

    @Test func beforeAnyLineIsTypedPlainHelpAndQuitAreStillCommands() {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        #expect(session.handle("help", renderer: renderer).text.hasPrefix("Commands"))
        #expect(typedLines(session) == [])
        #expect(session.handle("quit", renderer: renderer).quit)
    }

    @Test func anAnswerSetAsideForExplainIsNotLostOnLeaving() {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        let entry = question(session)!
        _ = session.handle("half typed answer", renderer: renderer)
        _ = session.handle("/explain 3", renderer: renderer)
        let asked = session.handle("/quit", renderer: renderer)
        #expect(!asked.quit)
        #expect(asked.text.hasPrefix("Your answer to #\(entry) (set aside; /quiz returns to it) is not graded yet"))
        var piped = session
        #expect(piped.endOfInput(canAsk: false, renderer: renderer).text.hasPrefix("Left without rating #\(entry); nothing was saved for it."))
        #expect(session.handle("/quit", renderer: renderer).quit, "asked once")
    }

    @Test func aGradedAnswerSetAsideForExplainComesBackToBeRated() throws {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        let entry = try #require(question(session))
        _ = session.handle("my answer", renderer: renderer)
        _ = session.handle("", renderer: renderer)
        _ = session.handle("/explain", renderer: renderer)
        #expect(session.mode == .explain)
        let back = session.handle("/quiz", renderer: renderer).text
        #expect(back.contains("Back to #\(entry):"))
        #expect(session.prompt == "rate› ")
        _ = session.handle("3", renderer: renderer)
        #expect(try store.reviewCount(corpus: Self.searcher.corpus.identity) == 1)
        // Into a scope that leaves it out, it still comes back first, to be finished.
        _ = session.handle("an answer", renderer: renderer)
        _ = session.handle("", renderer: renderer)
        let graded = try #require(session.quiz.entry)
        _ = session.handle("/explain", renderer: renderer)
        let otherSection = graded.section == "Advanced" ? "Beginner" : "Advanced"
        let refused = session.handle("/quiz \(otherSection)", renderer: renderer).text
        #expect(refused.hasPrefix("Your answer to #\(graded.id) is not finished: rate it 1–4 first, or /skip it, then /quiz \(otherSection)."))
        #expect(session.prompt == "rate› ")
    }

    @Test func aCramAnswerSetAsideComesBackAsACramsNeverAsARating() throws {
        var session = session()
        _ = session.handle("/cram views", renderer: renderer)
        let entry = try #require(question(session))
        _ = session.handle("abc", renderer: renderer)
        _ = session.handle("", renderer: renderer)
        _ = session.handle("/explain", renderer: renderer)
        let back = session.handle("/quiz weak", renderer: renderer).text
        #expect(back.hasPrefix("Your answer to #\(entry) is not finished: rate it 1–4 first, or /skip it, then /quiz weak."))
        #expect(session.mode == .cram)
        #expect(session.handle("3", renderer: renderer).text.hasPrefix("Rated good. (cram: not saved)"))
        #expect(try store.reviewCount(corpus: Self.searcher.corpus.identity) == 0)
        #expect(session.activeScope == .tag("views"), "the cram goes on in its own topic")
    }

    @Test func undoNeverOverwritesAnAnswerSetAside() throws {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        answerAndRate(&session)
        let second = try #require(question(session))
        _ = session.handle("partial answer", renderer: renderer)
        _ = session.handle("/explain", renderer: renderer)
        let undo = session.handle("/undo", renderer: renderer).text
        #expect(undo == "Your answer to #\(second) is not finished: /quiz returns to it; an empty line grades it first, then /undo.")
        #expect(try store.reviewCount(corpus: Self.searcher.corpus.identity) == 1)
        _ = session.handle("/quiz", renderer: renderer)
        #expect(typedLines(session) == ["partial answer"])
    }

    @Test func undoAfterACramReturnsToTheScheduleAndItsOwnScore() throws {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        let first = try #require(session.quiz.entry)
        // The reference itself, so that the quiz score cannot equal the cram's.
        answerAndRate(&session, first.answer, rating: "3")
        let quizScore = try #require(try store.reviews(corpus: Self.searcher.corpus.identity).first?.score)
        _ = session.handle("/cram views", renderer: renderer)
        answerAndRate(&session, "nothing relevant", rating: "1")
        #expect(session.tally.quiz.averageScore == quizScore)
        let cramScore = try #require(session.tally.cram.averageScore)
        try #require(cramScore != quizScore)
        _ = session.handle("/explain", renderer: renderer)
        _ = session.handle("/undo", renderer: renderer)
        #expect(session.tally.quiz.answered == 0, "the undone quiz rating leaves the tally")
        #expect(session.tally.cram.answered == 1 && session.tally.cram.averageScore == cramScore, "the cram's is counted apart and stays")
        _ = session.handle("3", renderer: renderer)
        #expect(session.mode == .quiz)
        #expect(session.activeScope != .tag("views"), "back on the schedule, not the cram's topic")
    }

    @Test func editIsOnlyForAnAnswerNotYetGradedOrRevealed() {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        _ = session.handle("/reveal", renderer: renderer)
        let edit = session.handle("/edit", renderer: renderer)
        #expect(edit.editDraft == nil)
        #expect(edit.text == "This answer is already graded or revealed; rate it 1–4. /edit works while you type an answer.")
    }

    @Test func aLineStartingWithAPathIsAnswerTextButKnownCommandsStillWork() {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        let asked = question(session)
        let path = session.handle("/admin/ after createsuperuser", renderer: renderer)
        #expect(path.text.isEmpty)
        _ = session.handle("//skip is what I would type", renderer: renderer)
        #expect(typedLines(session) == ["/admin/ after createsuperuser", "/skip is what I would type"])
        #expect(question(session) == asked)
        _ = session.handle("/skip", renderer: renderer)
        #expect(question(session) != asked)
        // Outside an answer an unknown command is still reported.
        _ = session.handle("/ask", renderer: renderer)
        #expect(session.handle("/admin", renderer: renderer).text.hasPrefix("Unknown command /admin"))
    }

    @Test func leavingWithAnAnswerNotYetRatedAsksFirst() {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        let entry = question(session)!
        _ = session.handle("models map classes to tables", renderer: renderer)
        let first = session.handle("/quit", renderer: renderer)
        #expect(!first.quit)
        #expect(first.text == "Your answer to #\(entry) is not graded yet: an empty line grades it to keep it, or /quit again to leave without it.")
        #expect(typedLines(session) == ["models map classes to tables"])
        #expect(session.handle("/quit", renderer: renderer).quit)
    }

    @Test func ctrlDAtTheRatingPromptAsksOnATerminalAndSaysWhatWasLostWithout() throws {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        let entry = question(session)!
        _ = session.handle("an answer", renderer: renderer)
        _ = session.handle("", renderer: renderer)
        #expect(session.prompt == "rate› ")
        let asked = session.endOfInput(canAsk: true, renderer: renderer)
        #expect(!asked.quit)
        #expect(asked.text == "Your answer to #\(entry) is not rated yet: rate it 1–4 to keep it, or Ctrl-D again to leave without it.")
        #expect(session.endOfInput(canAsk: true, renderer: renderer).quit)

        var piped = self.session()
        _ = piped.handle("/quiz", renderer: renderer)
        let pipedEntry = question(piped)!
        _ = piped.handle("an answer", renderer: renderer)
        _ = piped.handle("", renderer: renderer)
        let end = piped.endOfInput(canAsk: false, renderer: renderer)
        #expect(end.quit)
        #expect(end.text == "Left without rating #\(pipedEntry); nothing was saved for it.")
        #expect(try store.reviewCount(corpus: Self.searcher.corpus.identity) == 0)
    }

    @Test func undoReturnsToTheRatingPromptWithTheAnswerAndItsGrade() throws {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        let entry = question(session)!
        let answer = "Django is a Python web framework with an ORM"
        _ = session.handle(answer, renderer: renderer)
        let graded = session.handle("", renderer: renderer).text
        let scoreLine = try #require(graded.split(separator: "\n").first { $0.hasPrefix("Score ") })
        _ = session.handle("1", renderer: renderer)
        #expect(try store.reviewCount(corpus: Self.searcher.corpus.identity) == 1)

        let undone = session.handle("/undo", renderer: renderer)
        #expect(undone.text.hasPrefix("Took back your rating of #\(entry); its schedule is as it was. Rate it again:\n#\(entry)  "))
        #expect(undone.text.contains(String(scoreLine)), "the same grade is shown again")
        #expect(undone.text.contains("Rate it [1] again"))
        #expect(session.prompt == "rate› ")
        #expect(try store.reviewCount(corpus: Self.searcher.corpus.identity) == 0)
        #expect(session.tally.answered == 0)
        _ = session.handle("4", renderer: renderer)
        let reviews = try store.reviews(corpus: Self.searcher.corpus.identity)
        #expect(reviews.map(\.answer) == [answer], "the typed answer is stored with the new rating")
        #expect(reviews.map(\.rating) == [.easy])
    }

    @Test func undoWhileAnAnswerIsTypedKeepsIt() {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        answerAndRate(&session)
        _ = session.handle("half an answer", renderer: renderer)
        let reply = session.handle("/undo", renderer: renderer)
        #expect(reply.text.hasSuffix("is not finished: an empty line grades it first, then /undo."))
        #expect(typedLines(session) == ["half an answer"])
    }

    @Test func editHandsTheAnswerToTheEditorAndTakesBackWhatWasSaved() {
        var session = session()
        #expect(session.handle("/edit", renderer: renderer).text == "/edit works while you answer a quiz question. /quiz starts one.")
        _ = session.handle("/quiz", renderer: renderer)
        _ = session.handle("first line", renderer: renderer)
        _ = session.handle("second line", renderer: renderer)
        let edit = session.handle("/edit", renderer: renderer)
        #expect(edit.editDraft == "first line\nsecond line")
        #expect(edit.text.isEmpty)
        let back = session.replaceAnswer(with: "\nfirst line, longer\n\nthird paragraph\n\n", renderer: renderer)
        #expect(
            back.text == "Your answer (3 lines) is in: an empty line submits it, more lines add to it, /edit changes it.\n"
                + "  first line, longer\n  \n  third paragraph", "the edited answer is shown as it now stands")
        #expect(typedLines(session) == ["first line, longer", "", "third paragraph"])
        #expect(session.replaceAnswer(with: "  \n", renderer: renderer).text == "The editor gave back an empty answer; nothing changed.")
        #expect(typedLines(session) == ["first line, longer", "", "third paragraph"])
        #expect(session.handle("", renderer: renderer).text.contains("Score "))
    }

    // MARK: Orientation

    @Test func theBannerAndEachQuizSayWhatIsWaiting() {
        var session = session()
        #expect(session.banner(renderer).contains("\nQuiz: nothing due · 10 new left today\n"))
        _ = session.handle("/quiz", renderer: renderer)
        answerAndRate(&session, rating: "1")
        clock.now = Self.start.addingTimeInterval(3 * 3_600)
        let again = self.session()
        #expect(again.banner(renderer).contains("\nQuiz: 1 due · 9 new left today\n"))
        var later = again
        let quiz = later.handle("/quiz", renderer: renderer).text
        #expect(quiz.hasPrefix("Quiz over due entries.\n1 due · 9 new left today.\n"))
        // Without progress there is no schedule to describe.
        #expect(!self.session(progress: false).banner(renderer).contains("Quiz:"))
    }

    @Test func aBareQuizMeansDueOnceThereIsProgressAfterATopicOrACram() {
        var session = session()
        _ = session.handle("/quiz orm", renderer: renderer)
        answerAndRate(&session)
        #expect(session.handle("/quiz", renderer: renderer).text.hasPrefix("Quiz over due entries."))
        _ = session.handle("/cram Advanced", renderer: renderer)
        #expect(session.handle("/quiz", renderer: renderer).text.hasPrefix("Quiz over due entries."))
    }

    @Test func changingScopeNeverDropsTheQuestionOnScreenSilently() throws {
        var session = session()
        _ = session.handle("/quiz Beginner", renderer: renderer)
        let beginner = try #require(question(session))
        #expect((1...19).contains(beginner))
        // Into a scope that holds it: the same question again.
        let all = session.handle("/quiz all", renderer: renderer).text
        #expect(all.contains("Back to #\(beginner):\n#\(beginner)  "))
        #expect(question(session) == beginner)
        // Into one that does not: said, not silent.
        let advanced = session.handle("/quiz Advanced", renderer: renderer).text
        #expect(advanced.contains("#\(beginner) left unanswered; it comes back after the rest of its queue."))
        let next = try #require(question(session))
        // A new entry is not weak: it is not taken along.
        _ = session.handle("/quiz Advanced", renderer: renderer)
        #expect(session.handle("/quiz weak", renderer: renderer).text.contains("#\(next) left unanswered;"))
        _ = session.handle("/quiz Advanced", renderer: renderer)
        let again = try #require(question(session))
        // With an answer typed, the scope does not change until it is finished.
        _ = session.handle("half typed", renderer: renderer)
        let refused = session.handle("/quiz Beginner", renderer: renderer).text
        #expect(refused == "Your answer to #\(again) is not finished: an empty line grades it first, or /skip it, then /quiz Beginner.")
        #expect(typedLines(session) == ["half typed"])
    }

    @Test func theRatingPromptPreviewsEachChoicesInterval() {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        _ = session.handle("an answer", renderer: renderer)
        let graded = session.handle("", renderer: renderer).text
        #expect(graded.contains("Rate it [1] again 1m  [2] hard 6m  [3] good 10m  [4] easy "))
        #expect(session.handle("/cram", renderer: renderer).text.hasSuffix("not finished: rate it 1–4 first, or /skip it, then /cram."))
        _ = session.handle("2", renderer: renderer)
        _ = session.handle("/cram", renderer: renderer)
        _ = session.handle("an answer", renderer: renderer)
        #expect(
            session.handle("", renderer: renderer).text.contains("Rate it [1] again [2] hard [3] good [4] easy"),
            "cram ratings change nothing, so there are no intervals to show")
    }

    @Test func leavingAfterReviewsSummarisesTheSitting() {
        var session = session()
        #expect(session.handle("/quit", renderer: renderer).text.isEmpty, "nothing to summarise")
        var quizzing = self.session()
        _ = quizzing.handle("/quiz", renderer: renderer)
        answerAndRate(&quizzing, rating: "3")
        let farewell = quizzing.handle("/quit", renderer: renderer)
        #expect(farewell.quit)
        #expect(farewell.text.hasPrefix("Session: 1 answered, average "))
        #expect(farewell.text.hasSuffix(". Next review in 10 minutes."))
        #expect(quizzing.endOfInput(canAsk: false, renderer: renderer).text == farewell.text)
    }

    @Test func commandsMidQuizShowThePendingQuestionAgain() {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        let entry = question(session)!
        _ = session.handle("typed so far", renderer: renderer)
        let stats = session.handle("/stats", renderer: renderer).text
        #expect(stats.contains("\n\nStill waiting for your answer:\n#\(entry)  "))
        #expect(stats.hasSuffix("Your answer so far (an empty line submits):\n  typed so far"))
        #expect(typedLines(session) == ["typed so far"])
    }

    @Test func explainThenQuizReturnsToTheOpenQuestion() {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        let entry = question(session)!
        _ = session.handle("typed so far", renderer: renderer)
        _ = session.handle("/explain 35", renderer: renderer)
        #expect(session.mode == .explain)
        let back = session.handle("/quiz", renderer: renderer).text
        #expect(back.contains("Back to #\(entry):\n#\(entry)  "))
        #expect(typedLines(session) == ["typed so far"])
    }

    @Test func explainAloneAfterAnAnswerExplainsTheEntryJustAsked() {
        var session = session()
        #expect(session.handle("/explain", renderer: renderer).text == "Explain mode: type a question or an entry number.")
        _ = session.handle("/quiz", renderer: renderer)
        let entry = question(session)!
        answerAndRate(&session)
        #expect(session.handle("/explain", renderer: renderer).text.hasPrefix("#\(entry)  "))
    }

    @Test func anEntryNumberInAskModeShowsIt() {
        var session = session()
        #expect(session.handle("34", renderer: renderer).text.hasPrefix("#34  What are some caching strategies"))
        #expect(session.handle("#35", renderer: renderer).text.hasPrefix("#35  What are select_related"))
    }

    // MARK: Arguments

    @Test func misspeltScopesAndTopicsSuggestTheNearestAndPrefixesWork() {
        var session = session()
        #expect(session.handle("/topic secrity", renderer: renderer).text.hasPrefix("No topic \"secrity\". Did you mean security? Topics: "))
        #expect(session.handle("/quiz advnced", renderer: renderer).text.hasPrefix("No topic or section \"advnced\". Did you mean Advanced? Try due, weak, "))
        #expect(session.handle("/section Advnced", renderer: renderer).text.hasPrefix("No section \"Advnced\". Did you mean Advanced?"))
        #expect(session.handle("/topic secur", renderer: renderer).text.hasPrefix("Topic security ("))
        #expect(session.handle("/quiz Interm", renderer: renderer).text.hasPrefix("Quiz over section Intermediate (5 questions)."))
    }
}

@Suite("TutorSession explain and why")
struct TutorSessionExplainTests {
    let renderer = TextRenderer(width: 120, style: .plain)

    @Test func explainKeyTermsAreContentWords() throws {
        var session = TutorSession(searcher: TutorSessionQuizTests.searcher, progress: nil, seed: 1)
        for id in TutorSessionQuizTests.searcher.corpus.entries.map(\.id) {
            let text = session.handle("/explain \(id)", renderer: renderer).text
            guard text.contains("Key terms\n") else { continue }
            let block = try #require(text.components(separatedBy: "Key terms\n").last?.components(separatedBy: "\n     Related").first)
            let terms = block.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
            for term in terms {
                #expect(!["around", "work", "AND", "NOT", "only", "mention", "explain"].contains(term), "#\(id): \(term)")
                // Names and identifiers aside, no word as common as "mention" in everyday English.
                guard term == term.lowercased(), term.allSatisfy(\.isLetter) else { continue }
                #expect((EnglishFrequency.zipf(of: term) ?? 0) < Grader.everydayZipf, "#\(id): \(term) is an everyday word")
            }
        }
    }

    @Test func whyForAnEntrySharingNoTermSaysSo() {
        var session = TutorSession(searcher: TutorSessionQuizTests.searcher, progress: nil, seed: 1)
        _ = session.handle("what is select_related", renderer: renderer)
        let why = session.handle("/why 1", renderer: renderer).text
        #expect(why.contains("0.0000 = #1 What is Django? — shares no term with the query, so words give it nothing"))
        #expect(!why.contains("sum of:\n\n") && !why.hasSuffix("sum of:"))
    }
}
