/// A mock interview as the corpus's own advice describes one: a short list of questions of rising
/// difficulty, ice-breakers first; answers in full sentences, not yes or no; no verdict until the
/// end; passing on a question allowed, since nobody can answer every one on the spot.
///
/// Sections are taken as ordered easiest first, as the built-in corpus's are (Beginner,
/// Intermediate, Advanced) and as a FAQ's usually are (general questions before special ones).
/// Nothing here touches the schedule: an interview is a rehearsal, not a review.
struct MockInterview: Sendable {
    static let standardLength = 6
    static let longest = 15
    /// An answer this short is what the advice calls a yes-or-no answer: the interviewer asks
    /// for more, once.
    static let shortAnswerWords = 8

    let questions: [Entry]
    private(set) var answers: [Answer] = []
    /// Whether the interviewer has already asked for more on the current question.
    private(set) var askedForMore = false

    struct Answer: Sendable {
        let entry: Entry
        /// Nil when the learner passed.
        let grade: Grade?
        let words: Int

        var passed: Bool { grade == nil }
        var isShort: Bool { !passed && words < MockInterview.shortAnswerWords }
        /// Nil when passed or self-rated.
        var score: Int? { grade?.countedScore }
    }

    init(questions: [Entry]) {
        self.questions = questions
    }

    /// `count` questions from `corpus`, spread over its sections in order and at random within
    /// each: with at least as many questions as sections, each section gets an even share and the
    /// earlier ones any remainder (6 over three sections: 2, 2, 2; 5: 2, 2, 1); with fewer, the
    /// sections asked from are spread from the first to the last. A section too small for its
    /// share passes the rest on to the next; what the last cannot hold comes from the nearest
    /// earlier sections, so that the interview still ends on its hardest questions. Questions in
    /// `asked` (earlier interviews of the sitting) come only once a section has no others.
    init(count: Int, from corpus: Corpus, asked: Set<Int> = [], using generator: inout some RandomNumberGenerator) {
        let sections = corpus.sections.map { name in
            let shuffled = corpus.entries(inSection: name).shuffled(using: &generator)
            return shuffled.filter { !asked.contains($0.id) } + shuffled.filter { asked.contains($0.id) }
        }.filter { !$0.isEmpty }
        let count = min(count, corpus.entries.count)
        var shares = [Int](repeating: 0, count: sections.count)
        if count >= sections.count {
            for index in shares.indices { shares[index] = count / sections.count + (index < count % sections.count ? 1 : 0) }
        } else if count == 1 {
            shares[0] = 1
        } else {
            for step in 0..<count { shares[(step * (sections.count - 1) + (count - 1) / 2) / (count - 1)] += 1 }
        }
        var chosen: [Entry] = []
        var carried = 0
        for (index, section) in sections.enumerated() {
            let wanted = shares[index] + carried
            chosen += section.prefix(wanted)
            carried = max(0, wanted - section.count)
        }
        if carried > 0 {
            let asked = Set(chosen.map(\.id))
            chosen += sections.reversed().flatMap { $0 }.filter { !asked.contains($0.id) }.prefix(carried)
            let order = Dictionary(uniqueKeysWithValues: corpus.sections.enumerated().map { ($1, $0) })
            chosen = chosen.enumerated().sorted { (order[$0.element.section]!, $0.offset) < (order[$1.element.section]!, $1.offset) }
                .map(\.element)
        }
        self.init(questions: chosen)
    }

    /// The question waiting for an answer; nil once every one is answered or passed.
    var current: Entry? { answers.count < questions.count ? questions[answers.count] : nil }

    /// The current question's place: 1 for the first.
    var number: Int { answers.count + 1 }

    /// The sections asked from, in the order first asked.
    var sectionsAsked: [String] {
        var sections: [String] = []
        for entry in questions where !sections.contains(entry.section) { sections.append(entry.section) }
        return sections
    }

    mutating func askForMore() {
        askedForMore = true
    }

    /// The answer was cleared (Ctrl-C): a new one may be asked for more again.
    mutating func restartAnswer() {
        askedForMore = false
    }

    mutating func record(_ grade: Grade?, words: Int) {
        guard let current else { return }
        answers.append(Answer(entry: current, grade: grade, words: words))
        askedForMore = false
    }

    /// The mean score of the scored answers; nil when there are none.
    var averageScore: Int? { Self.mean(answers.compactMap(\.score)) }

    /// Each section with a scored answer, in the order asked, with the mean of its scores.
    var sectionScores: [(section: String, score: Int)] {
        sectionsAsked.compactMap { section in
            Self.mean(answers.filter { $0.entry.section == section }.compactMap(\.score)).map { (section, $0) }
        }
    }

    /// The entries to study after the interview: passed, contradicted, or scored below a "good"
    /// rating, in the order they were asked.
    var toReview: [Entry] {
        answers.filter { answer in
            guard let grade = answer.grade else { return true }
            return !grade.contradictions.isEmpty || (answer.score.map { $0 < Grade.ratingBands.good } ?? false)
        }.map(\.entry)
    }

    static func words(in answer: String) -> Int {
        answer.split { $0.isWhitespace }.count
    }

    private static func mean(_ scores: [Int]) -> Int? {
        scores.isEmpty ? nil : Int((Double(scores.reduce(0, +)) / Double(scores.count)).rounded())
    }
}
