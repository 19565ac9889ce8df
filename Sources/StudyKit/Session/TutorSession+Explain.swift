extension TutorSession {
    /// An entry number or a question: the entry in full, its key terms, and its nearest entries.
    mutating func explain(_ query: String, renderer: TextRenderer) -> SessionReply {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let number = Self.entryNumber(trimmed)
        let entry: Entry
        var preface = ""
        if let number {
            guard let found = corpus.entry(id: number) else {
                return SessionReply("No entry #\(number). \(corpus.numberingDescription)")
            }
            entry = found
        } else {
            let result = searcher.search(trimmed, limit: 3)
            lastResult = result
            guard result.confident, let best = result.hits.first else {
                return SessionReply(renderer.searchResult(result))
            }
            entry = best.entry
            if let note = renderer.correctionNote(result) { preface = note + "\n" }
        }
        lastShown = entry.id
        // The first six are shown; all twelve may link a related entry.
        // The terms the quiz checks: content words of the answer, not everyday ones.
        let candidates = grader.referenceTerms(of: entry, limit: 12).filter { !Searcher.isShoutedEverydayWord($0.surface) }.map { key in
            (key, searcher.entries(using: key.term, except: entry.id))
        }
        let related = searcher.relatedEntries(toEntry: entry.id, limit: 3).map { hit in
            // The heaviest of this entry's key terms that the related entry also uses, in its words.
            let shared = candidates.first { $0.1.contains(hit.entry.id) }?.0
            let snippet = shared.flatMap { searcher.snippet(ofEntry: hit.entry.id, using: $0.term) }
            return RelatedEntry(hit: hit, term: shared?.surface, snippet: snippet)
        }
        return SessionReply(preface + renderer.explanation(entry, keyTerms: Array(candidates.prefix(6)), related: related))
    }
}
