/// How well a typed answer covers an entry's reference answer.
public struct Grade: Sendable, Equatable {
    public let entryID: Int
    /// 0–100: how much of the reference the answer covers, less what it gets wrong; 0 for a
    /// self-rated answer.
    public let score: Int
    /// Key terms the answer used, in the learner's own spelling.
    public let covered: [String]
    /// Key terms the answer left out, as the reference spells them.
    public let missed: [String]
    /// The analysed forms of `missed`, for highlighting them in the reference.
    public let missedTerms: Set<String>
    /// What the answer asserts that the reference contradicts, in words for the learner
    /// ("says JavaScript where the reference says Python").
    public var contradictions: [String] = []
    /// The question has no single right answer (the reference says so, or it asks for the
    /// learner's preference): the learner rates themselves against the reference.
    public var selfRated = false
    /// The share of the reference's key-term weight covered, 0...1.
    public var recall: Double = 0
    /// The share of the answer's own information, beyond the question's words, that belongs to
    /// this entry, 0...1.
    public var precision: Double = 0
    /// How close the answer is in meaning to the reference (embedding cosine), when known.
    public var similarity: Double?
    /// The answer was longer than `Grader.answerLimit`: only its beginning was graded.
    public var answerWasCut = false
    /// With a rubric: the key points the answer states, and those it leaves out, as statements.
    public var keyPointsCovered: [String] = []
    public var keyPointsMissed: [String] = []
    /// Common mistakes the answer comes close to in meaning without saying them in so many
    /// words: for the learner to compare with, never marked wrong.
    public var compareWith: [String] = []
    /// Why the suggested rating is only a guess (an answer that may or may not be a good one, a
    /// sweeping claim the reference does not make, signals that disagree); empty when the grader
    /// is sure.
    public var doubts: [String] = []
    /// The score by key terms alone, 0...1, and what the rubric showed: for tuning (`evaluate --grades`).
    var keyTermScore = 0.0
    /// The answer's cosine with its own entry less its best with any other entry.
    var ownEntryMargin: Double?
    var judgement: RubricJudge.Judgement?
    /// With a rubric and the sense of meaning: how likely the answer is a good one
    /// (`GoodAnswerOdds`), which moves the suggestion off its score band at the two ends.
    var goodOdds: Double?
    /// Sweeping claims the reference does not make (`Contradictions.Findings.doubtful`).
    var claims: [String] = []

    public init(entryID: Int, score: Int, covered: [String], missed: [String], missedTerms: Set<String>) {
        self.entryID = entryID
        self.score = score
        self.covered = covered
        self.missed = missed
        self.missedTerms = missedTerms
    }

    /// Score bands for the suggested rating, chosen on the dev split of the grading set
    /// (docs/retrieval-quality.md): below `hard` again, below `good` hard, below `easy` good.
    public static let ratingBands = RatingBands(hard: 48, good: 64, easy: 80)
    /// The bands for a grade by a rubric (`RubricFusion`'s score), chosen on its dev splits.
    public static let rubricRatingBands = RatingBands(hard: 20, good: 60, easy: 75)
    /// The bands this grade was suggested by.
    public internal(set) var bands = Grade.ratingBands

    /// The self-rating the grade suggests, which the learner may override; nil when the learner
    /// rates themselves. An answer that contradicts the reference is "again": it was not known.
    /// An answer very likely good is at least "good", and one very unlikely to be good at most
    /// "hard", whatever its score.
    public var suggested: Rating? {
        guard !selfRated else { return nil }
        guard contradictions.isEmpty else { return .again }
        let byScore: Rating =
            switch score {
            case ..<bands.hard: .again
            case ..<bands.good: .hard
            case ..<bands.easy: .good
            default: .easy
            }
        guard let goodOdds else { return byScore }
        if goodOdds >= GoodAnswerOdds.sureGood, byScore.rawValue < Rating.good.rawValue { return .good }
        if goodOdds <= GoodAnswerOdds.sureNotGood, byScore.rawValue > Rating.hard.rawValue { return .hard }
        return byScore
    }

    /// The score that averages count: none for a self-rated answer, which would pull them down.
    public var countedScore: Int? { selfRated ? nil : score }

    /// Whether the suggestion can be taken as it is: the grader found nothing that makes it unsure.
    public var suggestionSure: Bool { suggested != nil && doubts.isEmpty }

    /// What Enter takes at the rating prompt: the suggestion when the grader is sure, nothing
    /// otherwise (the learner rates themselves against the reference, as in Anki).
    public var preselected: Rating? { suggestionSure ? suggested : nil }

    /// `suggested`, or "good" where the learner rates themselves (what a report counts).
    public var suggestedRating: Rating { suggested ?? .good }
}

/// The lowest score of each rating but "again".
public struct RatingBands: Sendable, Equatable {
    public let hard: Int
    public let good: Int
    public let easy: Int
}
