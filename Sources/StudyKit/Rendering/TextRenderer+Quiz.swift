import Foundation

extension TextRenderer {
    /// `Score 55 · covered: OR, combine · missed: AND, NOT, reusable`, then the reference answer
    /// with the missed terms highlighted.
    public func grade(_ grade: Grade, entry: Entry) -> String {
        guard !grade.selfRated else {
            return paragraph("There is no single right answer to this one: compare yours with the reference and rate yourself.")
                + "\n" + reference(entry, missed: [])
        }
        let score =
            switch grade.score {
            case grade.bands.easy...: style.good("Score \(grade.score)")
            case ..<grade.bands.hard: style.bad("Score \(grade.score)")
            default: style.bold("Score \(grade.score)")
            }
        // A score with no key term covered comes from the rest of the reference's words and from
        // closeness in meaning; saying so keeps "Score 8" from reading as a bug.
        let covered =
            !grade.covered.isEmpty
            ? grade.covered.joined(separator: ", ")
            : grade.score > 0 ? "no key term, only related wording" : "none of the key terms"
        let missed = grade.missed.isEmpty ? "nothing" : grade.missed.joined(separator: ", ")
        var lines: [String]
        let points = grade.keyPointsCovered.count + grade.keyPointsMissed.count
        if points > 0 {
            // With a rubric, feedback names the ideas stated and missed, not the reference's rare words.
            lines = wrapper.wrap("\(score) · \(grade.keyPointsCovered.count) of \(points) key points stated")
            for point in grade.keyPointsCovered { lines += wrapper.wrap(style.good("stated:") + " \(point)", indent: Self.indent) }
            for point in grade.keyPointsMissed { lines += wrapper.wrap(style.bad("missed:") + " \(point)", indent: Self.indent) }
            for mistake in grade.compareWith {
                lines += wrapper.wrap(style.dim("compare with a common mistake:") + " \(mistake)", indent: Self.indent)
            }
        } else {
            lines = wrapper.wrap("\(score) · covered: \(covered) · missed: \(missed)")
        }
        if grade.answerWasCut {
            lines += wrapper.wrap(style.dim("(only the first \(Grader.answerLimit.description) of the answer were graded)"))
        }
        for contradiction in grade.contradictions {
            lines += wrapper.wrap(style.bad("Contradicts the reference:") + " \(contradiction)", indent: Self.indent)
        }
        if !grade.doubts.isEmpty, grade.suggested != nil {
            lines += wrapper.wrap(style.dim("No suggestion: \(grade.doubts.joined(separator: "; "))."), indent: Self.indent)
        }
        return lines.joined(separator: "\n") + "\n" + reference(entry, missed: grade.missedTerms)
    }

    /// For the one-shot `grade`, where the quiz's rating prompt would be: the suggestion when the
    /// grader is sure of it (what Enter takes), else that the learner rates themselves; nil for a
    /// self-rated question, whose grade says so already.
    public func suggestion(_ grade: Grade) -> String? {
        guard !grade.selfRated else { return nil }
        guard let rating = grade.preselected else {
            return paragraph("No suggested rating: rate yourself against the reference above.")
        }
        return "Suggested rating: " + style.bold(rating.name)
    }

    /// The reference answer under a `Reference:` label, with `missed` terms highlighted.
    public func reference(_ entry: Entry, missed: Set<String>) -> String {
        let highlighter = TermHighlighter(terms: missed, style: style)
        let body = markdown.render(entry.answer, indent: Self.indent, emphasis: highlighter.highlight)
        return style.dim("Reference:") + "\n" + body.joined(separator: "\n")
    }

    /// `Rate it [1] again 1m  [2] hard 6m  [3] good 10m  [4] easy 4d`: each choice with the
    /// interval it would give, as Anki's buttons show them, when `intervals` holds them.
    /// `selfRated`: nothing is suggested because the grader is unsure (or the question is open):
    /// the prompt says so, and Enter takes nothing.
    public func ratingPrompt(suggested: Rating?, intervals: [Rating: TimeInterval] = [:], selfRated: Bool = false) -> String {
        let choices = Rating.allCases.map { rating in
            "[\(rating.rawValue)] \(rating.name)" + (intervals[rating].map { " " + RelativeTime.short($0) } ?? "")
        }
        let suggestion =
            suggested.map { "(suggested: \($0.rawValue) \($0.name); Enter takes it)" } ?? (selfRated ? "(rate yourself: the reference is above)" : nil)
        // Choices stay whole on a line, two spaces apart when they carry intervals.
        let gap = intervals.isEmpty ? " " : "  "
        var lines: [String] = []
        var line = "Rate it"
        for (index, item) in (choices + (suggestion.map { [$0] } ?? [])).enumerated() {
            let separator = index == 0 || index == choices.count ? " " : gap
            if TextStyle.visibleWidth(line) + separator.count + TextStyle.visibleWidth(item) > width {
                lines.append(line)
                line = "  " + item
            } else {
                line += separator + item
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
