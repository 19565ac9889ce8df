import Foundation
import Testing

@testable import StudyKit

/// Fails when retrieval or grading falls below what docs/retrieval-quality.md reports. The
/// labelled sets were written by hand without seeing the implementation.
@Suite("Quality regression")
struct QualityRegressionTests {
    static let sets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Evaluation/django-interview-questions")
    static let searcher = Searcher(corpus: try! BundledCorpus.load(), glossary: try! BundledGlossary.load())

    static func queries() throws -> [LabelledQuery] {
        try String(contentsOf: sets.appendingPathComponent("retrieval-dev.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONDecoder().decode(LabelledQuery.self, from: Data($0.utf8)) }
    }

    @Test func retrievalHoldsItsFigures() throws {
        let queries = try Self.queries()
        try #require(queries.count >= 250)
        let report = RetrievalReport(queries: queries, searcher: Self.searcher)
        let misses = report.misses.map { "\($0.query.kind): \($0.query.q) → \($0.got)" }
        #expect(report.topOne >= 0.83, "top-1 \(report.topOne); misses: \(misses)")
        #expect(report.worstKindTopOne >= 0.58, "kinds: \(report.kinds.map { "\($0.kind) \($0.topOne)" })")
        #expect(report.mrrAtThree >= 0.88)
        #expect(report.offTopicPrecision >= 0.87)
        #expect(report.offTopicRecall >= 0.87)
        #expect(report.confidentRecall >= 0.97)
    }

    @Test func gradingOrdersAnswersByQuality() throws {
        let answers = try JSONDecoder().decode(
            [GradingReport.LabelledAnswers].self,
            from: Data(contentsOf: Self.sets.appendingPathComponent("grading-dev.json")))
        try #require(answers.count == 35)
        let report = GradingReport(answers: answers, grader: Grader(searcher: Self.searcher))
        #expect(report.rows.count == 35)
        #expect(report.orderHolds >= 0.85, "out of order: \(report.rows.filter { !$0.holds })")
        #expect(report.pairsInOrder >= 0.95)
        #expect(report.goodOverWrong == 1)
    }
}
