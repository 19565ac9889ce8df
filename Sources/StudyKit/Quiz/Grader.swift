/// Grades a free-text answer by the TF-IDF weight of the reference's key terms it covers.
///
/// Key terms come from the reference answer alone, leaving out words of the question, so that
/// restating the question earns nothing, and filler words (`FillerWords`). Code identifiers and
/// acronyms (`select_related`, `CSRF`) weigh double: they are what an interviewer listens for. An identifier counts as covered when the learner writes
/// it or all of its parts (`select related` covers `select_related`).
public struct Grader: Sendable {
    let searcher: Searcher
    let keyTermLimit: Int

    public init(searcher: Searcher, keyTermLimit: Int = 8) {
        self.searcher = searcher
        self.keyTermLimit = keyTermLimit
    }

    public func grade(_ answer: String, forEntry id: Int) -> Grade? {
        guard let entry = searcher.corpus.entry(id: id) else { return nil }
        let keyTerms = referenceTerms(of: entry)
        let written = searcher.analyzer.analyze(answer)
        var learnerSurface: [String: String] = [:]
        for term in written where learnerSurface[term.term] == nil { learnerSurface[term.term] = term.surface }

        var coveredWeight = 0.0
        var covered: [String] = []
        var missed: [KeyTerm] = []
        for key in keyTerms {
            let parts = searcher.partTerms(of: key.term)
            if let surface = learnerSurface[key.term] {
                covered.append(surface)
            } else if !parts.isEmpty, parts.allSatisfy({ learnerSurface[$0] != nil }) {
                covered.append(parts.compactMap { learnerSurface[$0] }.joined(separator: " "))
            } else {
                missed.append(key)
                continue
            }
            coveredWeight += key.weight
        }
        let total = keyTerms.reduce(0) { $0 + $1.weight }
        let score = total > 0 ? Int((100 * coveredWeight / total).rounded()) : 0
        return Grade(
            entryID: id, score: score, covered: covered, missed: missed.map(\.surface),
            missedTerms: Set(missed.map(\.term)))
    }

    /// The reference answer's heaviest terms (tf · idf), without question words or redundant parts.
    public func referenceTerms(of entry: Entry) -> [KeyTerm] {
        let analyzer = searcher.analyzer
        let questionTerms = Set(analyzer.terms(entry.question))
        var weights: [String: Double] = [:]
        var surfaces: [String: String] = [:]
        for term in analyzer.analyze(MarkdownText.plain(entry.answer))
        where !term.isPart && !questionTerms.contains(term.term) && !FillerWords.all.contains(term.surface.lowercased()) {
            guard let idf = searcher.idf(of: term.term) else { continue }
            weights[term.term, default: 0] += idf * (Self.isTechnical(term) ? 2 : 1)
            if surfaces[term.term] == nil { surfaces[term.term] = term.surface }
        }
        let ranked = weights.map { KeyTerm(term: $0.key, surface: surfaces[$0.key] ?? $0.key, weight: $0.value) }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        var chosen: [KeyTerm] = []
        var redundant = Set<String>()
        for key in ranked where chosen.count < keyTermLimit && !redundant.contains(key.term) {
            chosen.append(key)
            redundant.formUnion(searcher.partTerms(of: key.term))
        }
        return chosen
    }

    /// An identifier, or an acronym of two or more capitals (`MVC`, `CSRF`), not a capitalised word.
    static func isTechnical(_ term: AnalyzedTerm) -> Bool {
        term.isIdentifier || (term.surface.count >= 2 && term.surface.allSatisfy { $0.isUppercase || $0.isNumber })
    }
}
