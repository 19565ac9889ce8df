extension TutorSession {
    mutating func startQuiz(_ scopeName: String?, renderer: TextRenderer) -> SessionReply {
        if let scopeName {
            guard let resolved = QuizScope(scopeName, in: corpus) else {
                let tags = corpus.tagCounts.map(\.tag).joined(separator: ", ")
                return SessionReply(renderer.paragraph(
                    "No topic or section \"\(scopeName)\". Sections: \(corpus.sections.joined(separator: ", ")). Topics: \(tags)."))
            }
            scope = resolved
        }
        mode = .quiz
        let count = scope.entries(in: corpus).count
        let preface = renderer.style.dim("Quiz over \(scope.label) (\(count) \(count == 1 ? "question" : "questions")).")
        return putNextQuestion(renderer: renderer, preface: preface)
    }

    mutating func putNextQuestion(renderer: TextRenderer, preface: String?) -> SessionReply {
        var parts = preface.map { [$0] } ?? []
        guard let entry = plan.nextEntry(from: scope.entries(in: corpus), now: clock()) else {
            quiz = .idle
            parts.append("Nothing to ask in \(scope.label) right now. /quiz with another topic, or /ask.")
            return SessionReply(parts.joined(separator: "\n"))
        }
        quiz = .answering(entry, lines: [])
        parts.append(renderer.heading(entry).joined(separator: "\n") + "\n" + renderer.metadata(entry))
        if !hasExplainedAnswering {
            hasExplainedAnswering = true
            parts.append(renderer.style.dim("Type your answer; an empty line submits. /skip or /reveal."))
        }
        return SessionReply(parts.joined(separator: "\n"))
    }

    mutating func collectAnswer(_ text: String, for entry: Entry, lines: [String], renderer: TextRenderer) -> SessionReply {
        let isBlank = text.allSatisfy(\.isWhitespace)
        guard isBlank else {
            quiz = .answering(entry, lines: lines + [text])
            return SessionReply("")
        }
        guard !lines.isEmpty else {
            return SessionReply("Type your answer (an empty line submits), or /skip, /reveal.")
        }
        let answer = lines.joined(separator: "\n")
        let grade = grader.grade(answer, forEntry: entry.id)!
        quiz = .rating(entry, grade: grade, answer: answer)
        return SessionReply(renderer.grade(grade, entry: entry) + "\n" + renderer.ratingPrompt(suggested: grade.suggestedRating))
    }

    mutating func rate(_ text: String, entry: Entry, grade: Grade?, answer: String, renderer: TextRenderer) -> SessionReply {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let rating = trimmed.isEmpty ? grade?.suggestedRating : Rating(userInput: trimmed)
        guard let rating else {
            let hint = grade == nil ? "" : " (Enter takes the suggestion)"
            return SessionReply("Type 1–4 or again, hard, good, easy\(hint).")
        }
        let review = Review(entryID: entry.id, rating: rating, score: grade?.score, answer: answer, time: clock())
        let due = plan.record(review)
        tally.add(score: grade?.score)
        var note = "Rated \(rating.name)."
        if let due { note += " Next " + RelativeTime.describe(due, from: review.time) + "." }
        return putNextQuestion(renderer: renderer, preface: note + " " + tally.summary + "\n")
    }

    mutating func skip(renderer: TextRenderer) -> SessionReply {
        guard mode == .quiz, !isIdle else { return SessionReply("/skip works during a quiz question. /quiz starts one.") }
        return putNextQuestion(renderer: renderer, preface: renderer.style.dim("Skipped."))
    }

    mutating func reveal(renderer: TextRenderer) -> SessionReply {
        guard case .answering(let entry, _) = quiz else {
            return SessionReply("/reveal works while a quiz question waits for an answer. /quiz starts one.")
        }
        quiz = .rating(entry, grade: nil, answer: "")
        return SessionReply(renderer.reference(entry, missed: []) + "\n" + renderer.ratingPrompt(suggested: nil))
    }

    /// Leaving quiz mode abandons an open question; nothing is recorded for it.
    mutating func leaveQuiz() {
        quiz = .idle
    }

    var isIdle: Bool {
        if case .idle = quiz { return true }
        return false
    }
}
