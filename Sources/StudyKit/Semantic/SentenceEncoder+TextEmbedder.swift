import SentenceEmbedding

extension SentenceEncoder: TextEmbedder {
    public var modelIdentifier: String { "all-MiniLM-L6-v2/\(fingerprint)" }
}
