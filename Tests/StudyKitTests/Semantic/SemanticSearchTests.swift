import Foundation
import SentenceEmbedding
import Testing

@testable import StudyKit

/// A stand-in encoder whose notion of meaning is a table of concepts: each word maps to the
/// concepts it expresses, so "automobile" and "car" are the same thing to it, as they would be to
/// a sentence encoder, while sharing no letters.
struct ConceptEmbedder: TextEmbedder {
    static let concepts: [String: Int] = [
        "car": 0, "automobile": 0, "vehicle": 0, "drive": 0,
        "bake": 1, "bread": 1, "oven": 1, "loaf": 1,
        "planet": 2, "orbit": 2, "star": 2,
        "tax": 3, "return": 3,
        "telescope": 4, "stargazing": 4,
    ]
    let modelIdentifier = "concepts-v1"
    let dimension = 5

    /// Words outside the table carry no meaning here.
    func embed(_ text: String) -> [Float] {
        var vector = [Float](repeating: 0, count: dimension)
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            if let concept = Self.concepts[String(word)] { vector[concept] += 1 }
        }
        let norm = sqrt(vector.reduce(0) { $0 + $1 * $1 })
        return norm > 0 ? vector.map { $0 / norm } : vector
    }
}

@Suite("Semantic search")
struct SemanticSearchTests {
    static let corpus = try! CorpusParser().parse(
        """
        # Hobbies
        ## All
        ### 1. How do I look after my car?
        Check the tyres and the oil of the car every month.
        ### 2. How do I bake bread?
        Knead the dough, let it rise, and put the loaf in a hot oven.
        ### 3. What is a planet?
        A planet is a body in orbit around a star.
        """, source: "hobbies.md")

    static func searcher(fusion: Fusion = .standard) -> Searcher {
        let embedder = ConceptEmbedder()
        return Searcher(
            corpus: corpus, semantic: SemanticIndex(embedder: embedder, vectors: .compute(for: corpus, phrasings: .empty, with: embedder)),
            fusion: fusion)
    }

    @Test func meaningFindsAnEntryThatSharesNoWordWithTheQuestion() {
        let result = Self.searcher().search("automobile vehicle")
        #expect(result.hits.first?.entry.id == 1)
        #expect(result.hits.first?.lexicalScore == 0)
        #expect((result.bestSimilarity ?? 0) > 0.55)
        #expect(result.confident, "a close match in meaning is enough")
        let lexicalOnly = Searcher(corpus: Self.corpus).search("automobile vehicle")
        #expect(lexicalOnly.hits.isEmpty)
    }

    static let telescopePhrasing = Phrasings(byEntry: [3: ["which telescope is best for stargazing"]])

    static func phrasedSearcher(discount: Double = SemanticIndex.standardPhrasingDiscount) -> Searcher {
        let embedder = ConceptEmbedder()
        let vectors = EntryVectors.compute(for: corpus, phrasings: telescopePhrasing, with: embedder)
        return Searcher(
            corpus: corpus, semantic: SemanticIndex(embedder: embedder, vectors: vectors, phrasingDiscount: discount), phrasings: telescopePhrasing)
    }

    @Test func aLearnersPhrasingFindsItsEntryButCountsLessAsEvidence() throws {
        let searcher = Self.phrasedSearcher(discount: 0.1)
        let matches = try #require(searcher.semantic?.matches(to: "telescope").entries)
        #expect(matches[2] == SemanticMatch(textCosine: 0, phrasingCosine: 1, phrasingDiscount: 0.1, closestPhrasing: 0))
        #expect(matches[2].closeness == 1 && matches[2].isThroughPhrasing && matches[2].isEvidenceFromPhrasing)
        #expect(abs(matches[2].evidence - 0.9) < 1e-9)
        #expect(matches[0].phrasingCosine == nil && matches[0].closeness == 0, "an entry without phrasings is matched by its text")

        let result = searcher.search("telescope")
        let best = try #require(result.hits.first)
        #expect(best.entry.id == 3 && best.isThroughPhrasing)
        #expect(best.semanticSimilarity == 1, "ranking reads the phrasing's cosine")
        #expect(abs((result.bestSimilarity ?? 0) - 0.9) < 1e-9, "confidence reads it less the discount")
        let plain = Searcher(
            corpus: Self.corpus,
            semantic: SemanticIndex(embedder: ConceptEmbedder(), vectors: .compute(for: Self.corpus, phrasings: .empty, with: ConceptEmbedder())))
        #expect(plain.search("telescope").hits.isEmpty, "without the phrasing nothing is near")
    }

    @Test func aQuestionMuchCloserToOneTheCorpusDoesNotAnswerIsNotConfident() throws {
        let embedder = ConceptEmbedder()
        let phrasings = Phrasings(byEntry: [:], uncovered: ["car tax return deadline"])
        let vectors = EntryVectors.compute(for: Self.corpus, phrasings: phrasings, with: embedder)
        #expect(vectors.kinds.first == .uncovered && vectors.kinds.filter { $0 == .uncovered }.count == 1)
        let searcher = Searcher(corpus: Self.corpus, semantic: SemanticIndex(embedder: embedder, vectors: vectors), phrasings: phrasings)
        let result = searcher.search("car tax return")
        #expect(result.hits.first?.entry.id == 1, "the nearest entry still ranks first")
        let uncovered = try #require(result.uncoveredEvidence)
        #expect(abs(uncovered - (1 - SemanticIndex.standardPhrasingDiscount)) < 1e-6, "a question's cosine, less the discount")
        #expect(!result.confident)
        let why = TextRenderer(width: 300, style: .plain).why(
            result, explanations: [], confidence: searcher.confidence, scoring: searcher.scoring, fusion: searcher.fusion)
        #expect(
            why.contains(
                "but a question this corpus lists as one it does not answer (“car tax return deadline”) comes closer, 0.9000 "
                    + "(counted like a phrasing)"
            ))

        let without = Searcher(corpus: Self.corpus, semantic: SemanticIndex(embedder: embedder, vectors: vectors).withoutUncovered)
        #expect(without.search("car tax return").confident, "the same question without the list is answered by #1")
        #expect(searcher.search("car").confident, "a question about the entry itself stays confident")
    }

    @Test func theUncoveredMarginVetoesOnlyAClearlyCloserQuestion() {
        let confidence = MatchConfidence(semantic: true)
        #expect(confidence.uncoveredMargin == 0)
        #expect(confidence.isUncovered(similarity: 0.4, uncoveredSimilarity: 0.41))
        #expect(!confidence.isUncovered(similarity: 0.4, uncoveredSimilarity: 0.4), "as close is no closer")
        var wider = confidence
        wider.uncoveredMargin = 0.1
        #expect(!wider.isUncovered(similarity: 0.4, uncoveredSimilarity: 0.49) && wider.isUncovered(similarity: 0.4, uncoveredSimilarity: 0.51))
        #expect(!confidence.isUncovered(similarity: 0.4, uncoveredSimilarity: nil))
        #expect(!MatchConfidence(minimumScore: 0.1, foreignTopicCoverage: 0.8).isUncovered(similarity: 0, uncoveredSimilarity: 1), "not used")
    }

    @Test func theClosestOfSeveralPhrasingsIsTheOneQuoted() throws {
        let embedder = ConceptEmbedder()
        let phrasings = Phrasings(byEntry: [3: ["what is a star", "which telescope is best for stargazing", "car trouble"]])
        let vectors = EntryVectors.compute(for: Self.corpus, phrasings: phrasings, with: embedder)
        let searcher = Searcher(corpus: Self.corpus, semantic: SemanticIndex(embedder: embedder, vectors: vectors), phrasings: phrasings)
        let best = try #require(searcher.search("telescope").hits.first)
        #expect(best.entry.id == 3 && best.phrasing == "which telescope is best for stargazing")
        #expect(searcher.search("orbit").hits.first?.phrasing == nil, "found through its own text, the entry quotes no phrasing")
    }

    @Test func aPhrasingBelowTheEntrysOwnTextIsNoEvidence() {
        let match = SemanticMatch(textCosine: 0.6, phrasingCosine: 0.65, phrasingDiscount: 0.1)
        #expect(match.closeness == 0.65 && match.isThroughPhrasing)
        #expect(match.evidence == 0.6 && !match.isEvidenceFromPhrasing, "discounted, the phrasing falls below the text")
    }

    @Test func whyAndJSONSayAHitWasFoundThroughAPhrasing() throws {
        let searcher = Self.phrasedSearcher(discount: 0.1)
        let result = searcher.search("telescope")
        let why = TextRenderer(width: 200, style: .plain).why(
            result, explanations: [], confidence: searcher.confidence, scoring: searcher.scoring, fusion: searcher.fusion)
        #expect(why.contains("closest in meaning 0.9000 (a learner's phrasing, which counts 0.1000 less; needs 0.3500, or 0.5000 alone)"))
        #expect(why.contains("× meaning 1.0000 (via a learner's phrasing: “which telescope is best for stargazing”)"))
        #expect(result.hits.first?.phrasing == "which telescope is best for stargazing")
        let json = try #require(JSONSerialization.jsonObject(with: Data(JSONOutput.search(result).utf8)) as? [String: Any])
        let hits = try #require(json["results"] as? [[String: Any]])
        #expect(hits.first?["viaPhrasing"] as? Bool == true)
        let plainWhy = TextRenderer(width: 200, style: .plain).why(
            Self.searcher().search("bake bread"), explanations: [], confidence: searcher.confidence, scoring: searcher.scoring, fusion: searcher.fusion)
        #expect(!plainWhy.contains("phrasing"))
    }

    @Test func theComparisonReportsPhrasingsOnlyForACorpusThatHasThem() {
        let queries = [LabelledQuery(q: "telescope", kind: "paraphrase", expect: [3])]
        let phrased = RetrievalComparison(queries: queries, corpus: Self.corpus, glossary: .empty, semantic: Self.phrasedSearcher().semantic)
        let names = phrased.candidates.map(\.name)
        #expect(names.contains("bm25 + embeddings, no phrasings"))
        #expect(names.contains("bm25 + embeddings, a phrasing's evidence less 0.0"))
        #expect(!names.contains("bm25 + embeddings, no questions listed as not covered"), "this corpus lists none")
        let without = phrased.candidates.first { $0.name == "bm25 + embeddings, no phrasings" }!
        #expect(phrased.report(phrased.standard).topOne == 1 && phrased.report(without).topOne == 0)
        let plain = RetrievalComparison(queries: queries, corpus: Self.corpus, glossary: .empty, semantic: Self.searcher().semantic)
        #expect(!plain.candidates.contains { $0.name.contains("phrasing") || $0.name.contains("not covered") })
        let embedder = ConceptEmbedder()
        let uncoveredOnly = EntryVectors.compute(for: Self.corpus, phrasings: Phrasings(byEntry: [:], uncovered: ["tax return"]), with: embedder)
        let listed = RetrievalComparison(
            queries: queries, corpus: Self.corpus, glossary: .empty, semantic: SemanticIndex(embedder: embedder, vectors: uncoveredOnly))
        #expect(listed.candidates.contains { $0.name == "bm25 + embeddings, no questions listed as not covered" })
    }

    @Test func gradingComparesWithTheAnswerNotWithPhrasings() {
        let embedder = ConceptEmbedder()
        let index = SemanticIndex(embedder: embedder, vectors: .compute(for: Self.corpus, phrasings: Self.telescopePhrasing, with: embedder))
        #expect(index.similarity(of: "a telescope", toAnswerOf: 2) == 0, "an answer that restates a phrasing earns nothing by it")
        #expect(index.similarity(of: "it is in orbit around a star", toAnswerOf: 2) > 0.99)
    }

    @Test func sharedWordsWithoutSharedMeaningAreNotConfident() {
        // Only "how do I" is shared with two questions; no entry is about taxes.
        let result = Self.searcher().search("how do I file my tax return")
        #expect(result.bestSimilarity == 0)
        #expect(!result.confident)
    }

    @Test func hitsCarryBothSignals() throws {
        let searcher = Self.searcher(fusion: .linear(lexicalWeight: 0.4))
        let result = searcher.search("bake bread in the oven")
        let best = try #require(result.hits.first)
        #expect(best.entry.id == 2)
        #expect(best.lexicalScore > 0)
        let similarity = try #require(best.semanticSimilarity)
        #expect(similarity > 0.9)
        let lexicalScore = searcher.ranking.normalized(best.lexicalScore, for: searcher.vector(of: result.analysis))
        #expect(abs(best.score - (0.4 * lexicalScore + 0.6 * similarity)) < 1e-9)
    }

    @Test func whyShowsHowBothSignalsMadeTheRank() throws {
        let searcher = Self.searcher(fusion: .linear(lexicalWeight: 0.4))
        let result = searcher.search("bake bread in the oven")
        let best = try #require(result.hits.first)
        let words = searcher.ranking.normalized(best.lexicalScore, for: searcher.vector(of: result.analysis))
        let why = TextRenderer(width: 200, style: .plain).why(
            result, explanations: [], confidence: searcher.confidence, scoring: searcher.scoring, fusion: searcher.fusion)
        #expect(why.contains("closest in meaning \(String(format: "%.4f", best.semanticSimilarity!)) (needs 0.3500, or 0.5000 alone)"))
        #expect(why.contains("#2  \(String(format: "%.4f", best.score)) = 0.4000 × words \(String(format: "%.4f", words)) + 0.6000 × meaning"))
    }

    @Test func linearFusionWeighsTheTwoSignals() {
        let fused = Fusion.linear(lexicalWeight: 0.25).combine(lexical: [0: 1.0, 2: 0.4], semantic: [0.2, 0.8, 0.4])
        #expect(fused.count == 3)
        #expect(abs(fused[0] - (0.25 + 0.75 * 0.2)) < 1e-12)
        #expect(abs(fused[1] - 0.75 * 0.8) < 1e-12)
        #expect(abs(fused[2] - (0.25 * 0.4 + 0.75 * 0.4)) < 1e-12)
    }

    @Test func reciprocalRankFusionAddsReciprocalRanks() {
        // Lexical order: 2, 0; semantic order: 1, 2, 0.
        let fused = Fusion.reciprocalRank(k: 10).combine(lexical: [0: 0.1, 2: 0.9], semantic: [0.1, 0.9, 0.5])
        #expect(abs(fused[0] - (1.0 / 12 + 1.0 / 13)) < 1e-12)
        #expect(abs(fused[1] - 1.0 / 11) < 1e-12)
        #expect(abs(fused[2] - (1.0 / 11 + 1.0 / 12)) < 1e-12)
    }

    @Test func confidenceNeedsMeaningAsWellAsWords() {
        let confidence = MatchConfidence(minimumScore: 0.2, foreignTopicCoverage: 0.8, minimumSimilarity: 0.3, sufficientSimilarity: 0.6)
        #expect(confidence.isConfident(bestScore: 0.5, coverage: 1, foreignTopics: 0, similarity: 0.4))
        #expect(!confidence.isConfident(bestScore: 0.5, coverage: 1, foreignTopics: 0, similarity: 0.2), "words alone, far in meaning")
        #expect(confidence.isConfident(bestScore: 0.1, coverage: 1, foreignTopics: 0, similarity: 0.7), "meaning alone, close")
        #expect(!confidence.isConfident(bestScore: 0.1, coverage: 1, foreignTopics: 0, similarity: 0.5))
        #expect(!confidence.isConfident(bestScore: 0.5, coverage: 0.5, foreignTopics: 1, similarity: 0.9), "names a topic not taught")
        #expect(confidence.isConfident(bestScore: 0.5, coverage: 0.5, foreignTopics: 0, similarity: nil), "lexical only")
    }
}

@Suite("Entry vectors")
struct EntryVectorsTests {
    static let corpus = SemanticSearchTests.corpus

    @Test func anEntryIsEmbeddedAsItsQuestionItsWholeTextPairsOfItsLongTailAndItsPhrasings() {
        let head = Array(repeating: "Ten words make up this sentence of the long answer.", count: 15).joined(separator: " ")
        let entry = Entry(id: 1, question: "Why?", section: "S", tags: [], answer: head + " One. Two! Three?\n\nFour `code`. Five", line: 1)
        let passages = EntryVectors.passages(of: entry, phrasings: ["why does it happen"])
        #expect(passages.count == 6)
        #expect(passages.prefix(2).map(\.text) == ["Why?", "Why?\n" + head + " One. Two! Three?\nFour code. Five"])
        #expect(
            passages.dropFirst(2).prefix(3).map(\.text) == ["Why?\nOne. Two!", "Why?\nThree? Four code.", "Why?\nFive"],
            "the sentences past 150 words, in pairs")
        #expect(passages.map(\.kind) == [.question, .answer, .answer, .answer, .answer, .phrasing])
        #expect(passages.last?.text == "why does it happen", "a phrasing is embedded as written")
        let short = Entry(id: 2, question: "What?", section: "S", tags: [], answer: "Just this. And that. And more.", line: 1)
        #expect(
            EntryVectors.passages(of: short, phrasings: []).map(\.text) == ["What?", "What?\nJust this. And that. And more."], "a short answer is not split")
    }

    @Test func binaryFormRoundTripsAndRejectsDamage() throws {
        let vectors = EntryVectors.compute(for: Self.corpus, phrasings: .empty, with: ConceptEmbedder())
        #expect(vectors.entryCount == 3 && vectors.passageCount == 6 && vectors.dimension == 5, "two passages of each short entry")
        #expect(EntryVectors(data: vectors.data) == vectors)
        let phrased = EntryVectors.compute(for: Self.corpus, phrasings: Phrasings(byEntry: [2: ["my loaf is flat"]]), with: ConceptEmbedder())
        #expect(phrased.kinds.filter { $0 == .phrasing }.count == 1)
        #expect(EntryVectors(data: phrased.data) == phrased, "passage kinds survive the round trip")
        var badKind = phrased.data
        badKind[EntryVectors.magic.count + 16 + 4 * phrased.passageCount] = 9
        #expect(EntryVectors(data: badKind) == nil, "an unknown passage kind")
        #expect(EntryVectors(data: vectors.data.dropLast(4)) == nil)
        /// Header word `index` (version, entries, passages, dimension), then owners, set to `value`.
        func damaged(word index: Int, to value: UInt32) -> Data {
            var data = vectors.data
            withUnsafeBytes(of: value.littleEndian) { data.replaceSubrange((4 + 4 * index)..<(8 + 4 * index), with: $0) }
            return data
        }
        #expect(EntryVectors(data: damaged(word: 2, to: .max)) == nil, "a passage count that would overflow the size")
        #expect(EntryVectors(data: damaged(word: 3, to: .max)) == nil, "a dimension that would overflow the size")
        #expect(EntryVectors(data: damaged(word: 2, to: 5)) == nil, "a passage count the size disagrees with")
        #expect(EntryVectors(data: damaged(word: 4, to: 3)) == nil, "a passage of an entry the corpus does not have")
        #expect(EntryVectors(data: damaged(word: 0, to: 2)) == nil, "the version before passage kinds")
        var ownedQuestion = vectors.data
        ownedQuestion[EntryVectors.magic.count + 16 + 4 * vectors.passageCount + 4 * 2] = UInt8(EntryVectors.Passage.Kind.uncovered.rawValue)
        #expect(EntryVectors(data: ownedQuestion) == nil, "a question not covered that claims an entry other than the first")
        var wrongMagic = vectors.data
        wrongMagic[0] = UInt8(ascii: "X")
        #expect(EntryVectors(data: wrongMagic) == nil)
        #expect(EntryVectors(data: Data()) == nil)
    }

    @Test func withoutPhrasingsKeepsTheEntrysOwnPassagesOnly() {
        let phrased = EntryVectors.compute(
            for: Self.corpus, phrasings: Phrasings(byEntry: [2: ["my loaf is flat", "oven too cold"]]), with: ConceptEmbedder())
        let plain = EntryVectors.compute(for: Self.corpus, phrasings: .empty, with: ConceptEmbedder())
        #expect(phrased.passageCount == plain.passageCount + 2)
        #expect(phrased.keeping { $0 != .phrasing } == plain)
        let both = EntryVectors.compute(
            for: Self.corpus, phrasings: Phrasings(byEntry: [2: ["my loaf is flat"]], uncovered: ["tax return", "planet of the apes"]),
            with: ConceptEmbedder())
        #expect(Array(both.kinds.prefix(2)) == [.uncovered, .uncovered] && Array(both.owners.prefix(2)) == [0, 0], "first, owned by nobody")
        #expect(EntryVectors(data: both.data) == both, "questions not covered survive the round trip")
        let index = SemanticIndex(embedder: ConceptEmbedder(), vectors: both)
        #expect(index.hasEntryPhrasings && index.hasUncovered)
        #expect(!index.withoutPhrasings.hasEntryPhrasings && !index.withoutPhrasings.hasUncovered, "no phrasings: the corpus's own text")
        #expect(index.withoutUncovered.hasEntryPhrasings && !index.withoutUncovered.hasUncovered)
        #expect(index.withoutPhrasings.vectors == plain)
        // A question not covered is no passage of the first entry's answer.
        #expect(index.similarity(of: "the planet", toAnswerOf: 0) == 0)
    }

    @Test func cacheIsKeyedByCorpusTextAndModel() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vectors-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = EntryVectorCache(directory: folder)
        let embedder = ConceptEmbedder()
        #expect(cache.cached(for: Self.corpus, phrasings: .empty, embedder: embedder) == nil)
        let vectors = EntryVectors.compute(for: Self.corpus, phrasings: .empty, with: embedder)
        try cache.store(vectors, for: Self.corpus, phrasings: .empty, embedder: embedder)
        #expect(cache.cached(for: Self.corpus, phrasings: .empty, embedder: embedder) == vectors)
        let phrasings = Phrasings(byEntry: [1: ["my tyres squeal"]])
        #expect(cache.cached(for: Self.corpus, phrasings: phrasings, embedder: embedder) == nil, "new phrasings are embedded anew")
        let uncovered = Phrasings(byEntry: [:], uncovered: ["how do I file my tax return"])
        #expect(cache.cached(for: Self.corpus, phrasings: uncovered, embedder: embedder) == nil, "so are new questions not covered")

        let edited = try CorpusParser().parse(
            """
            # Hobbies
            ## All
            ### 1. How do I look after my car?
            Check the tyres every week.
            ### 2. How do I bake bread?
            Knead the dough, let it rise, and put the loaf in a hot oven.
            ### 3. What is a planet?
            A planet is a body in orbit around a star.
            """, source: "hobbies.md")
        #expect(cache.cached(for: edited, phrasings: .empty, embedder: embedder) == nil, "an edited answer is embedded anew")
        struct OtherModel: TextEmbedder {
            let modelIdentifier = "concepts-v2"
            let dimension = 5
            func embed(_ text: String) -> [Float] { ConceptEmbedder().embed(text) }
        }
        #expect(cache.cached(for: Self.corpus, phrasings: .empty, embedder: OtherModel()) == nil, "another model's vectors are not read")
    }

    @Test func compiledVectorsAreThoseOfTheBuiltInCorpusAndModel() throws {
        let corpus = try BundledCorpus.load()
        let phrasings = try BundledPhrasings.load(for: corpus)
        let encoder = try SentenceEncoder.bundled()
        let vectors = try #require(
            BundledEntryVectors.vectors(for: corpus, phrasings: phrasings, modelIdentifier: encoder.modelIdentifier),
            "stale: run scripts/embed-corpus")
        // Spot-check one entry against a fresh encoding.
        let stored = vectors.owners.indices.filter { vectors.owners[$0] == 20 }
        let passages = EntryVectors.passages(of: corpus.entries[20], phrasings: phrasings.of(entry: corpus.entries[20].id))
        #expect(stored.count == passages.count)
        #expect(stored.map { vectors.kinds[$0] } == passages.map(\.kind))
        for (passage, text) in zip(stored, passages.map(\.text)) {
            let fresh = encoder.embed(text)
            #expect(zip(fresh, vectors.vector(passage: passage)).map { $0 * $1 }.reduce(0, +) > 0.9999)
        }
    }

    /// Piped questions are searched together (their meaning read in one pass of the encoder, their
    /// word pieces matched together); each must get what it gets asked alone, to the last digit
    /// `ask --json` prints.
    @Test func questionsSearchedTogetherGetWhatEachGetsAlone() {
        let searcher = BuiltInHybridSearch.searcher
        let questions = [
            "what is select_related?", "", "how do I do OR queries", "selct_related", "best pizza in naples",
            "difference between a project and an app", "CSRF", String(repeating: "signals ", count: 300),
        ]
        let together = searcher.search(questions, limit: 3)
        #expect(together.count == questions.count)
        for (question, result) in zip(questions, together) {
            let alone = searcher.search(question, limit: 3)
            #expect(result.hits.map(\.entry.id) == alone.hits.map(\.entry.id), "\(question.prefix(40))")
            #expect(result.confident == alone.confident, "\(question.prefix(40))")
            for (a, b) in zip(result.hits, alone.hits) {
                #expect(abs(a.score - b.score) < 1e-6, "\(question.prefix(40)): #\(a.entry.id)")
            }
        }
    }
}
