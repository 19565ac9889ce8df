import Foundation
import Testing

@testable import StudyKit

@Suite("Query analysis")
struct QueryAnalysisTests {
    static let searcher = Searcher(corpus: try! BundledCorpus.load(), glossary: try! BundledGlossary.load())

    @Test func glossaryExpandsAtHalfWeight() throws {
        let analysis = Self.searcher.analyzeQuery("what is DRF")
        #expect(analysis.expansions.map(\.trigger) == ["DRF"])
        let api = try #require(analysis.terms.first { $0.term == "api" })
        #expect(api.isExpansion)
        #expect(api.weight == 0.5)
        #expect(Self.searcher.search("what is DRF").hits.first?.entry.id == 19)
    }

    @Test func phrasesMatchOnlyAsPhrases() {
        #expect(Self.searcher.analyzeQuery("too many queries").expansions.count == 1)
        #expect(Self.searcher.analyzeQuery("many queries are too slow").expansions.map(\.trigger) != ["too many queries"])
    }

    @Test func namingAnUncoveredTopicVetoesConfidence() {
        let result = Self.searcher.search("javascript promises and async await")
        #expect(result.analysis.foreignTopics == ["promises", "async", "await"])
        #expect(!result.confident)
        #expect(Self.searcher.search("where do css and javascript files go").confident)
    }

    @Test func everydayWordsAreNeverCorrectedButNonWordsAre() {
        #expect(Self.searcher.search("best pizza").correctedQuery == nil)
        #expect(Self.searcher.search("mixn class").correctedQuery == "mixin class")
        #expect(Self.searcher.search("CORS headers").correctedQuery == nil)
    }

    @Test func explanationsAddUpToTheScore() throws {
        for scoring in [Scoring.tfidf, .bm25] {
            let searcher = Searcher(corpus: Self.searcher.corpus, glossary: Self.searcher.glossary, scoring: scoring)
            let result = searcher.search("how do I avoid N+1 queries with select_related", limit: 3)
            for hit in result.hits {
                let explanation = try #require(searcher.explain(result, entry: hit.entry.id))
                #expect(abs(explanation.value - hit.score) < 1e-9, "\(scoring.name) #\(hit.entry.id)")
                #expect(abs(explanation.details.reduce(0) { $0 + $1.value } - hit.score) < 1e-9)
                #expect(explanation.details.allSatisfy { $0.details.count == 2 })
            }
        }
    }

    @Test func snippetsQuoteTheSentenceUsingTheTerm() {
        #expect(
            Self.searcher.snippet(ofEntry: 25, using: "object")
                == "By default, every Django model has at least one manager called objects used to generate QuerySets.")
        #expect(Self.searcher.snippet(ofEntry: 25, using: "kubernet") == nil)
    }
}

@Suite("BM25Scorer")
struct BM25ScorerTests {
    /// Two documents, hand-computed: n = 2, avgdl = 3.
    @Test func matchesTheFormula() {
        var builder = IndexBuilder()
        builder.add([(["a", "a", "b"], 1)])
        builder.add([(["b", "c", "d"], 1)])
        let index = builder.build()
        let scorer = BM25Scorer(index: index, k1: 1.2, b: 0.75)
        let a = index.termID("a")!
        let idf: Double = log(1 + 1.5 / 1.5)
        #expect(abs(scorer.idf[Int(a)] - idf) < 1e-12)
        // tf 2, k1 1.2, b 0.75, the document as long as the average: idf · 2 · 2.2 / (2 + 1.2)
        let expected: Double = idf * 4.4 / 3.2
        let scores = scorer.scores(for: [TermFrequency(term: a, frequency: 1)], in: index)
        #expect(abs(scores[0]! - expected) < 1e-12)
        #expect(scores[1] == nil)
        #expect(scorer.normalized(scores[0]!, for: [TermFrequency(term: a, frequency: 1)]) < 1)
    }

    /// Documents of lengths 2, 4 and 6 (avgdl 4) sharing one term once: length normalisation must
    /// rank the short document first and give each the hand-computed score.
    @Test func normalisesByDocumentLength() {
        var builder = IndexBuilder()
        builder.add([(["x", "a"], 1)])
        builder.add([(["x", "b", "c", "d"], 1)])
        builder.add([(["x", "e", "f", "g", "h", "i"], 1)])
        builder.add([(["j", "k", "l", "m"], 1)])
        let index = builder.build()
        let scorer = BM25Scorer(index: index, k1: 1.2, b: 0.75)
        let x = index.termID("x")!
        let idf: Double = log(1 + (4 - 3 + 0.5) / (3 + 0.5))
        let scores = scorer.scores(for: [TermFrequency(term: x, frequency: 1)], in: index)
        for (document, length) in [(0, 2.0), (1, 4.0), (2, 6.0)] {
            let expected = idf * 2.2 / (1 + 1.2 * (1 - 0.75 + 0.75 * length / 4))
            #expect(abs(scores[Int32(document)]! - expected) < 1e-12, "document of length \(length)")
        }
        #expect(scores[0]! > scores[1]! && scores[1]! > scores[2]!)
        // With b = 0 length no longer matters.
        let flat = BM25Scorer(index: index, k1: 1.2, b: 0).scores(for: [TermFrequency(term: x, frequency: 1)], in: index)
        #expect(abs(flat[0]! - flat[2]!) < 1e-12)
    }
}
