import SentenceEmbedding

@testable import StudyKit

/// The built-in corpus as the tutor searches it by default: with its glossary, its phrasings and
/// sentence embeddings. Stale compiled vectors fail their own test; here they are computed afresh.
enum BuiltInHybridSearch {
    static let encoder = try! SentenceEncoder.bundled()

    static let searcher: Searcher = {
        let corpus = try! BundledCorpus.load()
        let phrasings = try! BundledPhrasings.load(for: corpus)
        let vectors =
            BundledEntryVectors.vectors(for: corpus, phrasings: phrasings, modelIdentifier: encoder.modelIdentifier)
            ?? .compute(for: corpus, phrasings: phrasings, with: encoder)
        return Searcher(
            corpus: corpus, glossary: try! BundledGlossary.load(), semantic: SemanticIndex(embedder: encoder, vectors: vectors), phrasings: phrasings)
    }()
}
