import Foundation
import Testing

@testable import StudyKit

/// `ConceptEmbedder` with word pieces: each word of its table is a piece whose id is the word's
/// place in the table and whose vector leans on its concept (0.8) and a little on the next (0.6),
/// values that eight bits cannot hold exactly.
struct ConceptPieceEmbedder: TextEmbedder {
    static let words = ConceptEmbedder.concepts.keys.sorted()
    let modelIdentifier = "concept-pieces-v1"
    let dimension = ConceptEmbedder().dimension

    func embed(_ text: String) -> [Float] { ConceptEmbedder().embed(text) }

    func encode(_ text: String) -> TextEncoding {
        var ids: [Int32] = []
        var vectors: [Float] = []
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init) {
            guard let concept = ConceptEmbedder.concepts[word], let id = Self.words.firstIndex(of: word) else { continue }
            ids.append(Int32(id))
            vectors += (0..<dimension).map { $0 == concept ? 0.8 : $0 == (concept + 1) % dimension ? 0.6 : 0 }
        }
        return TextEncoding(sentence: embed(text), pieceIDs: ids, pieceVectors: vectors)
    }
}

@Suite("Word-piece matching")
struct EntryPiecesTests {
    /// Two entries in two dimensions: piece 7 (along x) in both, piece 8 (along y) in the first only.
    static let pieces = EntryPieces(dimension: 2, starts: [0, 2, 3], ids: [7, 8, 7], values: [1, 0, 0, 1, 1, 0])

    @Test func eachQueryPieceTakesTheEntrysClosestPieceWeightedByRarity() throws {
        let query = TextEncoding(sentence: [1, 0], pieceIDs: [7, 8], pieceVectors: [1, 0, 0, 1])
        let scores = try #require(Self.pieces.scores(for: query))
        #expect(scores.count == 2)
        #expect(abs(scores[0] - 1) < 1e-6, "both pieces have their match in the first entry")
        // Piece 7 is in both entries (idf ln(3 / 2.5)), piece 8 in one (ln(3 / 1.5)): the second
        // entry matches only the common one, and 0 for the rare one.
        let common = log(3 / 2.5)
        let rare = log(3 / 1.5)
        #expect(abs(scores[1] - common / (common + rare)) < 1e-6)
    }

    @Test func aPieceNoEntryHoldsWeighsMostAndTakesItsClosestPieceAnyway() throws {
        // Piece 9 is in no entry; its vector lies between x and y.
        let half = Float(0.5).squareRoot()
        let query = TextEncoding(sentence: [1, 0], pieceIDs: [7, 9], pieceVectors: [1, 0, half, half])
        let scores = try #require(Self.pieces.scores(for: query))
        let common = log(3 / 2.5)
        let unseen = log(3 / 0.5)
        #expect(abs(scores[1] - (common + unseen * Double(half)) / (common + unseen)) < 1e-6)
    }

    /// Queries matched together, their pieces spanning several products and the entry pieces
    /// shared between cores, score as the definition computed one query at a time says.
    @Test func queriesMatchedTogetherScoreAsEachAlone() throws {
        var state: UInt64 = 7
        func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int((state >> 40) % 255) - 127) / 127
        }
        let dimension = 8
        let pieceCount = 2 * EntryPieces.smallestShare + 100
        let entryCount = 60
        let starts = (0...entryCount).map { $0 * pieceCount / entryCount }
        let ids = (0..<pieceCount).map { Int32($0 % 97) }
        let pieces = EntryPieces(dimension: dimension, starts: starts, ids: ids, values: (0..<(pieceCount * dimension)).map { _ in next() })
        func query(_ count: Int) -> TextEncoding {
            TextEncoding(
                sentence: [], pieceIDs: (0..<count).map { Int32($0 % 120) }, pieceVectors: (0..<(count * dimension)).map { _ in next() })
        }
        let queries = [query(EntryPieces.queryBlock - 3), TextEncoding(sentence: []), query(9), query(EntryPieces.queryBlock + 5)]
        let batch = pieces.scores(for: queries)
        #expect(batch[1] == nil, "a query without pieces")
        for index in [0, 2, 3] {
            let query = queries[index]
            let weights = query.pieceIDs.map { Double(pieces.idf[$0] ?? pieces.unseenIDF) }
            let scores = try #require(batch[index])
            for entry in 0..<entryCount {
                var sum = 0.0
                for (row, weight) in weights.enumerated() {
                    let best = (starts[entry]..<starts[entry + 1]).map { piece in
                        (0..<dimension).reduce(0.0) { $0 + Double(query.pieceVectors[row * dimension + $1] * pieces.values[piece * dimension + $1]) }
                    }.max()!
                    sum += weight * best
                }
                let expected = sum / weights.reduce(0, +)
                #expect(abs(scores[entry] - expected) < 1e-4, "query \(index), entry \(entry)")
            }
        }
    }

    @Test func nothingToMatchGivesNoScores() {
        #expect(Self.pieces.scores(for: TextEncoding(sentence: [1, 0])) == nil, "a query without pieces")
        let query = TextEncoding(sentence: [1, 0], pieceIDs: [7], pieceVectors: [1, 0])
        #expect(EntryPieces.empty(entryCount: 2, dimension: 2).scores(for: query) == nil, "a corpus without pieces")
        #expect(Self.pieces.scores(for: TextEncoding(sentence: [1, 0], pieceIDs: [7], pieceVectors: [1])) == nil, "vectors of another size")
    }

    @Test func aCorpusPastTheBudgetKeepsNoPieces() {
        let limit = EntryPieces.maximumPieces
        let within = TextEncoding(sentence: [1], pieceIDs: Array(repeating: 1, count: limit), pieceVectors: Array(repeating: 1, count: limit))
        #expect(EntryPieces(encodings: [within], dimension: 1).ids.count == EntryPieces.maximumPieces)
        let one = TextEncoding(sentence: [1], pieceIDs: [2], pieceVectors: [1])
        let past = EntryPieces(encodings: [within, one], dimension: 1)
        #expect(past.isEmpty && past.entryCount == 2)
    }

    @Test func binaryFormKeepsEachValueWithinOneEightBitStepAndRejectsDamage() throws {
        let vectors = EntryVectors.compute(for: SemanticSearchTests.corpus, phrasings: .empty, with: ConceptPieceEmbedder())
        // The pieces are the words of each entry's question and answer that the table knows.
        #expect(vectors.pieces.ids.count == 10 && vectors.pieces.starts == [0, 2, 6, 10])
        #expect(vectors.pieces.values.prefix(5) != [0, 0, 0, 0.8, 0.6], "rounded to eight bits")
        #expect(EntryVectors(data: vectors.data) == vectors, "pieces are rounded to eight bits when computed, so they read back the same")
        // Values that eight bits cannot hold exactly are kept within half a step of their row's scale.
        let original: [Float] = [0.6, -0.48, 0.64]
        let rounded = EntryPieces(dimension: 3, starts: [0, 1], ids: [4], values: original)
        #expect(rounded.scales == [Float(0.64) / 127] && rounded.values == [119, -95, 127].map { $0 * rounded.scales[0] })
        #expect(zip(rounded.values, original).allSatisfy { abs($0 - $1) <= 0.64 / 127 / 2 + 1e-6 })

        let piecesAt = EntryVectors.magic.count + 4 * (4 + vectors.passageCount * (2 + vectors.dimension))
        func damaged(word index: Int, to value: UInt32) -> Data {
            var data = vectors.data
            let at = piecesAt + 4 * index
            withUnsafeBytes(of: value.littleEndian) { data.replaceSubrange(at..<(at + 4), with: $0) }
            return data
        }
        #expect(EntryVectors(data: damaged(word: 0, to: 11)) == nil, "a piece count the size disagrees with")
        #expect(EntryVectors(data: damaged(word: 2, to: 7)) == nil, "starts out of order")
        #expect(EntryVectors(data: damaged(word: 1, to: 1)) == nil, "a first start that is not 0")
        #expect(EntryVectors(data: damaged(word: 5 + 10, to: Float.nan.bitPattern)) == nil, "a scale that is not a number")
        #expect(EntryVectors(data: damaged(word: 5 + 10, to: Float(1).bitPattern)) == nil, "a scale no unit-length row has")
        #expect(EntryVectors(data: vectors.data.dropLast(4)) == nil, "cut short")
        #expect(EntryVectors(data: vectors.data + Data(count: 4)) == nil, "with more after the pieces")
        /// The data with the first piece's level in `column` set to `level`; the row as written is 127, 95, 0, 0, 0.
        func level(_ level: Int8, column: Int) -> Data {
            var data = vectors.data
            data[piecesAt + 4 * (5 + 2 * 10) + column] = UInt8(bitPattern: level)
            return data
        }
        #expect(EntryVectors(data: level(95, column: 1)) == vectors, "the level as written")
        #expect(EntryVectors(data: level(-127, column: 2)) != nil, "another level, still a canonical row")
        #expect(EntryVectors(data: level(-128, column: 2)) == nil, "−128, which rounding never writes")
        #expect(EntryVectors(data: level(90, column: 0)) == nil, "a row whose largest level is not 127")
        var padded = vectors.data
        padded[padded.count - 1] = 1
        #expect(10 * vectors.dimension % 4 != 0 && EntryVectors(data: padded) == nil, "padding that is not zero")
    }

    @Test func aPieceCountPastTheBudgetIsRefusedEvenWhenTheSizeAgrees() {
        /// One entry in one dimension whose `count` pieces are all well formed, and the size agrees.
        func vectors(withPieces count: Int) -> Data {
            var words: [UInt32] = [4, 1, 1, 1, 0, 1, Float(1).bitPattern]  // version, counts; the passage
            words += [UInt32(count), 0, UInt32(count)] + Array(repeating: 0, count: count)
            words += Array(repeating: EntryPieces.scale(ofLargest: 1).bitPattern, count: count)
            var data = EntryVectors.magic
            for word in words { withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) } }
            return data + Data(repeating: 127, count: count) + Data(count: (4 - count % 4) % 4)
        }
        let refused = EntryVectors(data: vectors(withPieces: EntryPieces.maximumPieces + 1)) == nil
        #expect(refused)
        #expect(EntryVectors(data: vectors(withPieces: EntryPieces.maximumPieces))?.pieces.ids.count == EntryPieces.maximumPieces)
    }

    /// Gives every text as many pieces as it is told, in one dimension.
    struct ManyPiecesEmbedder: TextEmbedder {
        let piecesPerText: Int
        let modelIdentifier = "many-pieces"
        let dimension = 1
        func embed(_ text: String) -> [Float] { [1] }
        func encode(_ text: String) -> TextEncoding {
            TextEncoding(sentence: [1], pieceIDs: Array(repeating: 3, count: piecesPerText), pieceVectors: Array(repeating: 1, count: piecesPerText))
        }
    }

    @Test func computingACorpusPastTheBudgetKeepsItsVectorsButNoPieces() {
        let corpus = SemanticSearchTests.corpus
        let within = EntryVectors.compute(for: corpus, phrasings: .empty, with: ManyPiecesEmbedder(piecesPerText: EntryPieces.maximumPieces / 3))
        #expect(within.pieces.ids.count == 3 * (EntryPieces.maximumPieces / 3))
        let past = EntryVectors.compute(for: corpus, phrasings: .empty, with: ManyPiecesEmbedder(piecesPerText: EntryPieces.maximumPieces / 3 + 1))
        #expect(past.pieces.isEmpty && past.pieces.entryCount == 3)
        #expect(past.passageCount == within.passageCount && past.values == within.values)
    }

    @Test func piecesComeFromEachEntrysQuestionWithItsWholeAnswer() {
        let encoder = BuiltInHybridSearch.encoder
        let vectors = EntryVectors.compute(for: SemanticSearchTests.corpus, phrasings: Phrasings(byEntry: [2: ["my loaf is flat"]]), with: encoder)
        for (position, entry) in SemanticSearchTests.corpus.entries.enumerated() {
            let whole = EntryVectors.passages(of: entry, phrasings: [])[EntryVectors.wholeEntryPassage]
            #expect(whole.kind == .answer && whole.text.hasPrefix(entry.question + "\n"))
            let own = vectors.pieces.starts[position]..<vectors.pieces.starts[position + 1]
            #expect(Array(vectors.pieces.ids[own]) == encoder.encode(whole.text).pieceIDs, "entry \(entry.id)")
        }
    }

    @Test func fusionWeighsWordsPiecesAndMeaningAndLetsTheCosineStandInForMissingPieces() {
        let fusion = Fusion.linear(lexicalWeight: 0.2, pieceWeight: 0.3)
        let fused = fusion.combine(lexical: [0: 1.0], semantic: [0.2, 0.8], pieces: [0.6, 0.4])
        #expect(abs(fused[0] - (0.2 + 0.3 * 0.6 + 0.5 * 0.2)) < 1e-12)
        #expect(abs(fused[1] - (0.3 * 0.4 + 0.5 * 0.8)) < 1e-12)
        let withoutPieces = fusion.combine(lexical: [0: 1.0], semantic: [0.2, 0.8])
        #expect(abs(withoutPieces[1] - 0.8 * 0.8) < 1e-12)
        #expect(Fusion.standard == fusion)
    }

    @Test func hitsCarryTheirPieceScoreAndWhyShowsIt() throws {
        let embedder = ConceptPieceEmbedder()
        let corpus = SemanticSearchTests.corpus
        let index = SemanticIndex(embedder: embedder, vectors: .compute(for: corpus, phrasings: .empty, with: embedder))
        let searcher = Searcher(corpus: corpus, semantic: index)
        let result = searcher.search("car in orbit")
        let scores = try #require(index.matches(to: "car in orbit").pieceScores)
        for hit in result.hits {
            let position = try #require(corpus.position(ofEntry: hit.entry.id))
            #expect(hit.pieceScore == scores[position])
        }
        let best = try #require(result.hits.first)
        let why = TextRenderer(width: 200, style: .plain).why(
            result, explanations: [], confidence: searcher.confidence, scoring: searcher.scoring, fusion: searcher.fusion)
        let words = searcher.ranking.normalized(best.lexicalScore, for: searcher.vector(of: result.analysis))
        let number = { (value: Double) in String(format: "%.4f", value) }
        #expect(
            why.contains(
                "#\(best.entry.id)  \(number(best.score)) = 0.2000 × words \(number(words)) + 0.3000 × pieces \(number(best.pieceScore!)) "
                    + "+ 0.5000 × meaning \(number(best.semanticSimilarity!))"))
        #expect(why.contains("word pieces (each of the query's matched"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(JSONOutput.search(result).utf8)) as? [String: Any])
        let first = try #require((json["results"] as? [[String: Any]])?.first)
        #expect(abs((first["pieces"] as? Double ?? -1) - best.pieceScore!) < 1e-4, "ask --json carries the piece score")
        let withoutPieces = Searcher(corpus: corpus, semantic: index.withoutPieces).search("car in orbit")
        #expect(withoutPieces.hits.allSatisfy { $0.pieceScore == nil })
        let plain = try #require(JSONSerialization.jsonObject(with: Data(JSONOutput.search(withoutPieces).utf8)) as? [String: Any])
        #expect((plain["results"] as? [[String: Any]])?.first?["pieces"] is NSNull, "null, not missing")
    }
}
