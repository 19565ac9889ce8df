extension TextRenderer {
    /// `Score 55 · covered: OR, combine · missed: AND, NOT, reusable`, then the reference answer
    /// with the missed terms highlighted.
    public func grade(_ grade: Grade, entry: Entry) -> String {
        guard !grade.selfRated else {
            return paragraph("There is no single right answer to this one: compare yours with the reference and rate yourself.")
                + "\n" + reference(entry, missed: [])
        }
        let score = switch grade.score {
        case 80...: style.good("Score \(grade.score)")
        case ..<45: style.bad("Score \(grade.score)")
        default: style.bold("Score \(grade.score)")
        }
        let covered = grade.covered.isEmpty ? "none of the key terms" : grade.covered.joined(separator: ", ")
        let missed = grade.missed.isEmpty ? "nothing" : grade.missed.joined(separator: ", ")
        var lines = wrapper.wrap("\(score) · covered: \(covered) · missed: \(missed)")
        if grade.answerWasCut {
            lines += wrapper.wrap(style.dim("(only the first \(Grader.answerLimit.description) of the answer were graded)"))
        }
        for contradiction in grade.contradictions {
            lines += wrapper.wrap(style.bad("Contradicts the reference:") + " \(contradiction)", indent: Self.indent)
        }
        return lines.joined(separator: "\n") + "\n" + reference(entry, missed: grade.missedTerms)
    }

    /// The reference answer under a `Reference:` label, with `missed` terms highlighted.
    public func reference(_ entry: Entry, missed: Set<String>) -> String {
        let highlighter = TermHighlighter(terms: missed, style: style)
        let body = markdown.render(entry.answer, indent: Self.indent, emphasis: highlighter.highlight)
        return style.dim("Reference:") + "\n" + body.joined(separator: "\n")
    }

    public func ratingPrompt(suggested: Rating?) -> String {
        let choices = Rating.allCases.map { "[\($0.rawValue)] \($0.name)" }.joined(separator: " ")
        let suggestion = suggested.map { " (suggested: \($0.rawValue) \($0.name); Enter takes it)" } ?? ""
        return paragraph("Rate it \(choices)\(suggestion)")
    }
}
