extension TutorSession {
    /// What a command does while an interview is under way.
    enum InterviewHandling {
        /// The interview answers it.
        case reply(SessionReply)
        /// The command leaves the interview, which has ended: print this debrief before the
        /// command's own reply.
        case ended(debrief: String)
        /// Not the interview's business (`/show`, `/help` …): the question stays open.
        case passThrough
    }

    /// `/interview [N]`.
    mutating func startInterview(_ argument: String?, renderer: TextRenderer) -> SessionReply {
        var count = MockInterview.standardLength
        if let argument {
            guard let number = Int(argument), (1...MockInterview.longest).contains(number) else {
                return SessionReply(
                    "/interview takes a number of questions from 1 to \(MockInterview.longest), e.g. /interview 4, or nothing for \(MockInterview.standardLength)."
                )
            }
            count = number
        }
        if quiz.hasTypedWork, let entry = quiz.entry {
            return SessionReply(renderer.paragraph("Your answer to #\(entry.id) is not finished: \(quiz.finishing) first, or /skip it, then /interview."))
        }
        let interview = MockInterview(count: count, from: corpus, asked: interviewed, using: &generator)
        guard let first = interview.current else { return SessionReply("This corpus has no questions to interview you on.") }
        setQuestionAside()
        self.interview = interview
        interviewed.formUnion(interview.questions.map(\.id))
        mode = .interview
        quiz = .answering(first, draft: AnswerDraft())
        return SessionReply(renderer.interviewIntroduction(interview) + "\n\n" + renderer.interviewQuestion(interview))
    }

    /// The interview's part in a command typed while it is under way.
    mutating func interviewHandling(of command: Command, renderer: TextRenderer) -> InterviewHandling {
        guard interview != nil, case .answering(let entry, let draft) = quiz else { return .passThrough }
        switch command {
        case .interview:
            let status = renderer.paragraph("An interview is under way: answer, or /skip to pass. /ask ends it early, with its debrief.")
            return .reply(SessionReply(status + "\n" + pendingQuestion(renderer: renderer)))
        case .skip where draft.isEmpty:
            interview?.record(nil, words: 0)
            return .reply(nextInterviewQuestion(renderer: renderer, preface: renderer.style.dim("Passed.")))
        case .skip:
            // After "say more", /skip reads as "nothing to add": the answer typed is not lost.
            return .reply(submitInterviewAnswer(draft, for: entry, renderer: renderer))
        case .reveal:
            return .reply(
                SessionReply(
                    renderer.paragraph("An interviewer does not show the answer: give yours, or /skip to pass. The debrief at the end says what to study.")))
        case .undo:
            return .reply(SessionReply("An interview changes nothing in your progress, so there is nothing to undo."))
        case .ask, .quiz, .cram, .explain:
            if !draft.isEmpty {
                return .reply(
                    SessionReply(
                        renderer.paragraph("Your answer to #\(entry.id) is not finished: end it with an empty line (Ctrl-C clears it), then the command again.")
                    ))
            }
            if let refusal = refusal(of: command, renderer: renderer) {
                return .reply(remindingOfTheQuestion(refusal, renderer: renderer))
            }
            return .ended(debrief: endInterview(renderer: renderer))
        default:
            return .passThrough
        }
    }

    /// The error a mode-changing command would stop at (an unknown scope, a missing entry),
    /// found before the interview is ended for it: a typo must not cost the interview.
    private mutating func refusal(of command: Command, renderer: TextRenderer) -> SessionReply? {
        switch command {
        case .quiz(let name?), .cram(let name?):
            // startQuiz checks its scope before it changes anything.
            let cram = if case .cram = command { true } else { false }
            guard case .found(let scope) = QuizScope.resolve(name, in: corpus), !(cram && scope.needsSchedule) else {
                return startQuiz(name, cram: cram, renderer: renderer)
            }
            return nil
        case .explain(let query?):
            guard let number = Self.entryNumber(query.trimmingCharacters(in: .whitespaces)), corpus.entry(id: number) == nil else { return nil }
            return SessionReply("No entry #\(number). \(corpus.numberingDescription)")
        default:
            return nil
        }
    }

    /// A line of the interview's answer: collected until an empty line, which submits it. A
    /// few words are what the advice calls a yes-or-no answer, so the interviewer asks for
    /// more, once.
    mutating func collectInterviewAnswer(_ text: String, for entry: Entry, draft: AnswerDraft, renderer: TextRenderer) -> SessionReply {
        guard text.allSatisfy(\.isWhitespace) else { return addLine(text, to: draft, for: entry) }
        guard !draft.isEmpty, let interview else {
            return SessionReply("Take your time: type your answer (an empty line submits), or /skip to pass.")
        }
        if MockInterview.words(in: draft.text) < MockInterview.shortAnswerWords, !interview.askedForMore {
            self.interview?.askForMore()
            return SessionReply(renderer.paragraph("Could you say a little more? Add to your answer, or an empty line moves on."))
        }
        return submitInterviewAnswer(draft, for: entry, renderer: renderer)
    }

    private mutating func submitInterviewAnswer(_ draft: AnswerDraft, for entry: Entry, renderer: TextRenderer) -> SessionReply {
        let grade = grade(draft, for: entry)
        interview?.record(grade, words: MockInterview.words(in: draft.text))
        lastShown = entry.id
        return nextInterviewQuestion(renderer: renderer, preface: renderer.style.dim("Thank you."))
    }

    private mutating func nextInterviewQuestion(renderer: TextRenderer, preface: String) -> SessionReply {
        guard let interview, let next = interview.current else {
            return SessionReply(preface + "\n\n" + endInterview(renderer: renderer))
        }
        quiz = .answering(next, draft: AnswerDraft())
        return SessionReply(preface + "\n" + renderer.interviewQuestion(interview))
    }

    /// Ends the interview and returns its debrief; the tutor is back in ask mode, and a quiz
    /// question set aside for the interview is said to be waiting.
    private mutating func endInterview(renderer: TextRenderer) -> String {
        var debrief = interview.map { renderer.interviewDebrief($0) } ?? ""
        if let waiting = setAside.entry {
            debrief += "\n" + renderer.style.dim(renderer.paragraph("Your quiz question #\(waiting.id) is waiting: /quiz returns to it."))
        }
        interview = nil
        quiz = .idle
        mode = .ask
        return debrief
    }

    /// On leaving the tutor mid-interview: the debrief of what was answered.
    func interviewFarewell(renderer: TextRenderer) -> String? {
        guard let interview, !interview.answers.isEmpty else { return nil }
        return renderer.interviewDebrief(interview)
    }
}
