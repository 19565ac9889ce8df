import Foundation
import SentenceEmbedding
import Testing

@testable import StudyKit

/// Fails when retrieval or grading falls below what docs/retrieval-quality.md reports, on the
/// labelled sets of `Evaluation/`. A test split's failure message gives aggregate figures only:
/// its individual misses are not to be read while tuning (Evaluation/README.md).
@Suite("Quality regression")
struct QualityRegressionTests {
    static let evaluation = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Evaluation")
    static let encoder = BuiltInHybridSearch.encoder
    static let django = BuiltInHybridSearch.searcher

    /// The engine alone, without the FAQ's phrasings: the foreign-corpus figure the issues quote.
    static let debian = engineAlone(on: "debian-faq/debian-faq.md")
    /// A second foreign corpus, which has neither glossary nor phrasings.
    static let python = engineAlone(on: "python-faq/python-faq.md")

    static func engineAlone(on path: String) -> Searcher {
        let corpus = try! CorpusParser().parse(contentsOf: evaluation.appendingPathComponent(path))
        return Searcher(corpus: corpus, semantic: SemanticIndex(embedder: encoder, vectors: .compute(for: corpus, phrasings: .empty, with: encoder)))
    }

    static func queries(_ path: String) throws -> [LabelledQuery] {
        try String(contentsOf: evaluation.appendingPathComponent(path), encoding: .utf8)
            .split(separator: "\n").map { try JSONDecoder().decode(LabelledQuery.self, from: Data($0.utf8)) }
    }

    static func figures(_ report: RetrievalReport) -> String {
        "top-1 \(report.topOne), kinds \(report.kinds.map { "\($0.kind) \($0.topOne)" }), off-topic flagged \(report.offTopicRecall), "
            + "on-topic confident \(report.confidentRecall)"
    }

    @Test func builtInCorpusTestSplit() throws {
        let report = RetrievalReport(queries: try Self.queries("django-interview-questions/retrieval-test.jsonl"), searcher: Self.django)
        #expect(report.topOne >= 0.97, "\(Self.figures(report))")
        #expect(report.worstKindTopOne >= 0.95, "\(Self.figures(report))")
        #expect(report.offTopicRecall >= 0.98, "\(Self.figures(report))")
        #expect(report.confidentRecall >= 0.96, "\(Self.figures(report))")
    }

    @Test func builtInCorpusFreshTestSplit() throws {
        let report = RetrievalReport(queries: try Self.queries("django-interview-questions/retrieval-fresh-test.jsonl"), searcher: Self.django)
        #expect(report.topOne >= 0.97, "\(Self.figures(report))")
        #expect(report.offTopicRecall >= 0.97, "\(Self.figures(report))")
        #expect(report.confidentRecall >= 0.95, "\(Self.figures(report))")
    }

    @Test func builtInCorpusDevSplit() throws {
        let queries = try Self.queries("django-interview-questions/retrieval-dev.jsonl")
        try #require(queries.count >= 590)
        let report = RetrievalReport(queries: queries, searcher: Self.django)
        let misses = report.misses.map { "\($0.query.kind): \($0.query.q) → \($0.got)" }
        #expect(report.topOne >= 0.935, "\(Self.figures(report)); misses: \(misses)")
        #expect(report.worstKindTopOne >= 0.86, "\(Self.figures(report)); misses: \(misses)")
        #expect(report.offTopicRecall >= 0.92, "\(Self.figures(report)); misses: \(misses)")
        #expect(report.confidentRecall >= 0.96, "\(Self.figures(report)); misses: \(misses)")
    }

    @Test func foreignCorpusEverySplit() throws {
        let test = RetrievalReport(queries: try Self.queries("debian-faq/retrieval-test.jsonl"), searcher: Self.debian)
        #expect(test.topOne >= 0.84, "\(Self.figures(test))")
        #expect(test.confidentRecall >= 0.95, "\(Self.figures(test))")
        let fresh = RetrievalReport(queries: try Self.queries("debian-faq/retrieval-fresh-test.jsonl"), searcher: Self.debian)
        #expect(fresh.topOne >= 0.91, "\(Self.figures(fresh))")
        let unanswered = RetrievalReport(queries: try Self.queries("debian-faq/offtopic-test.jsonl"), searcher: Self.debian)
        #expect(unanswered.offTopicRecall >= 0.70, "\(Self.figures(unanswered))")
        let dev = RetrievalReport(queries: try Self.queries("debian-faq/retrieval-dev.jsonl"), searcher: Self.debian)
        #expect(dev.topOne >= 0.895, "\(Self.figures(dev)); misses: \(dev.misses.map { "\($0.query.q) → \($0.got)" })")
    }

    @Test func secondForeignCorpusBothSplits() throws {
        let test = RetrievalReport(queries: try Self.queries("python-faq/retrieval-test.jsonl"), searcher: Self.python)
        #expect(test.topOne >= 0.905, "\(Self.figures(test))")
        #expect(test.offTopicRecall >= 0.76, "\(Self.figures(test))")
        #expect(test.confidentRecall >= 0.98, "\(Self.figures(test))")
        let dev = RetrievalReport(queries: try Self.queries("python-faq/retrieval-dev.jsonl"), searcher: Self.python)
        let misses = dev.misses.map { "\($0.query.q) → \($0.got)" }
        #expect(dev.topOne >= 0.94, "\(Self.figures(dev)); misses: \(misses)")
        #expect(dev.offTopicRecall >= 0.79, "\(Self.figures(dev)); misses: \(misses)")
        #expect(dev.confidentRecall >= 0.94, "\(Self.figures(dev)); misses: \(misses)")
        // Questions it does not answer, half of them near misses (issue 22).
        let unanswered = RetrievalReport(queries: try Self.queries("python-faq/offtopic-test.jsonl"), searcher: Self.python)
        #expect(unanswered.offTopicRecall >= 0.70, "\(Self.figures(unanswered))")
    }

    static func answers(_ path: String) throws -> [GradingReport.LabelledAnswers] {
        try JSONDecoder().decode([GradingReport.LabelledAnswers].self, from: Data(contentsOf: evaluation.appendingPathComponent(path)))
    }

    static func figures(_ report: GradingReport) -> String {
        "pairs \(report.pairsInOrder), suggestion fits \(report.suggestionFits), serious errors \(report.seriousErrors)"
    }

    @Test func gradingTestSplit() throws {
        let report = GradingReport(answers: try Self.answers("django-interview-questions/grading-test.json"), grader: Grader(searcher: Self.django))
        #expect(report.rows.count == 64 && report.selfRated.sorted() == [18, 23, 24])
        #expect(report.pairsInOrder >= 0.76, "\(Self.figures(report))")
        #expect(report.suggestionFits >= 0.79, "\(Self.figures(report))")
        #expect(report.seriousErrors <= 15, "\(Self.figures(report))")
    }

    @Test func gradingDevSplit() throws {
        let report = GradingReport(answers: try Self.answers("django-interview-questions/grading-dev.json"), grader: Grader(searcher: Self.django))
        #expect(report.rows.count == 160)
        #expect(report.pairsInOrder >= 0.80, "\(Self.figures(report))")
        #expect(report.suggestionFits >= 0.80, "\(Self.figures(report))")
    }

    static func sureFigures(_ report: GradingReport) -> String {
        figures(report) + ", sure \(report.sureCoverage), sure fits \(report.sureFits), sure serious errors \(report.sureSeriousErrors)"
    }

    /// With the rubric, a suggestion the learner can take with Enter is never a serious error.
    @Test func rubricGradingTestSplit() throws {
        let grader = Grader(searcher: Self.django, rubric: try BundledRubric.load(for: Self.django.corpus), names: .django)
        let report = GradingReport(answers: try Self.answers("django-interview-questions/grading-test.json"), grader: grader)
        #expect(report.sureSeriousErrors == 0, "\(Self.sureFigures(report))")
        #expect(report.sureFits >= 0.97, "\(Self.sureFigures(report))")
        #expect(report.sureCoverage >= 0.77, "\(Self.sureFigures(report))")
        #expect(report.pairsInOrder >= 0.92, "\(Self.sureFigures(report))")
    }

    /// The Python FAQ with its rubric and Python's documented names.
    @Test func pythonFAQRubricGradingTestSplit() throws {
        let corpusURL = Self.evaluation.appendingPathComponent("python-faq/python-faq.md")
        let rubric = try RubricParser().parseCompanion(ofCorpusAt: corpusURL, corpus: Self.python.corpus)
        let names = try ReferenceNamesParser().parseCompanion(ofCorpusAt: corpusURL)
        let report = GradingReport(
            answers: try Self.answers("python-faq/grading-test.json"), grader: Grader(searcher: Self.python, rubric: rubric, names: names))
        #expect(report.sureSeriousErrors <= 3, "\(Self.sureFigures(report))")
        #expect(report.sureFits >= 0.975, "\(Self.sureFigures(report))")
        #expect(report.sureCoverage >= 0.74, "\(Self.sureFigures(report))")
        #expect(report.pairsInOrder >= 0.85, "\(Self.sureFigures(report))")
    }

    static func conversations(_ path: String) throws -> [ConversationReport.LabelledConversation] {
        try String(contentsOf: evaluation.appendingPathComponent(path), encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(ConversationReport.LabelledConversation.self, from: Data($0.utf8)) }
    }

    static func figures(_ report: ConversationReport) -> String {
        ConversationReport.kinds.map { "\($0) \(report.share($0))" }.joined(separator: ", ")
    }

    @Test func conversationsTestSplit() throws {
        let report = ConversationReport(conversations: try Self.conversations("django-interview-questions/conversations-test.jsonl"), searcher: Self.django)
        #expect(report.share("follow-up") >= 0.92, "\(Self.figures(report))")
        #expect(report.share("switch") >= 0.96, "\(Self.figures(report))")
        #expect(report.share("move") >= 0.92, "\(Self.figures(report))")
        #expect(report.share("off-topic") >= 0.28, "\(Self.figures(report))")
        #expect(report.share("first") >= 0.98, "\(Self.figures(report))")
    }
}
