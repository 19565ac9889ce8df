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
        setQuestionAside()
        let interview = MockInterview(count: count, from: corpus, using: &generator)
        guard let first = interview.current else { return SessionReply("This corpus has no questions to interview you on.") }
        var sections: [String] = []
        for entry in interview.questions where !sections.contains(entry.section) { sections.append(entry.section) }
        // Three sections read well in full (Beginner to Intermediate to Advanced); more, by the ends.
        let span = sections.count > 3 ? [sections.first!, sections.last!] : sections
        let order = sections.count > 1 ? ", from \(span.joined(separator: " to "))" : ""
        let questions = interview.questions.count == 1 ? "1 question" : "\(interview.questions.count) questions"
        let intro = renderer.paragraph(
            "Mock interview: \(questions)\(order). Answer as you would aloud, in full sentences; an empty line submits, /skip passes. "
                + "Scores come at the end, and nothing changes your schedule.")
        self.interview = interview
        mode = .interview
        quiz = .answering(first, draft: AnswerDraft())
        return SessionReply(renderer.style.dim(intro) + "\n\n" + renderer.interviewQuestion(interview))
    }

    /// The interview's part in a command typed while it is under way.
    mutating func interviewHandling(of command: Command, renderer: TextRenderer) -> InterviewHandling {
        guard let interview else { return .passThrough }
        switch command {
        case .interview:
            let status = renderer.paragraph("An interview is under way: answer, or /skip to pass. /ask ends it early, with its debrief.")
            return .reply(SessionReply(status + "\n" + pendingQuestion(renderer: renderer)))
        case .skip:
            self.interview?.record(nil, words: 0)
            return .reply(nextInterviewQuestion(renderer: renderer, preface: renderer.style.dim("Passed.")))
        case .reveal:
            return .reply(
                SessionReply(
                    renderer.paragraph("An interviewer does not show the answer: give yours, or /skip to pass. The debrief at the end says what to study.")))
        case .undo:
            return .reply(SessionReply("An interview changes nothing in your progress, so there is nothing to undo."))
        case .ask, .quiz, .cram, .explain:
            if quiz.hasTypedWork {
                return .reply(
                    SessionReply(
                        renderer.paragraph("Your answer to question \(interview.answers.count + 1) is not finished: an empty line submits it, or /skip passes.")
                    ))
            }
            return .ended(debrief: endInterview(renderer: renderer))
        default:
            return .passThrough
        }
    }

    /// A line of the interview's answer: collected until an empty line, which submits it. A
    /// few words are what the advice calls a yes-or-no answer, so the interviewer asks for
    /// more, once.
    mutating func collectInterviewAnswer(_ text: String, for entry: Entry, draft: AnswerDraft, renderer: TextRenderer) -> SessionReply {
        guard text.allSatisfy(\.isWhitespace) else {
            var draft = draft
            draft.append(text)
            quiz = .answering(entry, draft: draft)
            return SessionReply("")
        }
        guard !draft.isEmpty, var interview else {
            return SessionReply("Take your time: type your answer (an empty line submits), or /skip to pass.")
        }
        let words = MockInterview.words(in: draft.text)
        if words < MockInterview.shortAnswerWords, !interview.askedForMore {
            interview.askedForMore = true
            self.interview = interview
            return SessionReply(renderer.paragraph("Could you say a little more? Add to your answer, or an empty line moves on."))
        }
        var grade = grader.grade(draft.text, forEntry: entry.id)!
        grade.answerWasCut = grade.answerWasCut || draft.wasCut
        interview.record(grade, words: words)
        self.interview = interview
        lastAnswered = entry
        return nextInterviewQuestion(renderer: renderer, preface: renderer.style.dim("Thank you."))
    }

    /// The next question, or the debrief after the last.
    private mutating func nextInterviewQuestion(renderer: TextRenderer, preface: String) -> SessionReply {
        guard let interview, let next = interview.current else {
            return SessionReply(preface + "\n\n" + endInterview(renderer: renderer))
        }
        quiz = .answering(next, draft: AnswerDraft())
        return SessionReply(preface + "\n" + renderer.interviewQuestion(interview))
    }

    /// Ends the interview and returns its debrief; the tutor is back in ask mode.
    private mutating func endInterview(renderer: TextRenderer) -> String {
        let debrief = interview.map { renderer.interviewDebrief($0) } ?? ""
        interview = nil
        quiz = .idle
        mode = .ask
        return debrief
    }

    /// `Interview left after 2 of 6 questions, average 61.`, on leaving the tutor mid-interview.
    var interviewFarewell: String? {
        guard let interview else { return nil }
        let average = interview.averageScore.map { ", average \($0)" } ?? ""
        return "Interview left after \(interview.answers.count) of \(interview.questions.count) questions\(average)."
    }
}
