import Foundation
import Testing

@testable import SentenceEmbedding

@Suite("Sentence encoder against sentence-transformers")
struct SentenceEncoderTests {
    @Test func everyFixtureSentenceHasCosineAtLeast0999() throws {
        let fixture = try Fixtures.load("sentence-embeddings.json", as: Fixtures.SentenceFile.self)
        #expect(fixture.sentences.count == 200)
        let encoder = Fixtures.encoder
        #expect(encoder.dimension == fixture.dimension)
        var lowest: (Float, String) = (1, "")
        for sentence in fixture.sentences {
            let similarity = cosine(encoder.embed(sentence.text), sentence.embedding)
            #expect(similarity >= 0.999, "\(sentence.kind) \(sentence.text.debugDescription): cosine \(similarity)")
            if similarity < lowest.0 { lowest = (similarity, sentence.text) }
        }
        print("lowest cosine \(lowest.0) for \(lowest.1.debugDescription)")
    }

    /// The word pieces `encode` keeps are the reference's tokens that hold a letter or digit, and
    /// each one's vector is the reference's token embedding.
    @Test func everyFixtureWordPieceHasCosineAtLeast0999() throws {
        let fixture = try Fixtures.load("piece-embeddings.json", as: Fixtures.PieceFile.self)
        #expect(fixture.texts.count == 8)
        #expect(fixture.texts.contains { $0.pieces.contains { !$0.word } }, "some pieces are punctuation, which encode leaves out")
        let encoder = Fixtures.encoder
        for text in fixture.texts {
            let encoding = encoder.encoding(of: text.text)
            let kept = text.pieces.filter(\.word)
            try #require(encoding.pieceIDs == kept.map(\.id), "\(text.text)")
            #expect(encoding.pieceVectors.count == kept.count * fixture.dimension)
            #expect(encoding.sentence == encoder.embed(text.text))
            for (index, piece) in kept.enumerated() {
                let vector = Array(encoding.pieceVectors[(index * fixture.dimension)..<((index + 1) * fixture.dimension)])
                let similarity = cosine(vector, piece.vector)
                #expect(similarity >= 0.999, "\(text.text.debugDescription), piece \(index): cosine \(similarity)")
            }
        }
    }

    @Test func encodingABatchEqualsOneByOne() {
        let texts = ["what is a mixin?", "", "🐍 ½", "select_related(); prefetch_related()", "middleware order"]
        let batch = Fixtures.encoder.encodings(of: texts)
        let single = texts.map { Fixtures.encoder.encoding(of: $0) }
        #expect(batch.map(\.pieceIDs) == single.map(\.pieceIDs))
        #expect(Self.largestDifference(batch.map(\.sentence), single.map(\.sentence)) < 1e-5)
        #expect(Self.largestDifference(batch.map(\.pieceVectors), single.map(\.pieceVectors)) < 1e-5)
        #expect(Fixtures.encoder.encoding(of: "").pieceIDs.isEmpty)
    }

    @Test func embeddingsAreUnitVectorsOf384() {
        for text in ["what is a mixin?", "", "🐍", String(repeating: "select_related ", count: 300)] {
            let embedding = Fixtures.encoder.embed(text)
            #expect(embedding.count == 384)
            let length = embedding.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(length - 1) < 1e-5, "\(text.prefix(20)): length \(length)")
        }
    }

    /// The batch runs on all cores; each text must still get exactly its own embedding, in order.
    @Test func batchEqualsOneByOne() {
        let texts =
            [
                "middleware order", "how do signals work", "", "🐍", "what is a mixin?",
                String(repeating: "select_related and prefetch_related ", count: 20),
            ]
            + (1...10).map { "question number \($0) about the ORM" }
        let batch = Fixtures.encoder.embed(texts)
        #expect(batch.count == texts.count)
        // One packed batch runs other products than one text alone: the same up to float rounding.
        #expect(Self.largestDifference(batch, texts.map { Fixtures.encoder.embed($0) }) < 1e-5)
        #expect(Fixtures.encoder.embed([]).isEmpty)
    }

    static func largestDifference(_ a: [[Float]], _ b: [[Float]]) -> Float {
        precondition(a.count == b.count && zip(a, b).allSatisfy { $0.count == $1.count })
        return zip(a, b).flatMap { zip($0, $1).map { abs($0 - $1) } }.max() ?? 0
    }

    @Test func similarMeaningsAreCloserThanUnrelatedOnes() {
        let encoder = Fixtures.encoder
        let question = encoder.embed("How do I avoid N+1 queries when following foreign keys?")
        let related = encoder.embed("select_related and prefetch_related fetch related objects in fewer queries")
        let unrelated = encoder.embed("The best pizza in Naples has a thin crust")
        #expect(cosine(question, related) > cosine(question, unrelated) + 0.2)
    }

    @Test func sharedAcrossTasks() async {
        let encoder = Fixtures.encoder
        let expected = encoder.embed("what is a queryset")
        let results = await withTaskGroup(of: [Float].self) { group in
            for _ in 0..<4 { group.addTask { encoder.embed("what is a queryset") } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}
