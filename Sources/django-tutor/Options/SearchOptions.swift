import ArgumentParser
import StudyKit

/// `--scorer` and the corpus's glossary, for every subcommand that searches.
struct SearchOptions: ParsableArguments {
    enum ScorerName: String, ExpressibleByArgument, CaseIterable {
        case tfidf, bm25
    }

    @Option(help: "Ranking function: tfidf (default) or bm25.")
    var scorer: ScorerName = .tfidf

    @Flag(help: "Search without the corpus's glossary of acronyms and synonyms.")
    var noGlossary = false

    func searcher(for corpus: Corpus, from corpusOptions: CorpusOptions) throws -> Searcher {
        let glossary = noGlossary ? .empty : try corpusOptions.glossary()
        return Searcher(corpus: corpus, glossary: glossary, scoring: scorer == .tfidf ? .tfidf : .bm25)
    }
}
