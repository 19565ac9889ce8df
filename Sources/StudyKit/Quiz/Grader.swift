import Foundation

/// Grades a free-text answer against an entry's reference answer.
///
/// The score blends two questions an interviewer asks: how much of the reference did the answer
/// cover (recall over the reference's key terms, by weight), and how much of what the learner
/// said belongs to this topic (precision over the learner's own words). Recall makes up 90 % of
/// the score, discounted by a fifth at most for off-topic talk; precision the other 10 %. Precision
/// is what ranks a vague but on-topic answer above a confident wrong one, which covers no more
/// key terms but brings in foreign concepts ("a JavaScript library").
///
/// Key terms come from the reference answer alone: question words are left out (restating the
/// question earns nothing), so are filler words (`FillerWords`); terms of the first sentence,
/// where answers define their subject, weigh half again; identifiers and acronyms (`select_related`,
/// `CSRF`) weigh double. An identifier is covered by itself or all its parts (`select related`);
/// a glossary synonym counts as the term (`visitor` for `user`), and a related term the glossary
/// reaches (`FK` → `ForeignKey`) earns half.
public struct Grader: Sendable {
    let searcher: Searcher
    let keyTermLimit: Int
    static let recallShare = 0.9
    /// The part of recall that comes from the reference's terms beyond the key terms.
    static let tailShare = 0.2
    /// Credit for a key term reached through a glossary rule that names a related feature.
    static let relatedTermCredit = 0.5

    public init(searcher: Searcher, keyTermLimit: Int = 8) {
        self.searcher = searcher
        self.keyTermLimit = keyTermLimit
    }

    public func grade(_ answer: String, forEntry id: Int) -> Grade? {
        guard let entry = searcher.corpus.entry(id: id) else { return nil }
        let allTerms = referenceTerms(of: entry, limit: Int.max)
        let keyTerms = Array(allTerms.prefix(keyTermLimit))
        // A typo should cost no more in an answer than in a question.
        let answer = searcher.correctSpelling(answer).0 ?? answer
        let written = searcher.analyzer.analyze(answer)
        var learnerSurface: [String: String] = [:]
        for term in written where learnerSurface[term.term] == nil { learnerSurface[term.term] = term.surface }
        let expansions = searcher.glossaryExpansions(of: answer)
        let synonyms = glossaryTerms(expansions)

        var coveredWeight = 0.0
        var covered: [String] = []
        var missed: [KeyTerm] = []
        var usedSynonyms = Set<String>()
        for key in keyTerms {
            let parts = searcher.partTerms(of: key.term)
            if let surface = learnerSurface[key.term] {
                covered.append(surface)
                coveredWeight += key.weight
            } else if !parts.isEmpty, parts.allSatisfy({ learnerSurface[$0] != nil }) {
                covered.append(parts.compactMap { learnerSurface[$0] }.joined(separator: " "))
                coveredWeight += key.weight
            } else if let synonym = synonyms[key.term], usedSynonyms.insert(synonym.trigger).inserted {
                // One phrase earns one key term (the heaviest, as key terms come heaviest first).
                covered.append("\(synonym.trigger) (for \(key.surface))")
                coveredWeight += key.weight * (synonym.isSynonym ? 1 : Self.relatedTermCredit)
            } else {
                missed.append(key)
            }
        }
        let total = keyTerms.reduce(0) { $0 + $1.weight }
        let keyRecall = total > 0 ? coveredWeight / total : 0
        // The long tail counts too: a full answer touches more of the reference than its key terms.
        let tail = allTerms.dropFirst(keyTermLimit)
        let tailTotal = tail.reduce(0) { $0 + $1.weight }
        let tailCovered = tail.filter { learnerSurface[$0.term] != nil }.reduce(0) { $0 + $1.weight }
        let recall = tailTotal > 0 ? (1 - Self.tailShare) * keyRecall + Self.tailShare * tailCovered / tailTotal : keyRecall
        let precision = precision(of: written, for: entry, expansions: expansions)
        // Off-topic talk also discounts what was covered, a little.
        let score = 100 * (Self.recallShare * recall * (0.8 + 0.2 * precision) + (1 - Self.recallShare) * precision)
        var grade = Grade(
            entryID: id, score: Int(score.rounded()), covered: covered, missed: missed.map(\.surface),
            missedTerms: Set(missed.map(\.term)))
        grade.recall = recall
        grade.precision = precision
        return grade
    }

    /// The share of the learner's words that this entry uses, each weighted by how much it tells
    /// (idf, damped for everyday English). Question words count here, as a sign of staying on
    /// topic, though they earn no recall: restating the question alone stays below 20.
    func precision(of written: [AnalyzedTerm], for entry: Entry, expansions: [QueryAnalysis.Expansion]) -> Double {
        guard let position = searcher.corpus.position(ofEntry: entry.id) else { return 0 }
        var entryTerms = Set(searcher.index.documents[position].map { searcher.index.terms[Int($0.term)] })
        // Words of a glossary phrase that leads to this entry's terms are on topic too.
        for expansion in expansions where expansion.expansionTerms.contains(where: entryTerms.contains) {
            entryTerms.formUnion(expansion.triggerTerms)
        }
        var seen = Set<String>()
        var said = 0.0
        var onTopic = 0.0
        for term in written where !term.isPart && seen.insert(term.term).inserted {
            let common = Self.isTechnical(term) ? 1 : EnglishFrequency.informativeness(of: term.surface)
            let mass = (searcher.idf(of: term.term) ?? searcher.scorer.unseenTermIDF) * common
            said += mass
            if entryTerms.contains(term.term) { onTopic += mass }
        }
        return said > 0 ? onTopic / said : 0
    }

    /// Terms the glossary adds for phrases in the answer, each with the expansion that added it.
    private func glossaryTerms(_ expansions: [QueryAnalysis.Expansion]) -> [String: QueryAnalysis.Expansion] {
        var terms: [String: QueryAnalysis.Expansion] = [:]
        for expansion in expansions {
            for term in expansion.expansionTerms where terms[term] == nil { terms[term] = expansion }
        }
        return terms
    }

    /// The reference answer's heaviest terms, without question words, filler or redundant parts.
    public func referenceTerms(of entry: Entry) -> [KeyTerm] {
        referenceTerms(of: entry, limit: keyTermLimit)
    }

    func referenceTerms(of entry: Entry, limit: Int) -> [KeyTerm] {
        let analyzer = searcher.analyzer
        let questionTerms = Set(analyzer.terms(entry.question))
        let plain = MarkdownText.plain(entry.answer)
        let lead = Set(analyzer.terms(String(plain.prefix { $0 != "." && $0 != "\n" })))
        var counts: [String: Double] = [:]
        var boosts: [String: Double] = [:]
        var surfaces: [String: String] = [:]
        for term in analyzer.analyze(plain)
        where !term.isPart && !questionTerms.contains(term.term) && !FillerWords.all.contains(term.surface.lowercased()) {
            guard searcher.idf(of: term.term) != nil else { continue }
            counts[term.term, default: 0] += 1
            let boost = (Self.isTechnical(term) ? 2 : 1) * (lead.contains(term.term) ? 1.5 : 1)
            boosts[term.term] = max(boosts[term.term] ?? 0, boost)
            if surfaces[term.term] == nil { surfaces[term.term] = term.surface }
        }
        // Sublinear tf: a word said three times matters more than once, not three times as much.
        let ranked = counts.map { term, count in
            KeyTerm(term: term, surface: surfaces[term] ?? term,
                    weight: searcher.idf(of: term)! * (1 + log(count)) * boosts[term]!)
        }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        var chosen: [KeyTerm] = []
        var redundant = Set<String>()
        for key in ranked where chosen.count < limit && !redundant.contains(key.term) {
            chosen.append(key)
            redundant.formUnion(searcher.partTerms(of: key.term))
        }
        return chosen
    }

    /// An identifier, or an acronym of two or more capitals (`MVC`, `CSRF`), not a capitalised word.
    static func isTechnical(_ term: AnalyzedTerm) -> Bool {
        Searcher.isTechnical(term)
    }
}
