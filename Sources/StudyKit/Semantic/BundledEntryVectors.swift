import Foundation

/// The built-in corpus's entry vectors, compiled in (`scripts/embed-corpus`) so that start-up
/// needs no encoding of entries.
public enum BundledEntryVectors {
    /// The vectors, when they were computed from exactly this corpus and phrasings by this model;
    /// nil otherwise (the caller then computes them, and a test says the compiled copy is stale).
    public static func vectors(for corpus: Corpus, phrasings: Phrasings, modelIdentifier: String) -> EntryVectors? {
        guard EntryVectors.fingerprint(of: corpus, phrasings: phrasings, modelIdentifier: modelIdentifier) == fingerprint,
            let data = Data(base64Encoded: base64), let vectors = EntryVectors(data: data),
            vectors.entryCount == corpus.entries.count
        else { return nil }
        return vectors
    }
}
