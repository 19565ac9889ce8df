import Foundation
import SentenceEmbedding
import StudyKit

/// Loads the sentence encoder and the vectors of the corpus's entries and their phrasings:
/// compiled in for the built-in corpus, computed once and cached for any other. Without the model
/// the tutor still answers, by words.
enum SemanticSignal {
    static func index(for corpus: Corpus, phrasings: Phrasings, isBuiltIn: Bool) -> SemanticIndex? {
        let encoder: SentenceEncoder
        do {
            encoder = try SentenceEncoder.bundled()
        } catch {
            Output.error("django-tutor: \(error) Searching by words only (--no-semantic).")
            return nil
        }
        if isBuiltIn, let vectors = BundledEntryVectors.vectors(for: corpus, phrasings: phrasings, modelIdentifier: encoder.modelIdentifier) {
            return SemanticIndex(embedder: encoder, vectors: vectors)
        }
        let cache = EntryVectorCache(
            directory: AppDirectories(environment: ProcessInfo.processInfo.environment).cache.appendingPathComponent("vectors"))
        if let vectors = cache.cached(for: corpus, phrasings: phrasings, embedder: encoder) {
            return SemanticIndex(embedder: encoder, vectors: vectors)
        }
        let vectors = compute(for: corpus, phrasings: phrasings, with: encoder)
        do {
            try cache.store(vectors, for: corpus, phrasings: phrasings, embedder: encoder)
        } catch {
            Output.error(
                "django-tutor: cannot cache the entry vectors in \(cache.directory.path) (\(SystemError.reason(error))); "
                    + "they will be computed again next time.")
        }
        return SemanticIndex(embedder: encoder, vectors: vectors)
    }

    /// Embeds every entry, with a progress line on a terminal: a large corpus takes minutes once.
    private static func compute(for corpus: Corpus, phrasings: Phrasings, with encoder: SentenceEncoder) -> EntryVectors {
        let showsProgress = isatty(STDERR_FILENO) == 1
        let total = corpus.entries.count
        var shown = -1
        let vectors = EntryVectors.compute(for: corpus, phrasings: phrasings, with: encoder) { done in
            let percent = done * 100 / max(total, 1)
            guard showsProgress, percent != shown else { return }
            shown = percent
            Output.statusLine("Embedding \(total) entries for search by meaning (once; cached): \(percent)%")
        }
        if showsProgress { Output.statusLine(nil) }
        return vectors
    }
}
