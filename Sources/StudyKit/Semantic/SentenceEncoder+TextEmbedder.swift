import SentenceEmbedding

extension SentenceEncoder: TextEmbedder {
    public var modelIdentifier: String { "all-MiniLM-L6-v2/\(fingerprint)" }

    public func encode(_ text: String) -> TextEncoding {
        encoding(of: text)
    }

    public func encode(_ texts: [String]) -> [TextEncoding] {
        encodings(of: texts)
    }
}
