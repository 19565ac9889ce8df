import Testing

@testable import StudyKit

@Suite("Document scores")
struct DocumentScoresTests {
    /// Scores with many ties, from a fixed linear congruential sequence.
    static func scores(count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double((state >> 33) % 7) / 7
        }
    }

    @Test func theTopAreAFullSortsFirst() {
        for seed in UInt64(1)...20 {
            let scores = Self.scores(count: 200, seed: seed)
            let documents = (0..<Int32(200)).shuffled()
            let sorted = documents.sorted { scores[Int($0)] != scores[Int($1)] ? scores[Int($0)] > scores[Int($1)] : $0 < $1 }
            for count in [0, 1, 3, 10, 200, 250] {
                #expect(documents.top(count, by: scores) == Array(sorted.prefix(count)), "seed \(seed), top \(count)")
            }
        }
    }

    @Test func onlyMatchedDocumentsHaveAScore() {
        var scores = DocumentScores(documentCount: 4)
        scores.add(0.5, to: 2)
        scores.add(0.25, to: 0)
        scores.add(0.25, to: 2)
        #expect(scores[2] == 0.75)
        #expect(scores[0] == 0.25)
        #expect(scores[1] == nil, "a document that shares no term")
        #expect(scores[9] == nil, "a document beyond the corpus")
        #expect(scores.matched == [2, 0])
        #expect(scores.best == 0.75)
        let halved = scores.mapScores { $0 / 2 }
        #expect(halved[2] == 0.375 && halved[1] == nil && halved.matched == [2, 0])
        #expect(DocumentScores(documentCount: 3).best == nil)
    }

    /// One walk over the postings gives what BM25 and TF-IDF each give alone, to the last bit.
    @Test func oneWalkScoresAsEachScorerAlone() throws {
        let searcher = Searcher(corpus: try BundledCorpus.load(), glossary: try BundledGlossary.load())
        for question in ["what is select_related?", "how do I do OR queries", "middleware order", "the the", "kubernetes"] {
            let vector = searcher.vector(of: searcher.analyzeQuery(question))
            let (ranking, bestCosine) = searcher.lexicalScores(for: vector)
            #expect(ranking == searcher.ranking.scores(for: vector, in: searcher.index), "\(question)")
            #expect(bestCosine == searcher.scorer.scores(for: vector, in: searcher.index).best ?? 0, "\(question)")
        }
    }
}
