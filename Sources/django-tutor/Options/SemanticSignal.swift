import Foundation
import SentenceEmbedding
import StudyKit

/// Loads the sentence encoder and the vectors of the corpus's entries and their phrasings:
/// compiled in for the built-in corpus, computed once and cached for any other. Without the model
/// the tutor still answers, by words.
enum SemanticSignal {
    static func index(for corpus: Corpus, phrasings: Phrasings, isBuiltIn: Bool) -> SemanticIndex? {
        let cacheDirectory = AppDirectories(environment: ProcessInfo.processInfo.environment).cache
        let encoder: SentenceEncoder
        do {
            // The model's checksum is computed once per change of the file (about 5 ms), then remembered.
            encoder = try SentenceEncoder.bundled(verifications: cacheDirectory.appendingPathComponent("models"))
        } catch {
            Output.error("django-tutor: \(error). Searching by words only (--no-semantic).")
            return nil
        }
        if isBuiltIn, let vectors = BundledEntryVectors.vectors(for: corpus, phrasings: phrasings, modelIdentifier: encoder.modelIdentifier) {
            return SemanticIndex(embedder: encoder, vectors: vectors)
        }
        let cache = EntryVectorCache(directory: cacheDirectory.appendingPathComponent("vectors"))
        // At most one line about the cache: a file that cannot be read in a directory that
        // cannot be written is one problem.
        var unread: String?
        switch cache.lookup(for: corpus, phrasings: phrasings, embedder: encoder) {
        case .hit(let vectors): return SemanticIndex(embedder: encoder, vectors: vectors)
        case .miss: break
        case .refused(let reason): unread = reason
        }
        let vectors = compute(for: corpus, phrasings: phrasings, with: encoder)
        do {
            try cache.store(vectors, for: corpus, phrasings: phrasings, embedder: encoder)
            if let unread { Output.error("django-tutor: \(unread).") }
        } catch {
            Output.error("django-tutor: cannot cache the entry vectors: \(error); they will be computed again next time.")
        }
        return SemanticIndex(embedder: encoder, vectors: vectors)
    }

    /// Embeds every passage, with a progress line on a terminal, redrawn at most five times a
    /// second: a large corpus takes minutes once, and one entry with thousands of phrasings alone
    /// may take a minute.
    private static func compute(for corpus: Corpus, phrasings: Phrasings, with encoder: SentenceEncoder) -> EntryVectors {
        let showsProgress = isatty(STDERR_FILENO) == 1
        var shown = Date.distantPast
        let vectors = EntryVectors.compute(for: corpus, phrasings: phrasings, with: encoder) { done, total in
            guard showsProgress, done == total || Date().timeIntervalSince(shown) >= 0.2 else { return }
            shown = Date()
            Output.statusLine(
                "Embedding \(corpus.entries.count) entries for search by meaning (once; cached): "
                    + "\(done) of \(total) passages, \(done * 100 / max(total, 1))%")
        }
        if showsProgress { Output.statusLine(nil) }
        return vectors
    }
}
