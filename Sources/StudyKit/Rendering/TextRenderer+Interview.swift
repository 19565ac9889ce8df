extension TextRenderer {
    /// What the interview will be and how to answer.
    func interviewIntroduction(_ interview: MockInterview) -> String {
        let sections = interview.sectionsAsked
        // Three sections read well in full (Beginner to Intermediate to Advanced); more, by the ends.
        let span = sections.count > 3 ? [sections[0], sections[sections.count - 1]] : sections
        let order = sections.count > 1 ? ", from \(span.joined(separator: " to "))" : ""
        let count = interview.questions.count
        return style.dim(
            paragraph(
                "Mock interview: \(count) \(count == 1 ? "question" : "questions")\(order). Answer as you would aloud, in full sentences; "
                    + "an empty line submits, /skip passes. Scores come at the end, and nothing changes your schedule."))
    }

    /// `Question 2 of 6 · Beginner`, then the question.
    func interviewQuestion(_ interview: MockInterview) -> String {
        guard let entry = interview.current else { return "" }
        let position = "Question \(interview.number) of \(interview.questions.count) · \(entry.section)"
        return style.dim(paragraph(position)) + "\n" + heading(entry).joined(separator: "\n")
    }

    /// The end of a mock interview: a line per question with its score, what the interviewer
    /// noticed, and what to study next.
    func interviewDebrief(_ interview: MockInterview) -> String {
        let answers = interview.answers
        guard !answers.isEmpty else { return paragraph("Interview over: no question was answered, so there is nothing to go over.") }
        let passed = answers.filter(\.passed).count
        let asked = interview.questions.count
        var summary = "Interview over: \(answers.count) of \(asked) \(asked == 1 ? "question" : "questions")"
        if passed > 0 { summary += ", \(passed) passed" }
        summary += interview.averageScore.map { " · average \($0)" } ?? ""
        var lines = [style.bold(paragraph(summary))]
        for answer in answers {
            let result =
                if answer.passed { "passed" } else if let score = answer.score { "\(score)" } else { "open" }
            lines.append(entryLine(answer.entry, indent: "  " + Self.pad(result, to: 8)))
            if let grade = answer.grade, answer.score.map({ $0 < Grade.ratingBands.good }) == true, !grade.missed.isEmpty {
                lines.append(style.dim(paragraph("missed: " + grade.missed.prefix(5).joined(separator: ", "), indent: Self.debriefIndent)))
            }
        }
        let sections = interview.sectionScores
        if sections.count > 1 {
            lines.append(paragraph("By section: " + sections.map { "\($0.section) \($0.score)" }.joined(separator: " · ")))
        }
        lines += interviewNotes(interview).flatMap { wrapper.wrap($0, indent: "    ", firstIndent: "  - ") }
        let review = interview.toReview.map { "#\($0.id)" }
        if !review.isEmpty {
            lines.append(paragraph("Study next: " + review.joined(separator: ", ") + " (/show N shows one, /explain N its key terms)."))
        }
        return lines.joined(separator: "\n")
    }

    /// Under a debrief line's entry number: two spaces and the eight columns of its result.
    private static let debriefIndent = String(repeating: " ", count: 10)

    /// What an interviewer following the corpus's advice would remark on.
    private func interviewNotes(_ interview: MockInterview) -> [String] {
        var notes: [String] = []
        for answer in interview.answers {
            for contradiction in answer.grade?.contradictions ?? [] {
                notes.append("#\(answer.entry.id): \(contradiction).")
            }
        }
        let short = interview.answers.filter(\.isShort).count
        if short > 0 {
            let count = short == 1 ? "One answer was" : "\(short) answers were"
            notes.append("\(count) only a few words long. Avoid yes-or-no answers: take each question as a chance to talk about what you know.")
        }
        if interview.answers.contains(where: \.passed) {
            notes.append("Nobody can answer every question on the spot; when you cannot, say what you do know and how you would find out.")
        }
        let open = interview.answers.filter { $0.grade?.selfRated == true }.map { "#\($0.entry.id)" }
        if !open.isEmpty {
            let which = open.count == 1 ? "\(open[0]) has" : "\(open.joined(separator: ", ")) have"
            notes.append("\(which) no single right answer, so no score: compare yours with the reference (/show N).")
        }
        return notes
    }
}
