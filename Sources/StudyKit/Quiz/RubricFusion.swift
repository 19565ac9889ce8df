import Foundation

/// The score of an answer graded by a rubric: one linear function of what grading measures, fitted
/// on the dev splits of both graded corpora (the built-in one and the Python FAQ) so that good
/// answers score above partial ones and partial ones above wrong ones, pair by pair (logistic
/// regression on the differences of each triple's features; `scripts/fit-grading-weights`), then
/// mapped onto 0...100. Each measure counts as a fair interviewer would count it: stating the key
/// points (in meaning and in words; the weighted coverage mostly through its products below), the
/// reference's key terms, staying on the entry and saying mostly what the entry and its key points
/// say count for the answer; closeness to a common mistake, sentences nearer a mistake than any
/// key point, contradictions and sweeping claims count against it. What is said beyond the entry
/// weighs against the answer in proportion to what it leaves uncovered (as the words the entry does
/// not support always did, through `precision`), and for it beside an entry fully covered.
struct RubricFusion: Sendable {
    struct Features: Sendable, Equatable {
        /// Weighted coverage of the key points, and its means by meaning and by words alone.
        var coverage: Double
        var semanticCoverage: Double
        var lexicalCoverage: Double
        var keyTermScore: Double
        /// The most a sentence comes closer to a misconception than to any key point, and the
        /// closest any comes to a misconception.
        var misconceptionMargin: Double
        var misconceptionCosine: Double
        /// The least a sentence comes closer to a key point than to a misconception, and the share
        /// of sentences that come at least as close to a misconception.
        var worstSentenceMargin: Double
        var sentencesNearMistakes: Double
        var precision: Double
        var contradicted: Bool
        var assertsMisconception: Bool
        var makesClaims: Bool
        /// How much the answer says beyond the reference and its key points (the logarithm of
        /// 1 + its terms they never use), and the share of its terms they use: a fluent wrong
        /// answer says much that neither uses. Its products with the coverage let the weight of
        /// what is said beyond them turn with it: against the answer beside an entry it barely
        /// covers, for it (extra detail) beside one it covers fully.
        var beyondReference: Double
        var shareInReference: Double

        var vector: [Double] {
            [
                coverage, semanticCoverage, lexicalCoverage, keyTermScore, misconceptionMargin, misconceptionCosine,
                worstSentenceMargin, sentencesNearMistakes, precision, contradicted ? 1 : 0, assertsMisconception ? 1 : 0,
                makesClaims ? 1 : 0, beyondReference, shareInReference, beyondReference * coverage, beyondReference * (1 - coverage),
            ]
        }
    }

    static let weights = [
        -0.101, 0.424, 0.942, 1.304, -0.343, -0.869, 0.322, -0.819, 0.087, -1.344, -1.005, -0.910, -0.362, 0.618, 0.491, -0.853,
    ]
    /// The linear score halfway between the dev splits' median good and median partial answer
    /// maps to 50; `slope` spreads the rest over 0...100.
    static let centre = 1.479
    static let slope = 1.385

    /// 0...1.
    static func score(_ features: Features) -> Double {
        let linear = zip(weights, features.vector).reduce(0) { $0 + $1.0 * $1.1 }
        return 1 / (1 + exp(-(linear - centre) * slope))
    }

    /// The features of a judgement with embeddings (nil without: there is nothing to fuse).
    static func features(
        of judgement: RubricJudge.Judgement, keyTermScore: Double, precision: Double, contradicted: Bool, makesClaims: Bool
    ) -> Features? {
        let keys = judgement.sentenceKeyCosines
        let mistakes = judgement.sentenceMisconceptionCosines
        guard !keys.isEmpty, keys.count == mistakes.count, !judgement.semantic.isEmpty else { return nil }
        // The whole answer comes last when it has several sentences: the sentences speak for it.
        let sentences = keys.count == 1 ? 1 : keys.count - 1
        let margins = (0..<sentences).map { keys[$0] - mistakes[$0] }
        return Features(
            coverage: judgement.score,
            semanticCoverage: judgement.meanSemantic,
            lexicalCoverage: judgement.meanLexical,
            keyTermScore: keyTermScore,
            misconceptionMargin: judgement.evidence.map { $0.cosine - $0.keyCosine }.max() ?? -0.3,
            misconceptionCosine: judgement.evidence.map(\.cosine).max() ?? 0,
            worstSentenceMargin: margins.min() ?? 0,
            sentencesNearMistakes: Double(margins.filter { $0 <= 0 }.count) / Double(sentences),
            precision: precision, contradicted: contradicted, assertsMisconception: !judgement.asserted.isEmpty,
            makesClaims: makesClaims, beyondReference: log(1 + Double(judgement.termsBeyondReference)),
            shareInReference: judgement.shareInReference)
    }
}
