/// A technology name (`TechnologyNames`) that a corpus never mentions, with the phrase terms a
/// query must contain, in order, to name it.
struct ForeignTechnology: Sendable, Equatable {
    let name: String
    let terms: [String]

    /// Nil when the corpus has every content word of the name, and so may well teach it.
    init?(name: String, analyzer: Analyzer, vocabulary: SortedVocabulary) {
        let terms = analyzer.phraseTerms(name)
        guard terms.contains(where: { !StopWords.english.contains($0) && !vocabulary.mentions($0) }) else { return nil }
        self.name = name
        self.terms = terms
    }
}

/// A corpus's terms in order, to ask whether it mentions a name in one of its spellings: a short
/// name and a longer spelling of it share their start (`postgres`, `postgresql`; `mongo`,
/// `mongodb`), while a word that is no name is not one with letters added (`signal`, `signalr`),
/// and a word and a name built on it with punctuation are different things (`express`, `express.js`).
struct SortedVocabulary: Sendable {
    /// Shorter shared starts are too often different words (`rest`, `restic`).
    static let leastSharedStart = 5
    let terms: [String]

    /// - Parameter terms: in order.
    init(sorted terms: [String]) {
        self.terms = terms
    }

    func mentions(_ term: String) -> Bool {
        let start = firstIndex(notBefore: term)
        if start < terms.count, terms[start] == term || Self.isLongerSpelling(terms[start], of: term) { return true }
        return (Self.leastSharedStart..<max(term.count, Self.leastSharedStart)).contains { length in
            let prefix = String(term.prefix(length))
            let position = firstIndex(notBefore: prefix)
            return position < terms.count && terms[position] == prefix && Self.isLongerSpelling(term, of: prefix)
        }
    }

    private static func isLongerSpelling(_ long: String, of short: String) -> Bool {
        guard short.count >= leastSharedStart, long.count > short.count, long.hasPrefix(short),
            TechnologyNames.singleWordTerms.contains(short)
        else { return false }
        let next = long[long.index(long.startIndex, offsetBy: short.count)]
        return next.isLetter || next.isNumber
    }

    private func firstIndex(notBefore term: String) -> Int {
        var (low, high) = (0, terms.count)
        while low < high {
            let middle = (low + high) / 2
            if terms[middle] < term { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
