import Foundation
import Testing

@testable import StudyKit

@Suite("TextRenderer /why")
struct TextRendererWhyTests {
    static let corpus = try! BundledCorpus.load()

    /// Ten entries, so that the rows of the fused ranking carry ids of one and two digits.
    static let tenEntries = try! CorpusParser().parse(
        "# Garage\n## All\n"
            + (1...10).map { id in
                id < 9
                    ? "### \(id). What is item \(id)?\nItem \(id) is a thing number \(id).\n" : "### \(id). How do I drive car \(id)?\nDrive the car \(id).\n"
            }.joined(), source: "garage.md")

    static func why(_ searcher: Searcher, _ query: String, width: Int = 200, explained: Bool = true) -> String {
        let result = searcher.search(query)
        let explanations = explained ? result.hits.prefix(2).compactMap { searcher.explain(result, entry: $0.entry.id) } : []
        return TextRenderer(width: width, style: .plain).why(
            result, explanations: explanations, confidence: searcher.confidence, scoring: searcher.scoring, fusion: searcher.fusion)
    }

    @Test func namesWhatRanksAndWhatConfidenceReads() {
        let bm25 = Self.why(Searcher(corpus: Self.corpus), "what is middleware")
        #expect(bm25.contains("best TF-IDF cosine 0.") && bm25.contains("(confidence reads it whatever ranks; needs 0."))
        #expect(bm25.contains("\n  ranked by words alone (BM25, the score below)\n"))
        let tfidf = Self.why(Searcher(corpus: Self.corpus, scoring: .tfidf), "what is middleware")
        #expect(!tfidf.contains("whatever ranks") && !tfidf.contains("BM25"))
        #expect(tfidf.contains("\n  ranked by words alone (TF-IDF cosine, the score below)\n"))
        let fused = Self.why(SemanticSearchTests.searcher(), "bake bread in the oven", explained: false)
        #expect(fused.contains("ranked by a weighted sum of words (BM25 over its ceiling) and meaning"))
    }

    @Test func refersToTheScoreBelowOnlyWhenItIsShown() {
        let searcher = SemanticSearchTests.searcher()
        #expect(!Self.why(searcher, "bake bread in the oven", explained: false).contains("below"))
        #expect(Self.why(searcher, "bake bread in the oven").contains("words (BM25 over its ceiling, the score below)"))
        #expect(!Self.why(Searcher(corpus: Self.corpus), "what is middleware", explained: false).contains("below"))
    }

    @Test func everyScoreAndWeightHasFourDecimals() {
        let why = Self.why(Searcher(corpus: Self.corpus), "how do unicorns fly")
        #expect(why.contains("  terms: unicorn 1.0000, fli 0.5000\n"))
        #expect(why.contains("best TF-IDF cosine 0.0000 (confidence reads it whatever ranks; needs 0.1400)"))
        let tree = Self.why(Searcher(corpus: Self.corpus), "what is middleware")
        #expect(tree.contains("= query: weight 1.0000 (typed)"))
        let fused = Self.why(SemanticSearchTests.phrasedSearcher(discount: 0.1), "telescope", explained: false)
        #expect(fused.contains("closest in meaning 0.9000 (a learner's phrasing, which counts 0.1000 less; needs 0.3500, or 0.5000 alone)"))
        // No number with other than four decimals: counts are whole, scores and weights 0.0000.
        let decimals = try! NSRegularExpression(pattern: #"\d\.(\d+)"#)
        for text in [why, fused] {
            for match in decimals.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                #expect(Range(match.range(at: 1), in: text).map { text[$0].count } == 4, "\(text)")
            }
        }
    }

    @Test func rowsAlignByColumn() throws {
        let embedder = ConceptEmbedder()
        let corpus = Self.tenEntries
        let searcher = Searcher(corpus: corpus, semantic: SemanticIndex(embedder: embedder, vectors: .compute(for: corpus, phrasings: .empty, with: embedder)))
        let why = Self.why(searcher, "drive a car", width: 50, explained: false)
        let lines = why.split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.hasPrefix("    #") }
        #expect(Set(rows.map { $0.prefix(7) }) == ["    #9 ", "    #10"], "\(why)")
        let equals = Set(rows.map { $0.distance(of: " = ") })
        #expect(equals.count == 1, "every row's = in one column:\n\(why)")
        // A row too long for 50 columns goes on under its formula, not at the left edge.
        let column = try #require(equals.first ?? nil) + 3
        let continued = lines.drop { !$0.hasPrefix("    #") }.filter { !$0.hasPrefix("    #") }
        #expect(!continued.isEmpty)
        for line in continued {
            #expect(line.prefix(column).allSatisfy { $0 == " " } && line.dropFirst(column).first != " ", "\(why)")
        }
        #expect(lines.allSatisfy { TextStyle.visibleWidth($0) <= 50 })
    }
}

extension String {
    /// Characters before the first `needle`, or nil.
    fileprivate func distance(of needle: String) -> Int? {
        range(of: needle).map { self.distance(from: startIndex, to: $0.lowerBound) }
    }
}
