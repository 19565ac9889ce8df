/// The built-in corpus's rubric, compiled into the binary from
/// `Corpus/django-interview-questions.rubric.md`.
public enum BundledRubric {
    public static let source = "built-in:" + fileName

    public static func load(for corpus: Corpus) throws(CorpusError) -> Rubric {
        try RubricParser().parse(markdown, source: source, for: corpus)
    }
}
