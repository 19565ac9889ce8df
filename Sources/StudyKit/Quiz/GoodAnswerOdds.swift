import Foundation

/// How likely a fair interviewer would call an answer graded by a rubric a good one: a logistic
/// function of what grading measured, fitted on the dev splits of both graded corpora
/// (`scripts/fit-grading-weights`).
///
/// The score orders answers; this decides when the grader may be sure of its suggestion. A
/// good answer and a partial or wrong one are told apart far better than a partial answer from a
/// fluent wrong one (which comes as close to the key points), so the grader is sure only at the
/// two ends: an answer very likely good is suggested "good" or "easy", one very unlikely to be
/// good "again" or "hard" by its score, and everything between is left to the learner.
struct GoodAnswerOdds: Sendable {
    struct Features: Sendable, Equatable {
        /// The fused score, 0...1.
        var score: Double
        /// The key points' mean coverage in words, their weighted coverage, and their mean
        /// coverage in meaning.
        var lexicalCoverage: Double
        var coverage: Double
        var semanticCoverage: Double
        var keyTermScore: Double
        /// The answer's cosine with the reference, and how much closer it comes to its own entry
        /// than to any other.
        var similarity: Double
        var ownEntryMargin: Double
        /// The share of key points stated, and the least any is covered.
        var statedShare: Double
        var leastCoverage: Double
        var precision: Double
        var contradicted: Bool
        /// As `RubricFusion.Features` has them: what the answer says beyond the reference and its
        /// key points, and the share of its terms they use.
        var beyondReference: Double
        var shareInReference: Double

        var vector: [Double] {
            [
                score, lexicalCoverage, coverage, semanticCoverage, keyTermScore, similarity, statedShare, leastCoverage,
                ownEntryMargin, precision, contradicted ? 1 : 0, beyondReference, shareInReference,
            ]
        }
    }

    static let weights = [5.161, 3.322, 1.259, 0.167, 2.442, -0.603, 1.066, -0.414, -0.228, -0.026, -0.616, 1.557, 2.880]
    static let bias = -12.525

    /// At or above, the answer is taken as good; at or below, as not good (chosen on the dev
    /// splits: the widest band of sure suggestions with no serious error among them).
    static let sureGood = 0.9
    static let sureNotGood = 0.1

    /// 0...1.
    static func probability(_ features: Features) -> Double {
        let linear = zip(weights, features.vector).reduce(bias) { $0 + $1.0 * $1.1 }
        return 1 / (1 + exp(-linear))
    }

    static func features(of grade: Grade, judgement: RubricJudge.Judgement) -> Features? {
        // Fitted on grades with embeddings: without them its features mean something else.
        let coverage = judgement.coverage
        guard !coverage.isEmpty, !judgement.sentenceKeyCosines.isEmpty else { return nil }
        return Features(
            score: Double(grade.score) / 100, lexicalCoverage: judgement.meanLexical, coverage: judgement.score,
            semanticCoverage: judgement.meanSemantic,
            keyTermScore: grade.keyTermScore, similarity: grade.similarity ?? 0, ownEntryMargin: grade.ownEntryMargin ?? 0,
            statedShare: Double(coverage.filter { $0 >= Grader.statedCoverage }.count) / Double(coverage.count),
            leastCoverage: coverage.min() ?? 0, precision: grade.precision, contradicted: !grade.contradictions.isEmpty,
            beyondReference: log(1 + Double(judgement.termsBeyondReference)), shareInReference: judgement.shareInReference)
    }
}
