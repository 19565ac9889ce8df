/// What explain mode and grading need beyond ranked search: an entry's key terms, the entries
/// nearest to it, and which entries use a term.
extension Searcher {
    /// The entry's terms by TF-IDF weight, highest first, without ordinary verbs and adverbs the
    /// domain does not name (`isOrdinaryWord`). Parts of an identifier that is itself a key term
    /// are left out (`select_related` makes `select` and `related` redundant), and so is a word
    /// inside a compound key term (`superuser` in `createsuperuser`).
    public func keyTerms(ofEntry id: Int, limit: Int = 8) -> [KeyTerm] {
        guard let position = corpus.position(ofEntry: id) else { return [] }
        let ranked = index.documents[position]
            .map { (term: index.terms[Int($0.term)], weight: scorer.weight(of: $0, inDocument: position, of: index)) }
            .filter { !isOrdinaryIndexTerm($0.term) }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        var chosen: [KeyTerm] = []
        var covered = Set<String>()
        for candidate in ranked where chosen.count < limit && !covered.contains(candidate.term) {
            guard !chosen.contains(where: { Grader.compound($0.surface, contains: candidate.term) }) else { continue }
            chosen.removeAll { Grader.compound(surface(of: candidate.term), contains: $0.term) }
            chosen.append(KeyTerm(term: candidate.term, surface: surface(of: candidate.term), weight: candidate.weight))
            covered.insert(candidate.term)
            covered.formUnion(partTerms(of: candidate.term))
        }
        return chosen
    }

    /// `isOrdinaryWord` for an index term, read in the corpus's usual spelling of it.
    private func isOrdinaryIndexTerm(_ term: String) -> Bool {
        let surface = surface(of: term)
        let isIdentifier = analyzer.analyze(surface).first?.isIdentifier ?? false
        return isOrdinaryWord(AnalyzedTerm(term: term, surface: surface, isIdentifier: isIdentifier))
    }

    /// Other entries by cosine similarity to this one, most similar first.
    public func relatedEntries(toEntry id: Int, limit: Int = 3) -> [SearchHit] {
        guard let position = corpus.position(ofEntry: id) else { return [] }
        let vector = index.documents[position]
        var scores: [Int32: Double] = [:]
        for term in vector {
            let weight = scorer.weight(of: term, inDocument: position, of: index)
            for posting in index.postings[Int(term.term)] where Int(posting.document) != position {
                let other = TermFrequency(term: term.term, frequency: posting.frequency)
                scores[posting.document, default: 0] += weight * scorer.weight(of: other, inDocument: Int(posting.document), of: index)
            }
        }
        return scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit)
            .map { SearchHit(entry: corpus.entries[Int($0.key)], score: $0.value) }
    }

    /// Ids of the entries, other than `id`, whose text contains `term`.
    public func entries(using term: String, except id: Int) -> [Int] {
        guard let termID = index.termID(term) else { return [] }
        return index.postings[Int(termID)].map { corpus.entries[Int($0.document)].id }.filter { $0 != id }
    }

    /// The corpus's usual spelling of a term, or the term itself.
    public func surface(of term: String) -> String {
        surfaces[term] ?? term
    }

    /// The term's inverse document frequency, or nil when no entry uses it.
    func idf(of term: String) -> Double? {
        index.termID(term).map { scorer.idf[Int($0)] }
    }

    /// How many entries use `word` (analysed as a query word would be).
    func documentFrequency(of word: String) -> Int {
        analyzer.terms(word).first.map(documentFrequency(ofTerm:)) ?? 0
    }

    /// How many entries use an analysed term.
    func documentFrequency(ofTerm term: String) -> Int {
        index.termID(term).map { index.postings[Int($0)].count } ?? 0
    }

    /// The analysed parts of an identifier term (`select_related` → `select`, `relat`).
    func partTerms(of term: String) -> [String] {
        analyzer.analyze(term).filter(\.isPart).map(\.term)
    }
}

extension Searcher {
    /// The first sentence of an entry's answer that uses `term`, shortened around it: how another
    /// entry puts a shared idea.
    public func snippet(ofEntry id: Int, using term: String, maximumLength: Int = 160) -> String? {
        guard let entry = corpus.entry(id: id) else { return nil }
        let text = MarkdownText.plain(entry.answer).replacingOccurrences(of: "\n", with: " ")
        guard let sentence = Sentences.split(text).first(where: { analyzer.terms($0).contains(term) }) else { return nil }
        return sentence.count <= maximumLength ? sentence : String(sentence.prefix(maximumLength - 1)) + "…"
    }
}
