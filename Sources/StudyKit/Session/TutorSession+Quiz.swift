import Foundation

extension TutorSession {
    /// `/quiz [scope]` and `/cram [scope]`. Without a scope: the due queue, or everything when no
    /// progress is kept. A question still open is put again if the new scope would ask it now
    /// (and it was a quiz's for a quiz, a cram's for a cram); otherwise it waits at the end of its
    /// queue. One with an answer typed is never dropped.
    mutating func startQuiz(_ scopeName: String?, cram: Bool, renderer: TextRenderer) -> SessionReply {
        var chosen: QuizScope?
        if let scopeName {
            switch QuizScope.resolve(scopeName, in: corpus) {
            case .found(let scope): chosen = scope
            case .unknown(let suggestion):
                let tags = corpus.tagCounts.map(\.tag).joined(separator: ", ")
                let special = cram ? "" : "due, weak, "
                let guess = suggestion.map { " Did you mean \($0)?" } ?? ""
                return SessionReply(
                    renderer.paragraph(
                        "No topic or section \"\(scopeName)\".\(guess) Try \(special)a section (\(corpus.sections.joined(separator: ", "))) or a topic: \(tags)."
                    ))
            }
        }
        if cram, let chosen, chosen.needsSchedule {
            return SessionReply("/cram drills a topic or section without the schedule; use /quiz \(scopeName ?? "due") for \(chosen.label).")
        }
        let resolved = chosen ?? defaultScope(cram: cram)
        let fromAside = isIdle
        let pending = fromAside ? setAside : quiz
        let pendingWasCram = (fromAside ? setAsideMode : mode) == .cram
        // An answer the new scope leaves out, or one that would move between quiz and cram (a
        // cram's saved as a rating, or a quiz's not saved), is finished first where it was. One
        // set aside for /explain comes back as it was, so that it can be finished.
        let stays = pending.entry.map { pendingWasCram == cram && wouldAsk($0, in: resolved, cram: cram) } ?? false
        let blocks = pending.hasTypedWork && !stays
        if blocks, let entry = pending.entry {
            let command = (cram ? "/cram" : "/quiz") + (scopeName.map { " " + $0 } ?? "")
            let finish = renderer.paragraph("Your answer to #\(entry.id) is not finished: \(pending.finishing) first, or /skip it, then \(command).")
            guard fromAside else { return SessionReply(finish) }
            setAside = .idle
            quiz = pending
            mode = setAsideMode
            cramScope = setAsideCramScope
            return SessionReply(finish + "\n" + pendingQuestion(renderer: renderer))
        }
        setAside = .idle
        scope = cram ? scope : resolved
        cramScope = cram ? resolved : nil
        mode = cram ? .cram : .quiz
        let count = resolved.entries(in: corpus).count
        let kind = cram ? "Cram (ratings change nothing)" : "Quiz"
        // What a quiz takes of a scope the schedule decides; a cram takes all of it.
        let size = cram || resolved.name != nil ? " (\(count) \(count == 1 ? "question" : "questions"))" : ""
        var preface = ["\(kind) over \(resolved.label)\(size)."]
        let now = clock()
        if !cram, let outlook = plan.outlook(of: corpus.entries, now: now) {
            preface.append(outlook.summary(now: now).capitalizingFirstLetter + ".")
        }
        let dimmed = { (lines: [String]) in lines.map { renderer.style.dim(renderer.paragraph($0)) }.joined(separator: "\n") }
        if let entry = pending.entry {
            if stays {
                quiz = pending
                preface.append("Back to #\(entry.id):")
                return SessionReply(dimmed(preface) + "\n" + pendingQuestion(renderer: renderer))
            }
            sendToTheEndOfItsQueue(entry.id, cram: pendingWasCram)
            preface.append("#\(entry.id) left unanswered; it comes back after the rest of its queue.")
        }
        return putNextQuestion(renderer: renderer, preface: dimmed(preface))
    }

    private func defaultScope(cram: Bool) -> QuizScope {
        cram || progress == nil ? .all : .due
    }

    /// A question skipped or left unanswered comes back after the rest of its plan's queue.
    private mutating func sendToTheEndOfItsQueue(_ entryID: Int, cram: Bool) {
        if cram { cramPlan.skip(entryID) } else { plan.skip(entryID) }
    }

    /// Whether `scope` would put `entry` now: it holds it, and the schedule (for a quiz) has it
    /// due, new within the day's limit, coming due within the learn-ahead window, or weak.
    private func wouldAsk(_ entry: Entry, in scope: QuizScope, cram: Bool) -> Bool {
        guard scope.includes(entry, in: corpus) else { return false }
        return cram ? cramPlan.wouldAsk(entry, scope: scope, now: clock()) : plan.wouldAsk(entry, scope: scope, now: clock())
    }

    var activeScope: QuizScope { cramScope ?? scope ?? .all }

    mutating func putNextQuestion(renderer: TextRenderer, preface: String?) -> SessionReply {
        var parts = preface.map { [$0] } ?? []
        let scope = activeScope
        let candidates = scope.entries(in: corpus)
        let next =
            mode == .cram
            ? cramPlan.nextEntry(from: candidates, scope: scope, now: clock())
            : plan.nextEntry(from: candidates, scope: scope, now: clock())
        guard let entry = next else {
            quiz = .idle
            let now = clock()
            let reason =
                mode == .cram
                ? cramPlan.nothingToAsk(from: candidates, scope: scope, now: now) : plan.nothingToAsk(from: candidates, scope: scope, now: now)
            parts.append(renderer.paragraph(reason))
            return SessionReply(parts.joined(separator: "\n"))
        }
        quiz = .answering(entry, draft: AnswerDraft())
        parts.append(pendingQuestion(renderer: renderer))
        if !hasExplainedAnswering {
            hasExplainedAnswering = true
            parts.append(renderer.style.dim(renderer.paragraph("Type your answer; an empty line submits. /skip, /reveal, or /edit for your editor.")))
        }
        return SessionReply(parts.joined(separator: "\n"))
    }

    /// The open question as it stands: the question with the answer typed so far, or the grade
    /// with the rating prompt.
    func pendingQuestion(renderer: TextRenderer) -> String {
        switch quiz {
        case .idle:
            return ""
        case .answering(let entry, let draft):
            var text =
                interview.map { renderer.interviewQuestion($0) }
                ?? renderer.heading(entry).joined(separator: "\n") + "\n" + renderer.metadata(entry)
            if !draft.isEmpty {
                text +=
                    "\n" + renderer.style.dim("Your answer so far (an empty line submits):") + "\n"
                    + draft.lines.map { "  " + $0 }.joined(separator: "\n")
            }
            return text
        case .rating(let entry, let grade, _):
            let shown = grade.map { renderer.grade($0, entry: entry) } ?? renderer.reference(entry, missed: [])
            return renderer.heading(entry).joined(separator: "\n") + "\n" + shown + "\n" + ratingPrompt(entry, grade: grade, renderer: renderer)
        }
    }

    private func ratingPrompt(_ entry: Entry, grade: Grade?, renderer: TextRenderer) -> String {
        let now = clock()
        let intervals = mode == .cram ? [:] : plan.intervals(forEntry: entry.id, now: now).mapValues { $0.timeIntervalSince(now) }
        return renderer.ratingPrompt(suggested: grade?.preselected, intervals: intervals, selfRated: grade.map { !$0.suggestionSure } ?? true)
    }

    mutating func collectAnswer(_ text: String, for entry: Entry, draft: AnswerDraft, renderer: TextRenderer) -> SessionReply {
        guard text.allSatisfy(\.isWhitespace) else { return addLine(text, to: draft, for: entry) }
        guard !draft.isEmpty else {
            return SessionReply("Type your answer (an empty line submits), or /skip, /reveal.")
        }
        let grade = grade(draft, for: entry)
        // What was graded is what the review log keeps.
        let answer = Grader.answerLimit.cut(draft.text).text
        quiz = .rating(entry, grade: grade, answer: answer)
        lastShown = entry.id
        return SessionReply(renderer.grade(grade, entry: entry) + "\n" + ratingPrompt(entry, grade: grade, renderer: renderer))
    }

    /// A line of an answer being typed; nothing to print.
    mutating func addLine(_ text: String, to draft: AnswerDraft, for entry: Entry) -> SessionReply {
        var draft = draft
        draft.append(text)
        quiz = .answering(entry, draft: draft)
        return SessionReply("")
    }

    func grade(_ draft: AnswerDraft, for entry: Entry) -> Grade {
        var grade = grader.grade(draft.text, forEntry: entry.id)!
        grade.answerWasCut = grade.answerWasCut || draft.wasCut
        return grade
    }

    mutating func rate(_ text: String, entry: Entry, grade: Grade?, answer: String, renderer: TextRenderer) -> SessionReply {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let rating = trimmed.isEmpty ? grade?.preselected : Rating(userInput: trimmed)
        guard let rating else {
            let hint = grade?.preselected == nil ? "" : " (Enter takes the suggestion)"
            return SessionReply("Type 1–4 or again, hard, good, easy\(hint).")
        }
        let score = grade?.countedScore
        let review = Review(entryID: entry.id, rating: rating, score: score, answer: answer, time: clock())
        var note = "Rated \(rating.name)."
        if mode == .cram {
            note += " (cram: not saved)"
        } else {
            do {
                if let due = try plan.record(review) { note += " Next " + RelativeTime.describe(due, from: review.time) + "." }
                ratedAnswers.append(RatedAnswer(entry: entry, grade: grade, answer: answer))
            } catch {
                note = "Rated \(rating.name), but this rating could not be saved (\(error))."
            }
        }
        tally.add(score: score, cram: mode == .cram)
        return putNextQuestion(renderer: renderer, preface: renderer.paragraph(note + " " + tally.summary) + "\n")
    }

    mutating func skip(renderer: TextRenderer) -> SessionReply {
        guard mode == .quiz || mode == .cram, let entry = quiz.entry else { return SessionReply("/skip works during a quiz question. /quiz starts one.") }
        sendToTheEndOfItsQueue(entry.id, cram: mode == .cram)
        return putNextQuestion(renderer: renderer, preface: renderer.style.dim("Skipped #\(entry.id): it comes back after the rest."))
    }

    mutating func reveal(renderer: TextRenderer) -> SessionReply {
        guard case .answering(let entry, let draft) = quiz else {
            return SessionReply("/reveal works while a quiz question waits for an answer. /quiz starts one.")
        }
        quiz = .rating(entry, grade: nil, answer: draft.text)
        lastShown = entry.id
        return SessionReply(renderer.reference(entry, missed: []) + "\n" + ratingPrompt(entry, grade: nil, renderer: renderer))
    }

    /// `/undo`: takes back the last rating of this sitting and returns to its rating prompt, with
    /// the answer and its grade, as Anki does.
    mutating func undo(renderer: TextRenderer) -> SessionReply {
        guard mode != .cram else { return SessionReply("Cram ratings change nothing, so there is nothing to undo.") }
        if let work = unfinishedWork, let entry = work.entry {
            let back = work.isSameQuestion(as: quiz) ? "" : " /quiz returns to it;"
            return SessionReply(renderer.paragraph("Your answer to #\(entry.id) is not finished:\(back) \(work.finishing) first, then /undo."))
        }
        let entryID: Int?
        do {
            entryID = try plan.undoLast()
        } catch {
            return SessionReply("Could not take the rating back (\(error)).")
        }
        guard let entryID, let last = ratedAnswers.popLast(), last.entry.id == entryID else {
            return SessionReply("Nothing to undo: no rating given this sitting, or that entry was rated again elsewhere since.")
        }
        tally.removeLastQuizAnswer()
        mode = .quiz
        cramScope = nil
        quiz = .rating(last.entry, grade: last.grade, answer: last.answer)
        return SessionReply(
            renderer.paragraph("Took back your rating of #\(entryID); its schedule is as it was. Rate it again:")
                + "\n" + pendingQuestion(renderer: renderer))
    }

    /// `/edit`: hands the answer so far to the learner's editor (the executable runs it).
    mutating func edit() -> SessionReply {
        switch quiz {
        case .answering(_, let draft): SessionReply("", editDraft: draft.text)
        // Once graded or revealed, the reference has been seen: a new answer would not measure recall.
        case .rating: SessionReply("This answer is already graded or revealed; rate it 1–4. /edit works while you type an answer.")
        case .idle: SessionReply("/edit works while you answer a quiz question. /quiz starts one.")
        }
    }

    /// What came back from the editor becomes the answer, to submit with an empty line or to
    /// add to.
    public mutating func replaceAnswer(with text: String, renderer: TextRenderer) -> SessionReply {
        guard let entry = quiz.entry else { return SessionReply("The quiz question is gone; the edited text was not used.") }
        var lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\r")) }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
        guard !lines.isEmpty else {
            return SessionReply("The editor gave back an empty answer; nothing changed.")
        }
        var draft = AnswerDraft()
        for line in lines { draft.append(line) }
        quiz = .answering(entry, draft: draft)
        let count = draft.lines.count == 1 ? "1 line" : "\(draft.lines.count) lines"
        // Shown as it now stands, so that what the editor gave back can be checked before it is sent.
        return SessionReply(
            renderer.paragraph("Your answer (\(count)) is in: an empty line submits it, more lines add to it, /edit changes it.") + "\n"
                + draft.lines.map { "  " + $0 }.joined(separator: "\n"))
    }

    /// `/quit`, `quit` and `exit`: leaves, unless an answer would be lost (on screen, or set
    /// aside for `/explain`), which is said once.
    mutating func leave(again: String, renderer: TextRenderer) -> SessionReply {
        if let work = unfinishedWork, let entry = work.entry, !leaveRequested {
            let onScreen = work.isSameQuestion(as: quiz)
            let isCram = (onScreen ? mode : setAsideMode) == .cram
            // A cram keeps nothing, so only an answer not yet graded is worth asking about.
            if isCram, !work.isTypingAnswer {
                return SessionReply([interviewFarewell(renderer: renderer), farewell()].compactMap { $0 }.joined(separator: "\n"), quit: true)
            }
            leaveRequested = true
            if isCram {
                return SessionReply(
                    "Your cram answer to #\(entry.id) is not graded yet: an empty line grades it (a cram saves nothing), or \(again) to leave without it.")
            }
            if interview != nil {
                return SessionReply("Your answer to #\(entry.id) is not finished: end it with an empty line to keep it, or \(again) to leave without it.")
            }
            let whereItIs = onScreen ? "" : " (set aside; /quiz returns to it)"
            return SessionReply(
                "Your answer to #\(entry.id)\(whereItIs) is not \(work.waitsToBe) yet: \(work.finishing) to keep it, or \(again) to leave without it.")
        }
        return SessionReply([interviewFarewell(renderer: renderer), farewell()].compactMap { $0 }.joined(separator: "\n"), quit: true)
    }

    /// Ctrl-D or the end of piped input. On a terminal an answer not yet rated is not dropped
    /// without asking; without one there is nobody to ask, so it says what was not saved.
    public mutating func endOfInput(canAsk: Bool, renderer: TextRenderer) -> SessionReply {
        if canAsk { return leave(again: "Ctrl-D again", renderer: renderer) }
        var lines: [String] = []
        if let entry = unfinishedWork?.entry {
            lines.append(interview == nil ? "Left without rating #\(entry.id); nothing was saved for it." : "Left before finishing the answer to #\(entry.id).")
        }
        if let debrief = interviewFarewell(renderer: renderer) { lines.append(debrief) }
        if let farewell = farewell() { lines.append(farewell) }
        return SessionReply(lines.joined(separator: "\n"), quit: true)
    }

    /// One line on leaving after reviews: `Session: 3 answered, average 55. Next review in 10 minutes.`
    func farewell() -> String? {
        guard tally.answered > 0 else { return nil }
        guard let outlook = plan.outlook(of: corpus.entries, now: clock()) else { return tally.summary }
        if outlook.due > 0 { return tally.summary + " \(outlook.due) due now." }
        return tally.summary + (outlook.nextDue.map { " Next review " + RelativeTime.describe($0, from: clock()) + "." } ?? "")
    }

    /// After a command that leaves the quiz question open: the question again, so the learner
    /// knows what the next line answers.
    func remindingOfTheQuestion(_ reply: SessionReply, renderer: TextRenderer) -> SessionReply {
        guard mode == .quiz || mode == .cram || mode == .interview, !isIdle else { return reply }
        let label = isTypingAnswer ? "Still waiting for your answer:" : "Still waiting for your rating:"
        let reminder = renderer.style.dim(label) + "\n" + pendingQuestion(renderer: renderer)
        return SessionReply(reply.text.isEmpty ? reminder : reply.text + "\n\n" + reminder, quit: reply.quit)
    }

    /// Leaving quiz mode for `/explain` or `/ask` keeps the open question for the next `/quiz`.
    mutating func setQuestionAside() {
        if !isIdle {
            setAside = quiz
            setAsideMode = mode
            setAsideCramScope = cramScope
        }
        quiz = .idle
    }

    var isIdle: Bool {
        if case .idle = quiz { return true }
        return false
    }

    var isTypingAnswer: Bool { quiz.isTypingAnswer }

    /// What a typed line may be: see `Command(parsing:context:)`.
    var inputContext: InputContext {
        guard case .answering(_, let draft) = quiz else { return .command }
        return draft.isEmpty ? .answerStart : .answerContinued
    }

    /// The open question whose answer would be lost, on screen or set aside.
    var unfinishedWork: QuizState? {
        if quiz.hasTypedWork { return quiz }
        if setAside.hasTypedWork { return setAside }
        return nil
    }
}

extension TutorSession.QuizState {
    var isTypingAnswer: Bool {
        if case .answering = self { return true }
        return false
    }

    /// An answer typed and not yet graded, or graded and not yet rated.
    var hasTypedWork: Bool {
        switch self {
        case .idle: false
        case .answering(_, let draft): !draft.isEmpty
        case .rating: true
        }
    }

    /// `an empty line grades it` or `rate it 1–4`.
    var finishing: String {
        if case .answering = self { return "an empty line grades it" }
        return "rate it 1–4"
    }

    func isSameQuestion(as other: Self) -> Bool {
        entry != nil && entry?.id == other.entry?.id
    }

    /// `graded` or `rated`: what the open answer still waits for.
    var waitsToBe: String {
        if case .answering = self { return "graded" }
        return "rated"
    }
}
