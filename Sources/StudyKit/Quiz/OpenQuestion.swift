/// Questions with no single right answer: the reference says so ("there isn't a correct
/// answer"), or the question asks for the learner's own preference ("do you like", "do you
/// prefer"). Grading such an answer against the reference's words would punish a fine answer
/// that names other packages or databases, so the learner rates it themselves.
enum OpenQuestion {
    static let preferenceCues = [
        "do you like", "do you prefer", "would you prefer", "your favorite", "your favourite",
        "would you choose", "would you pick",
    ]
    static let noAnswerCues = [
        "no correct answer", "isn't a correct answer", "is not a correct answer", "no right answer",
        "no single right answer", "no single correct answer", "no wrong answer", "open-ended",
    ]

    static func isOpen(_ entry: Entry) -> Bool {
        let question = entry.question.lowercased()
        let answer = entry.answer.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        return preferenceCues.contains(where: question.contains) || noAnswerCues.contains(where: answer.contains)
    }
}

/// Sentences of a reference answer that speak about the interview rather than the subject
/// ("Bonus points if you can compare…", "Extra credit if you mention…", "The respondent should be
/// able to…"): what they name is welcome in an answer but never required, so their words are
/// not key terms.
enum InterviewRemark {
    static let cues = [
        "bonus point", "extra credit", "should be able to", "is a plus", "respondent", "responder",
        "candidate", "interviewer", "could take up the entire interview",
    ]

    static func isRemark(_ sentence: String) -> Bool {
        let lowered = sentence.lowercased()
        return cues.contains(where: lowered.contains)
    }

    /// The sentences of an answer that say something of the subject: all but its remarks, unless
    /// the answer is a single sentence.
    static func assertions(of entry: Entry) -> [String] {
        let sentences = Sentences.split(MarkdownText.plain(entry.answer))
        return sentences.count > 1 ? sentences.filter { !isRemark($0) } : sentences
    }
}
