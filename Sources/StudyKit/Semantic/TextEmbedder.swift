import SentenceEmbedding

/// Maps a text to a unit-length vector whose dot product with another text's vector measures how
/// close the two are in meaning: the semantic signal beside TF-IDF.
public protocol TextEmbedder: Sendable {
    /// Identifies the model, so vectors computed by one are never read as another's.
    var modelIdentifier: String { get }
    var dimension: Int { get }
    func embed(_ text: String) -> [Float]
    /// Several texts at once, in order; an embedder may spread them over the cores.
    func embed(_ texts: [String]) -> [[Float]]
    /// The embedding with the vectors of the text's word pieces, when the embedder has them.
    func encode(_ text: String) -> TextEncoding
    func encode(_ texts: [String]) -> [TextEncoding]
}

/// A text's embedding and, from the same pass, a vector for each of its word pieces (see
/// `EntryPieces`); an embedder without them gives none. The sentence encoder's own type, so that
/// its encodings pass through unchanged.
public typealias TextEncoding = SentenceEncoder.Encoding

extension TextEmbedder {
    public func embed(_ texts: [String]) -> [[Float]] {
        texts.map { embed($0) }
    }

    public func encode(_ text: String) -> TextEncoding {
        TextEncoding(sentence: embed(text))
    }

    public func encode(_ texts: [String]) -> [TextEncoding] {
        texts.map { encode($0) }
    }
}
