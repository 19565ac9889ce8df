/// The built-in corpus's phrasings, compiled into the binary from
/// `Corpus/django-interview-questions.phrasings.md`.
public enum BundledPhrasings {
    public static let source = "built-in:" + fileName

    public static func load(for corpus: Corpus) throws(CorpusError) -> Phrasings {
        try PhrasingsParser().parse(markdown, source: source, for: corpus)
    }
}
