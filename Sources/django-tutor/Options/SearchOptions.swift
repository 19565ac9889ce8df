import ArgumentParser
import Foundation
import StudyKit

/// `--scorer`, `--no-semantic` and the corpus's glossary, for every subcommand that searches.
struct SearchOptions: ParsableArguments {
    enum ScorerName: String, ExpressibleByArgument, CaseIterable {
        case tfidf, bm25
    }

    @Option(help: "Lexical ranking function: bm25 (default) or tfidf.")
    var scorer: ScorerName = .bm25

    @Flag(help: "Search without the corpus's glossary of acronyms and synonyms.")
    var noGlossary = false

    @Flag(help: "Rank by words only, without the sentence encoder's sense of meaning.")
    var noSemantic = false

    func searcher(for corpus: Corpus, from corpusOptions: CorpusOptions) throws -> Searcher {
        let (semantic, parts) = try withLexicalIndex(for: corpus, from: corpusOptions) { phrasings, isBuiltIn in
            SemanticSignal.index(for: corpus, phrasings: phrasings, isBuiltIn: isBuiltIn)
        }
        return searcher(for: corpus, parts, semantic: semantic ?? nil)
    }

    /// A searcher at once: by meaning too when the entries' vectors are at hand (compiled in or
    /// cached), else by words, with the embedding that would add meaning to run meanwhile.
    func searcherWithoutWaiting(for corpus: Corpus, from corpusOptions: CorpusOptions) throws -> (Searcher, SemanticSignal.Embedding?) {
        let (lookup, parts) = try withLexicalIndex(for: corpus, from: corpusOptions) { phrasings, isBuiltIn in
            SemanticSignal.lookup(for: corpus, phrasings: phrasings, isBuiltIn: isBuiltIn)
        }
        let (index, embedding): (SemanticIndex?, SemanticSignal.Embedding?) =
            switch lookup ?? .unavailable {
            case .unavailable: (nil, nil)
            case .ready(let index): (index, nil)
            case .needsEmbedding(let embedding): (nil, embedding)
            }
        return (searcher(for: corpus, parts, semantic: index), embedding)
    }

    /// What a searcher is made of besides its semantic index.
    private struct Parts {
        let glossary: Glossary
        let phrasings: Phrasings
        let lexicalIndex: LexicalIndex
    }

    /// The corpus's phrasings and glossary, then `meaning` (given the phrasings and whether the
    /// corpus is the built-in one; not run with `--no-semantic`) and the lexical index at once:
    /// the entries' vectors and the index are read from their caches, or made, side by side.
    private func withLexicalIndex<Meaning: Sendable>(
        for corpus: Corpus, from corpusOptions: CorpusOptions, meaning: (Phrasings, Bool) -> Meaning
    ) throws -> (Meaning?, Parts) {
        let phrasings = try phrasings(for: corpus, from: corpusOptions)
        let glossary = try glossary(from: corpusOptions)
        let (signal, lexical) = bothAtOnce(
            { noSemantic ? nil : meaning(phrasings, corpusOptions.corpus == nil) },
            { Self.lexicalIndex(for: corpus, glossary: glossary) })
        return (signal, Parts(glossary: glossary, phrasings: phrasings, lexicalIndex: lexical))
    }

    /// The searcher with these phrasings and this semantic index (none: by words only).
    ///
    /// The corpus's lexical index is `lexicalIndex` (an earlier searcher's), or read from the cache
    /// (`$XDG_CACHE_HOME/django-tutor/index`), or built and stored there.
    func searcher(
        for corpus: Corpus, phrasings: Phrasings, semantic: SemanticIndex?, from corpusOptions: CorpusOptions, lexicalIndex: LexicalIndex? = nil
    ) throws -> Searcher {
        let glossary = try glossary(from: corpusOptions)
        let parts = Parts(
            glossary: glossary, phrasings: phrasings, lexicalIndex: lexicalIndex ?? Self.lexicalIndex(for: corpus, glossary: glossary))
        return searcher(for: corpus, parts, semantic: semantic)
    }

    private func searcher(for corpus: Corpus, _ parts: Parts, semantic: SemanticIndex?) -> Searcher {
        Searcher(
            corpus: corpus, glossary: parts.glossary, scoring: scorer == .tfidf ? .tfidf : .bm25, semantic: semantic,
            phrasings: parts.phrasings, lexicalIndex: parts.lexicalIndex)
    }

    /// The corpus's lexical index from the cache (`$XDG_CACHE_HOME/django-tutor/index`), or built and stored there.
    private static func lexicalIndex(for corpus: Corpus, glossary: Glossary) -> LexicalIndex {
        let cache = LexicalIndexCache(directory: AppDirectories(environment: ProcessInfo.processInfo.environment).cache.appendingPathComponent("index"))
        return cache.index(for: corpus, glossary: glossary) { Output.error("django-tutor: \($0).") }
    }

    /// The corpus's glossary, unless `--no-glossary`.
    func glossary(from corpusOptions: CorpusOptions) throws -> Glossary {
        noGlossary ? .empty : try corpusOptions.glossary()
    }

    /// The corpus's phrasings, which only the semantic signal reads: none with `--no-semantic`.
    func phrasings(for corpus: Corpus, from corpusOptions: CorpusOptions) throws -> Phrasings {
        noSemantic ? .empty : try corpusOptions.phrasings(for: corpus)
    }

    /// The sentence encoder with the vectors of the corpus's entries and `phrasings`, unless
    /// `--no-semantic` (or the model cannot be loaded).
    func semanticIndex(for corpus: Corpus, phrasings: Phrasings, from corpusOptions: CorpusOptions) -> SemanticIndex? {
        guard !noSemantic else { return nil }
        return SemanticSignal.index(for: corpus, phrasings: phrasings, isBuiltIn: corpusOptions.corpus == nil)
    }
}
