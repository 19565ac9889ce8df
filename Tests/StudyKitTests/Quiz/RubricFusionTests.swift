import Foundation
import Testing

@testable import StudyKit

@Suite("Rubric fusion")
struct RubricFusionTests {
    static func features(coverage: Double, termsBeyond: Int, share: Double) -> RubricFusion.Features {
        RubricFusion.Features(
            coverage: coverage, semanticCoverage: coverage, lexicalCoverage: coverage, keyTermScore: coverage, misconceptionMargin: -0.2,
            misconceptionCosine: 0.5, worstSentenceMargin: 0.1, sentencesNearMistakes: 0, precision: 0.6, contradicted: false,
            assertsMisconception: false, makesClaims: false, beyondReference: log(1 + Double(termsBeyond)), shareInReference: share)
    }

    /// A short answer in the entry's own terms outscores a long one that covers as little and says
    /// much the entry never does: the mark of a fluent wrong answer.
    @Test func aShortAnswerInTheEntrysTermsOutscoresAFluentOneBeyondThem() {
        let partial = RubricFusion.score(Self.features(coverage: 0.2, termsBeyond: 1, share: 0.8))
        let fluent = RubricFusion.score(Self.features(coverage: 0.2, termsBeyond: 20, share: 0.3))
        #expect(partial > fluent)
    }

    /// Beside an entry fully covered, extra detail raises the score.
    @Test func extraDetailBesideAFullyCoveredEntryCounts() {
        let plain = RubricFusion.score(Self.features(coverage: 1, termsBeyond: 2, share: 0.7))
        let detailed = RubricFusion.score(Self.features(coverage: 1, termsBeyond: 12, share: 0.7))
        #expect(detailed > plain)
    }
}
