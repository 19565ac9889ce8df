import ArgumentParser
import StudyKit

/// `--scorer`, and the built-in glossary, for every subcommand that searches.
struct SearchOptions: ParsableArguments {
    enum ScorerName: String, ExpressibleByArgument, CaseIterable {
        case tfidf, bm25
    }

    @Option(help: "Ranking function: tfidf (default) or bm25.")
    var scorer: ScorerName = .tfidf

    @Flag(help: "Search without the built-in Django glossary of acronyms and synonyms.")
    var noGlossary = false

    func searcher(for corpus: Corpus) throws -> Searcher {
        let glossary: Glossary
        do {
            glossary = noGlossary ? .empty : try BundledGlossary.load()
        } catch {
            throw CLIError(error.description)
        }
        return Searcher(corpus: corpus, glossary: glossary, scoring: scorer == .tfidf ? .tfidf : .bm25)
    }
}
