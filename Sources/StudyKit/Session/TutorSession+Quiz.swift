extension TutorSession {
    /// `/quiz [scope]` and `/cram [scope]`. Without a scope: the last one used this sitting, else
    /// `due` once there is progress, else everything.
    mutating func startQuiz(_ scopeName: String?, cram: Bool, renderer: TextRenderer) -> SessionReply {
        var chosen = scope
        if let scopeName {
            guard let resolved = QuizScope(scopeName, in: corpus) else {
                let tags = corpus.tagCounts.map(\.tag).joined(separator: ", ")
                let special = cram ? "" : "due, weak, "
                return SessionReply(renderer.paragraph(
                    "No topic or section \"\(scopeName)\". Try \(special)a section (\(corpus.sections.joined(separator: ", "))) or a topic: \(tags)."))
            }
            chosen = resolved
        }
        if cram, chosen?.needsSchedule == true {
            return SessionReply("/cram drills a topic or section without the schedule; use /quiz \(scopeName ?? "due") for \(chosen!.label).")
        }
        let resolved = chosen.flatMap { cram && $0.needsSchedule ? nil : $0 } ?? defaultScope(cram: cram)
        if !cram { scope = resolved }
        cramScope = cram ? resolved : nil
        mode = cram ? .cram : .quiz
        let count = resolved.entries(in: corpus).count
        let kind = cram ? "Cram (ratings change nothing)" : "Quiz"
        let size = resolved.needsSchedule ? "" : " (\(count) \(count == 1 ? "question" : "questions"))"
        let preface = renderer.style.dim("\(kind) over \(resolved.label)\(size).")
        return putNextQuestion(renderer: renderer, preface: preface)
    }

    private func defaultScope(cram: Bool) -> QuizScope {
        guard !cram, let progress, (try? progress.reviewCount(corpus: corpus.identity)) ?? 0 > 0 else { return .all }
        return .due
    }

    var activeScope: QuizScope { cramScope ?? scope ?? .all }

    mutating func putNextQuestion(renderer: TextRenderer, preface: String?) -> SessionReply {
        var parts = preface.map { [$0] } ?? []
        let scope = activeScope
        let candidates = scope.entries(in: corpus)
        let next = mode == .cram
            ? cramPlan.nextEntry(from: candidates, scope: scope, now: clock())
            : plan.nextEntry(from: candidates, scope: scope, now: clock())
        guard let entry = next else {
            quiz = .idle
            parts.append(renderer.paragraph(mode == .cram ? cramPlan.nothingToAsk(in: scope, now: clock()) : plan.nothingToAsk(in: scope, now: clock())))
            return SessionReply(parts.joined(separator: "\n"))
        }
        quiz = .answering(entry, draft: AnswerDraft())
        parts.append(renderer.heading(entry).joined(separator: "\n") + "\n" + renderer.metadata(entry))
        if !hasExplainedAnswering {
            hasExplainedAnswering = true
            parts.append(renderer.style.dim("Type your answer; an empty line submits. /skip or /reveal."))
        }
        return SessionReply(parts.joined(separator: "\n"))
    }

    mutating func collectAnswer(_ text: String, for entry: Entry, draft: AnswerDraft, renderer: TextRenderer) -> SessionReply {
        guard text.allSatisfy(\.isWhitespace) else {
            var draft = draft
            draft.append(text)
            quiz = .answering(entry, draft: draft)
            return SessionReply("")
        }
        guard !draft.isEmpty else {
            return SessionReply("Type your answer (an empty line submits), or /skip, /reveal.")
        }
        let grade = grader.grade(draft.text, forEntry: entry.id)!
        // What was graded is what the review log keeps.
        let answer = Grader.answerLimit.cut(draft.text).text
        quiz = .rating(entry, grade: grade, answer: answer)
        return SessionReply(renderer.grade(grade, entry: entry) + "\n" + renderer.ratingPrompt(suggested: grade.suggested))
    }

    mutating func rate(_ text: String, entry: Entry, grade: Grade?, answer: String, renderer: TextRenderer) -> SessionReply {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let rating = trimmed.isEmpty ? grade?.suggested : Rating(userInput: trimmed)
        guard let rating else {
            let hint = grade?.suggested == nil ? "" : " (Enter takes the suggestion)"
            return SessionReply("Type 1–4 or again, hard, good, easy\(hint).")
        }
        // A self-rated answer has no score: it must not pull the averages down.
        let score = grade?.selfRated == true ? nil : grade?.score
        let review = Review(entryID: entry.id, rating: rating, score: score, answer: answer, time: clock())
        var note = "Rated \(rating.name)."
        if mode == .cram {
            note += " (cram: not saved)"
        } else {
            do {
                if let due = try plan.record(review) { note += " Next " + RelativeTime.describe(due, from: review.time) + "." }
            } catch {
                note = "Rated \(rating.name), but it could not be saved (\(error)). Later ratings will try again."
            }
        }
        tally.add(score: score)
        return putNextQuestion(renderer: renderer, preface: note + " " + tally.summary + "\n")
    }

    mutating func skip(renderer: TextRenderer) -> SessionReply {
        guard mode == .quiz || mode == .cram, !isIdle else { return SessionReply("/skip works during a quiz question. /quiz starts one.") }
        return putNextQuestion(renderer: renderer, preface: renderer.style.dim("Skipped."))
    }

    mutating func reveal(renderer: TextRenderer) -> SessionReply {
        guard case .answering(let entry, _) = quiz else {
            return SessionReply("/reveal works while a quiz question waits for an answer. /quiz starts one.")
        }
        quiz = .rating(entry, grade: nil, answer: "")
        return SessionReply(renderer.reference(entry, missed: []) + "\n" + renderer.ratingPrompt(suggested: nil))
    }

    /// `/undo`: takes back the last rating of this sitting and asks that question again.
    mutating func undo(renderer: TextRenderer) -> SessionReply {
        guard mode != .cram else { return SessionReply("Cram ratings change nothing, so there is nothing to undo.") }
        let entryID: Int?
        do {
            entryID = try plan.undoLast()
        } catch {
            return SessionReply("Could not take the rating back (\(error)).")
        }
        guard let entryID, let entry = corpus.entry(id: entryID) else {
            return SessionReply("Nothing to undo: no rating given this sitting, or that entry was rated again elsewhere since.")
        }
        tally.removeLast()
        mode = .quiz
        quiz = .answering(entry, draft: AnswerDraft())
        return SessionReply("Took back the last rating of #\(entryID); its schedule is as it was. Answer it again:\n"
            + renderer.heading(entry).joined(separator: "\n") + "\n" + renderer.metadata(entry))
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
