import ArgumentParser
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
        let glossary = noGlossary ? .empty : try corpusOptions.glossary()
        let semantic = noSemantic ? nil : SemanticSignal.index(for: corpus, isBuiltIn: corpusOptions.corpus == nil)
        return Searcher(corpus: corpus, glossary: glossary, scoring: scorer == .tfidf ? .tfidf : .bm25, semantic: semantic)
    }
}
