/// The default corpus, compiled into the binary from `Corpus/django-interview-questions.md`.
public enum BundledCorpus {
    /// The name shown in messages in place of a path.
    public static let source = "built-in:" + fileName

    /// Parses the embedded Markdown. Tests parse it too, so this only throws if the build is broken.
    public static func load() throws(CorpusError) -> Corpus {
        try CorpusParser().parse(markdown, source: source)
    }
}
