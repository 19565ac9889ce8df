import Foundation
import SentenceEmbedding

/// The fixtures scripts/generate-encoder-fixture wrote from sentence-transformers, and one encoder
/// shared by the suites (loading is cheap, but there is no need to repeat it).
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct TokenCase: Decodable {
        let text: String
        let ids: [Int]
    }

    struct TokenFile: Decodable {
        let maxSeqLength: Int
        let cases: [TokenCase]
    }

    struct Sentence: Decodable {
        let text: String
        let kind: String
        let embedding: [Float]
    }

    struct SentenceFile: Decodable {
        let dimension: Int
        let sentences: [Sentence]
    }

    struct Piece: Decodable {
        let id: Int32
        let word: Bool
        let vector: [Float]
    }

    struct PieceText: Decodable {
        let text: String
        let pieces: [Piece]
    }

    struct PieceFile: Decodable {
        let dimension: Int
        let texts: [PieceText]
    }

    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(T.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static let encoder: SentenceEncoder = {
        do {
            return try SentenceEncoder.bundled()
        } catch {
            fatalError("the bundled model does not load: \(error)")
        }
    }()
}

func cosine(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count)
    var dot: Float = 0
    var aa: Float = 0
    var bb: Float = 0
    for i in a.indices {
        dot += a[i] * b[i]
        aa += a[i] * a[i]
        bb += b[i] * b[i]
    }
    return dot / (aa.squareRoot() * bb.squareRoot())
}
