extension TutorSession {
    /// A conversational move on the entry in focus: "tell me more", "why?", "explain that", "quiz
    /// me on that", "give me an example", "go back", "the second one".
    mutating func perform(_ move: ConversationalMove, renderer: TextRenderer) -> SessionReply {
        guard let target = conversation.target(of: move), let entry = corpus.entry(id: target) else {
            return SessionReply(renderer.paragraph(Self.needsContext(move)))
        }
        switch move {
        case .why:
            return why(nil, renderer: renderer)
        case .explain:
            return explain(String(entry.id), renderer: renderer)
        case .quiz:
            return quizOn(entry, renderer: renderer)
        case .more:
            let related = searcher.relatedEntries(toEntry: entry.id, limit: 3).map(\.entry)
            return SessionReply(renderer.more(on: entry, related: related))
        case .example:
            let related = searcher.relatedEntries(toEntry: entry.id, limit: 8).map(\.entry)
            return SessionReply(renderer.examples(of: entry, elsewhere: related.filter { !EntryExamples.lines(of: $0).isEmpty }))
        case .back, .hit:
            lastShown = entry.id
            conversation.focus(on: entry, goingBack: move == .back)
            return SessionReply(renderer.entry(entry))
        }
    }

    /// What a move needs when nothing has been discussed yet.
    static func needsContext(_ move: ConversationalMove) -> String {
        switch move {
        case .back: "There is nothing to go back to yet: ask a question first."
        case .hit: "Ask a question first; then \"the second one\" shows its second result."
        case .why: "Ask a question first; /why then shows how it was answered."
        case .more: "Ask a question first; then \"tell me more\" continues it."
        case .explain: "Ask a question first; then \"explain that\" explains its answer (or /explain N)."
        case .quiz: "Ask a question first; then \"quiz me on that\" quizzes you on its answer (or /quiz)."
        case .example: "Ask a question first; then \"give me an example\" shows its answer's examples."
        }
    }

    /// A quiz question on one entry, then the quiz goes on over that entry's topic.
    mutating func quizOn(_ entry: Entry, renderer: TextRenderer) -> SessionReply {
        setQuestionAside()
        if let tag = entry.tags.first, case .found(let topic) = QuizScope.resolve(tag, in: corpus) { scope = topic }
        cramScope = nil
        mode = .quiz
        quiz = .answering(entry, draft: AnswerDraft())
        var parts = [renderer.style.dim(renderer.paragraph("A question on #\(entry.id); /quiz goes on over \(activeScope.label)."))]
        parts.append(pendingQuestion(renderer: renderer))
        if !hasExplainedAnswering {
            hasExplainedAnswering = true
            parts.append(renderer.style.dim(renderer.paragraph("Type your answer; an empty line submits. /skip, /reveal, or /edit for your editor.")))
        }
        return SessionReply(parts.joined(separator: "\n"))
    }
}
