import Foundation

/// The REPL's logic without the terminal: takes one line at a time and says what to print.
///
/// Plain text goes to the current mode (a question in ask and explain mode, an answer or a
/// rating in quiz mode); slash commands change state. The executable only reads lines, feeds
/// them here and prints the replies, so every behaviour is testable by piping text in.
public struct TutorSession {
    public internal(set) var mode: TutorMode = .ask
    public private(set) var searcher: Searcher
    private(set) var grader: Grader
    /// Said by `/why` about how questions are searched just now, when it is not the usual way
    /// ("by words only while the entries are embedded: 42 %, about a minute left").
    public var searchNote: String?
    /// The schedule: spaced repetition over the progress store, or a shuffled deck without one.
    var plan: any StudyPlan
    var cramPlan: ShuffledPlan
    let progress: ProgressStore?
    let clock: @Sendable () -> Date
    let studyDay: StudyDay
    var generator: SeededGenerator
    /// The entry last on screen with its answer (found, shown, graded or revealed), which
    /// `/explain` alone explains and `/next` steps from.
    var lastShown: Int?
    /// The last question searched, for `/why`.
    var lastResult: SearchResult?
    /// What is being discussed, which the next line is read against (`/new` forgets it).
    var conversation = Conversation()
    /// How the last question was read in the conversation, for `/why`.
    var lastReading: FollowUpReading?
    var quiz = QuizState.idle
    /// A question left open for `/explain` or `/ask`, with any answer typed; the next `/quiz`
    /// puts it again.
    var setAside = QuizState.idle
    /// Whether the question set aside was a quiz's or a cram's (and the cram's scope): it comes
    /// back as it was, so a cram answer is never saved as a quiz rating, nor the reverse.
    var setAsideMode = TutorMode.quiz
    var setAsideCramScope: QuizScope?
    /// This sitting's ratings, newest last, so `/undo` can return to the rating prompt.
    var ratedAnswers: [RatedAnswer] = []
    /// Set when leaving was asked once with an answer not yet graded or rated.
    var leaveRequested = false
    /// The quiz scope chosen this sitting; nil until the first `/quiz`.
    var scope: QuizScope?
    /// Set while cramming, which keeps its own scope.
    var cramScope: QuizScope?
    var hasExplainedAnswering = false
    public internal(set) var tally = SessionTally()
    var interview: MockInterview?
    /// Every question put in this sitting's interviews, which the next ones ask last.
    var interviewed: Set<Int> = []

    enum QuizState {
        case idle
        case answering(Entry, draft: AnswerDraft)
        case rating(Entry, grade: Grade?, answer: String)

        var entry: Entry? {
            switch self {
            case .idle: nil
            case .answering(let entry, _), .rating(let entry, _, _): entry
            }
        }
    }

    struct RatedAnswer {
        let entry: Entry
        let grade: Grade?
        let answer: String
    }

    /// - Parameters:
    ///   - rubric: what a complete answer to each entry says, for grading; none grades by key terms.
    ///   - names: the domain's documented names, which an answer must not misname.
    ///   - progress: where ratings are kept; without one the quiz is a shuffled deck that
    ///     remembers nothing.
    ///   - seed: fixes the order of new questions in a cram and of `/random`.
    public init(
        searcher: Searcher, rubric: Rubric = .empty, names: ReferenceNames? = nil, progress: ProgressStore?, seed: UInt64,
        clock: @escaping @Sendable () -> Date = Date.init, studyDay: StudyDay = StudyDay()
    ) {
        self.searcher = searcher
        self.grader = Grader(searcher: searcher, rubric: rubric, names: names)
        self.progress = progress
        self.plan =
            progress.map {
                SpacedRepetitionPlan(store: $0, corpus: searcher.corpus.identity, studyDay: studyDay, seed: seed)
            }
            ?? ShuffledPlan(seed: seed)
        self.cramPlan = ShuffledPlan(seed: seed ^ 0xC4A7)
        self.clock = clock
        self.studyDay = studyDay
        self.generator = SeededGenerator(seed: seed ^ 0x5EED)
    }

    var corpus: Corpus { searcher.corpus }

    /// `ask› `, `quiz› `, ` ...› ` while an answer is being typed, `rate› ` while a rating is due.
    public var prompt: String {
        switch quiz {
        case .answering(_, let draft) where !draft.isEmpty: " ...› "
        case .rating: "rate› "
        default: mode.prompt
        }
    }

    /// True while a quiz question waits for an answer or a rating, which stay out of the history.
    public var hasOpenQuestion: Bool {
        if case .idle = quiz { return false }
        return true
    }

    public func banner(_ renderer: TextRenderer) -> String {
        let sections = corpus.sections.count == 1 ? "1 section" : "\(corpus.sections.count) sections"
        let entries = corpus.entries.count == 1 ? "1 question" : "\(corpus.entries.count) questions"
        var lines = [renderer.paragraph(renderer.style.bold("Django Tutor") + " · \(corpus.title) · \(entries) in \(sections)")]
        if let outlook = plan.outlook(of: corpus.entries, now: clock()) {
            lines.append(renderer.paragraph("Quiz: " + outlook.summary(now: clock())))
        }
        lines.append(renderer.paragraph("Ask anything, or /quiz to drill, /interview to rehearse, /help for more."))
        return lines.joined(separator: "\n")
    }

    public mutating func handle(_ line: String, renderer: TextRenderer) -> SessionReply {
        let command = Command(parsing: line, context: inputContext)
        if command != .quit { leaveRequested = false }
        if case .text(let text) = command {
            switch quiz {
            case .answering(let entry, let draft) where mode == .interview:
                return collectInterviewAnswer(text, for: entry, draft: draft, renderer: renderer)
            case .answering(let entry, let draft): return collectAnswer(text, for: entry, draft: draft, renderer: renderer)
            case .rating(let entry, let grade, let answer): return rate(text, entry: entry, grade: grade, answer: answer, renderer: renderer)
            case .idle: return handleText(text, renderer: renderer)
            }
        }
        switch interviewHandling(of: command, renderer: renderer) {
        case .reply(let reply): return reply
        case .ended(let debrief):
            var reply = dispatch(command, renderer: renderer)
            reply.text = debrief + (reply.text.isEmpty ? "" : "\n\n" + reply.text)
            return reply
        case .passThrough: return dispatch(command, renderer: renderer)
        }
    }

    private mutating func dispatch(_ command: Command, renderer: TextRenderer) -> SessionReply {
        switch command {
        case .ask(let question):
            setQuestionAside()
            mode = .ask
            return question.map { ask($0, renderer: renderer) } ?? SessionReply("Ask mode: type a question.")
        case .quiz(let scopeName): return startQuiz(scopeName, cram: false, renderer: renderer)
        case .cram(let scopeName): return startQuiz(scopeName, cram: true, renderer: renderer)
        case .interview(let count): return startInterview(count, renderer: renderer)
        case .undo: return undo(renderer: renderer)
        case .newConversation:
            conversation.reset()
            return SessionReply("New conversation: the next question is read on its own.")
        case .explain(let query):
            setQuestionAside()
            mode = .explain
            if let query { return explain(query, renderer: renderer) }
            if let id = lastShown { return explain(String(id), renderer: renderer) }
            return SessionReply("Explain mode: type a question or an entry number.")
        case .skip: return skip(renderer: renderer)
        case .reveal: return reveal(renderer: renderer)
        case .edit: return edit()
        case .quit: return leave(again: "/quit again", renderer: renderer)
        case .text: return SessionReply("")
        default:
            return remindingOfTheQuestion(aside(command, renderer: renderer), renderer: renderer)
        }
    }

    /// Commands that leave the quiz question where it is.
    private mutating func aside(_ command: Command, renderer: TextRenderer) -> SessionReply {
        switch command {
        case .stats: SessionReply(statistics(renderer: renderer))
        case .why(let id): why(id, renderer: renderer)
        case .topics: SessionReply(renderer.topics(corpus))
        case .topic(let name): listTopic(name, renderer: renderer)
        case .section(let name): listSection(name, renderer: renderer)
        case .show(let id): show(id, renderer: renderer)
        case .next: step(by: 1, renderer: renderer)
        case .previous: step(by: -1, renderer: renderer)
        case .random: showRandom(renderer: renderer)
        case .help(let topic): help(topic, renderer: renderer)
        case .invalid(let message): SessionReply(renderer.paragraph(message))
        default: SessionReply("")
        }
    }

    /// Ctrl-C: drops a half-typed answer. Returns a note to print, or nil when there was none.
    public mutating func cancelPendingInput() -> String? {
        guard case .answering(let entry, let draft) = quiz, !draft.isEmpty else { return nil }
        quiz = .answering(entry, draft: AnswerDraft())
        interview?.restartAnswer()
        return "(answer cleared — type it again, or /skip)"
    }

    private mutating func handleText(_ text: String, renderer: TextRenderer) -> SessionReply {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return SessionReply("") }
        switch mode {
        case .ask:
            if let id = Self.entryNumber(trimmed) { return show(id, renderer: renderer) }
            if let move = ConversationalMove(parsing: trimmed) { return perform(move, renderer: renderer) }
            return ask(trimmed, renderer: renderer)
        case .explain: return explain(trimmed, renderer: renderer)
        case .quiz, .cram: return putNextQuestion(renderer: renderer, preface: nil)
        // An interview always has a question open until it ends in ask mode.
        case .interview: return ask(trimmed, renderer: renderer)
        }
    }

    /// `34` or `#34`.
    static func entryNumber(_ text: String) -> Int? {
        let digits = text.hasPrefix("#") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    /// `/stats`, or why there are none.
    public func statistics(renderer: TextRenderer) -> String {
        guard let stats = studyStatistics() else { return "No progress is kept in this session, so there are no statistics." }
        return renderer.statistics(stats, corpus: corpus)
    }

    public func studyStatistics() -> StudyStatistics? {
        guard let progress else { return nil }
        return try? StudyStatistics(corpus: corpus, store: progress, now: clock(), studyDay: studyDay)
    }

    /// Searches with `searcher` from now on (the same corpus, searched another way: by meaning
    /// too, once its entries are embedded); grading follows it. The conversation goes on.
    public mutating func useSearcher(_ searcher: Searcher) {
        precondition(searcher.corpus.identity == self.searcher.corpus.identity, "a searcher of another corpus")
        self.searcher = searcher
        grader = Grader(searcher: searcher, rubric: grader.rubric, names: grader.names, keyTermLimit: grader.keyTermLimit)
    }

    /// `/why [N]`: the scoring of the last question's best entries, or of entry N.
    func why(_ id: Int?, renderer: TextRenderer) -> SessionReply {
        guard let result = lastResult else { return SessionReply("Ask a question first; /why then shows how it was answered.") }
        if let id, corpus.entry(id: id) == nil { return SessionReply("No entry #\(id). \(corpus.numberingDescription)") }
        let ids = id.map { [$0] } ?? result.hits.prefix(2).map(\.entry.id)
        let explanations = ids.compactMap { searcher.explain(result, entry: $0) }
        var why = renderer.why(result, explanations: explanations, confidence: searcher.confidence, scoring: searcher.scoring, fusion: searcher.fusion)
        if let searchNote { why += "\n" + renderer.paragraph(searchNote) }
        guard let reading = lastReading, reading.result == result, let followed = reading.followUpOf, let earlier = reading.contextQuery else {
            return SessionReply(why)
        }
        let context = renderer.paragraph(
            "Read as a follow-up of #\(followed): searched with the words of the earlier question \u{201C}\(earlier.replacingOccurrences(of: "\n", with: " / "))\u{201D} at half weight (\u{201C}from the conversation\u{201D} below) and its meaning mixed in; the line's own ranking added at a quarter weight."
        )
        return SessionReply(context + "\n" + why)
    }

    mutating func ask(_ question: String, renderer: TextRenderer) -> SessionReply {
        let focus = conversation.context?.focus
        let reading = conversation.ask(question, with: searcher)
        let result = reading.result
        lastResult = result
        lastReading = reading
        guard result.confident, let best = result.hits.first else { return SessionReply(renderer.searchResult(result)) }
        lastShown = best.entry.id
        guard let followed = reading.followUpOf else { return SessionReply(renderer.searchResult(result)) }
        let note = renderer.style.dim("(following up on #\(followed))")
        // A follow-up whose answer is the entry just shown says so instead of printing it again.
        if best.entry.id == focus {
            return SessionReply(note + "\n" + renderer.repeatedAnswer(result))
        }
        return SessionReply(note + "\n" + renderer.searchResult(result))
    }
}
