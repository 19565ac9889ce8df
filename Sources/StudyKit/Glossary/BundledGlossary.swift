/// The built-in corpus's glossary, compiled into the binary from
/// `Corpus/django-interview-questions.glossary.md`.
public enum BundledGlossary {
    public static let source = "built-in:" + fileName

    public static func load() throws(CorpusError) -> Glossary {
        try GlossaryParser().parse(markdown, source: source)
    }
}
