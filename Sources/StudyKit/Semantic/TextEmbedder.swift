/// Maps a text to a unit-length vector whose dot product with another text's vector measures how
/// close the two are in meaning: the semantic signal beside TF-IDF.
public protocol TextEmbedder: Sendable {
    /// Identifies the model, so vectors computed by one are never read as another's.
    var modelIdentifier: String { get }
    var dimension: Int { get }
    func embed(_ text: String) -> [Float]
    /// Several texts at once, in order; an encoder may spread them over the cores.
    func embed(_ texts: [String]) -> [[Float]]
}

extension TextEmbedder {
    public func embed(_ texts: [String]) -> [[Float]] {
        texts.map { embed($0) }
    }
}
