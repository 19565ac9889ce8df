import Foundation
import SentenceEmbedding
import StudyKit

/// Loads the sentence encoder and the vectors of the corpus's entries and their phrasings:
/// compiled in for the built-in corpus, computed once and cached for any other. Without the model
/// the tutor still answers, by words.
enum SemanticSignal {
    /// What it takes to search a corpus by meaning.
    enum Lookup {
        /// Nothing: the model cannot be loaded (already said), or `--no-semantic`.
        case unavailable
        case ready(SemanticIndex)
        /// The entries' vectors must be computed first (`Embedding`).
        case needsEmbedding(Embedding)
    }

    static func index(for corpus: Corpus, phrasings: Phrasings, isBuiltIn: Bool) -> SemanticIndex? {
        switch lookup(for: corpus, phrasings: phrasings, isBuiltIn: isBuiltIn) {
        case .unavailable: return nil
        case .ready(let index): return index
        case .needsEmbedding(let embedding): return embedding.run(showingProgress: isatty(STDERR_FILENO) == 1)
        }
    }

    static func lookup(for corpus: Corpus, phrasings: Phrasings, isBuiltIn: Bool) -> Lookup {
        let cacheDirectory = AppDirectories(environment: ProcessInfo.processInfo.environment).cache
        let encoder: SentenceEncoder
        do {
            // The model's checksum is computed once per change of the file (about 5 ms), then remembered.
            encoder = try SentenceEncoder.bundled(verifications: cacheDirectory.appendingPathComponent("models"))
        } catch {
            Output.error("django-tutor: \(error). Searching by words only (--no-semantic).")
            return .unavailable
        }
        if isBuiltIn, let vectors = BundledEntryVectors.vectors(for: corpus, phrasings: phrasings, modelIdentifier: encoder.modelIdentifier) {
            return .ready(SemanticIndex(embedder: encoder, vectors: vectors))
        }
        let cache = EntryVectorCache(directory: cacheDirectory.appendingPathComponent("vectors"))
        let unread: String?
        switch cache.lookup(for: corpus, phrasings: phrasings, embedder: encoder) {
        case .hit(let vectors): return .ready(SemanticIndex(embedder: encoder, vectors: vectors))
        case .miss: unread = nil
        case .refused(let reason): unread = reason
        }
        return .needsEmbedding(Embedding(corpus: corpus, phrasings: phrasings, encoder: encoder, cache: cache, unread: unread))
    }

    /// Embedding a corpus's passages and caching them: in the foreground for a one-shot command
    /// or piped input, in the background while a terminal session searches by words.
    struct Embedding: Sendable {
        let corpus: Corpus
        let phrasings: Phrasings
        let encoder: SentenceEncoder
        let cache: EntryVectorCache
        /// Why a cached file could not be read, said once the new one is stored (at most one
        /// line about the cache: a file that cannot be read in a directory that cannot be
        /// written is one problem).
        let unread: String?

        /// Embeds every passage, with a progress line on a terminal, redrawn at most five times
        /// a second: a large corpus takes minutes once, and one entry with thousands of phrasings
        /// alone may take a minute.
        func run(showingProgress: Bool) -> SemanticIndex {
            var shown = Date.distantPast
            let index = run { done, total in
                guard showingProgress, done == total || Date().timeIntervalSince(shown) >= 0.2 else { return }
                shown = Date()
                Output.statusLine(
                    "Embedding \(corpus.entries.count) entries for search by meaning (once; cached): "
                        + "\(done) of \(total) passages, \(done * 100 / max(total, 1))%")
            }
            if showingProgress { Output.statusLine(nil) }
            return index
        }

        /// Embeds every passage and stores the vectors in the cache (whole or not at all), then
        /// gives the index; `progress` hears of every step.
        func run(progress: (_ done: Int, _ total: Int) -> Void) -> SemanticIndex {
            let vectors = EntryVectors.compute(for: corpus, phrasings: phrasings, with: encoder, progress: progress)
            do {
                try cache.store(vectors, for: corpus, phrasings: phrasings, embedder: encoder)
                if let unread { Output.error("django-tutor: \(unread).") }
            } catch {
                Output.error("django-tutor: cannot cache the entry vectors: \(error); they will be computed again next time.")
            }
            return SemanticIndex(embedder: encoder, vectors: vectors)
        }
    }
}
