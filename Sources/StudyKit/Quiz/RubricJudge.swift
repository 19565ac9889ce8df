import Foundation

/// Reads an answer against an entry's rubric: which key points it states, in any words, and which
/// misconceptions it asserts.
///
/// A key point is stated when one of the answer's sentences (or the whole answer) comes close in
/// meaning to one of the point's phrasings (the encoder's cosine), or says its content words
/// (stems, identifiers' parts, compounds, common abbreviations and glossary synonyms count). A
/// sentence is compared with each point apart, so a correct example or an extra true detail in
/// another sentence never lowers what the answer covers.
///
/// A misconception is flagged only on evidence in the words: the answer says its distinctive
/// words (those the reference and the key points never use) with the same polarity, or says the
/// reference's own words with the misconception's polarity where the reference has the opposite
/// one ("has no built-in support" is not "has built-in support"). Closeness in meaning alone
/// cannot tell a fluent falsehood from the truth, so it never marks an answer wrong: the learner
/// is shown the mistake to compare with, and the fused score weighs it a little (`RubricFusion`).
struct RubricJudge: Sendable {
    let searcher: Searcher
    let vectors: RubricVectors?

    /// Cosines at or below this say nothing; at `fullCosine` a phrasing is stated: unrelated
    /// sentences still reach about 0.35, and good answers' best cosine with a key point averages
    /// about 0.71 (partial ones 0.47).
    static let unrelatedCosine = 0.35
    static let fullCosine = 0.72
    /// A point said in its own words counts as fully stated when this share of its content
    /// (by informativeness) is there.
    static let lexicalFull = 0.75
    /// A misconception closer than this to a sentence, and no more than `closeMargin` less close
    /// than the sentence's best key point, is one to check (chosen on the dev split).
    static let closeMisconception = 0.7
    static let closeMargin = -0.05

    /// What the answer's words and meaning show of one misconception, at its strongest.
    struct Evidence: Sendable, Equatable, Encodable {
        /// The best cosine of an answer sentence with one of its phrasings, and that sentence's
        /// best cosine with any key point.
        var cosine = -1.0
        var keyCosine = -1.0
        /// Of the phrasing's words that neither the reference nor the key points use, the share
        /// (by weight) the sentence says; nil when it has none.
        var distinctiveShare: Double?
        /// The share of all its words the sentence says.
        var lexicalShare = 0.0
        var samePolarity = false
        /// The reference says the same words with the opposite polarity.
        var referenceDiffers = false
    }

    struct Judgement: Sendable, Equatable, Encodable {
        /// Each key point's coverage, 0...1, in rubric order: by meaning and by words.
        var semantic: [Double]
        var lexical: [Double]
        var coverage: [Double] { zip(semantic, lexical).map { max($0, $1) } }
        /// The key points' mean coverage by meaning and by words (0 without key points).
        var meanSemantic: Double { semantic.isEmpty ? 0 : semantic.reduce(0, +) / Double(semantic.count) }
        var meanLexical: Double { lexical.isEmpty ? 0 : lexical.reduce(0, +) / Double(lexical.count) }
        /// Weighted coverage, 0...1: the first point weighs double.
        var score: Double
        /// Each misconception's strongest evidence.
        var evidence: [Evidence]
        /// For each sentence of the answer (and the whole answer, last, when it has several), its
        /// best cosine with any key point and with any misconception.
        var sentenceKeyCosines: [Double] = []
        var sentenceMisconceptionCosines: [Double] = []
        /// How many of the answer's terms neither the reference nor the key points use, and the
        /// share of its terms they do use.
        var termsBeyondReference = 0
        var shareInReference = 0.0

        private enum CodingKeys: String, CodingKey {
            case semantic, lexical, score, evidence, sentenceKeyCosines, sentenceMisconceptionCosines
        }
        /// Misconceptions the answer asserts, by the evidence of its words.
        var asserted: [Int] { evidence.indices.filter { RubricJudge.asserts(evidence[$0]) } }
        /// Misconceptions the answer comes close to in meaning without that evidence.
        var close: [Int] {
            evidence.indices.filter { !RubricJudge.asserts(evidence[$0]) && RubricJudge.isClose(evidence[$0]) }
        }
    }

    static func asserts(_ evidence: Evidence) -> Bool {
        guard evidence.samePolarity, evidence.cosine >= assertedCosine, evidence.cosine > evidence.keyCosine else { return false }
        if let distinctive = evidence.distinctiveShare { return distinctive >= 0.6 && evidence.lexicalShare >= 0.5 }
        return evidence.referenceDiffers && evidence.lexicalShare >= 0.7
    }

    /// A sentence must come at least this close to a misconception, and closer than to any key
    /// point, before its words can count as asserting it.
    static let assertedCosine = 0.5

    static func isClose(_ evidence: Evidence) -> Bool {
        evidence.cosine >= closeMisconception && evidence.cosine - evidence.keyCosine > closeMargin
    }

    /// `units`: the answer's `units(of:)`; `unitVectors`: their embeddings, which the grader
    /// computes in the same pass as the whole answer's (nil without the sense of meaning).
    func judge(units: [String], unitVectors: [[Float]]?, item: Rubric.Item, entry: Entry, forms: LearnerForms, synonyms: Set<String>)
        -> Judgement
    {
        let unitVectors = vectors == nil ? nil : unitVectors
        let statementVectors = vectors?.vectors(of: item, entryID: entry.id)
        let unitForms = units.map { LearnerForms(searcher.analyzer.analyze($0), analyzer: searcher.analyzer) }
        // The best cosine of each unit with each key point, for comparing with misconceptions.
        var bestKeyCosine = [Double](repeating: -1, count: units.count)
        var semantic: [Double] = []
        var lexical: [Double] = []
        for (pointIndex, point) in item.keyPoints.enumerated() {
            var bestSemantic = 0.0
            var bestLexical = 0.0
            for (phrasingIndex, phrasing) in point.phrasings.enumerated() {
                bestLexical = max(bestLexical, min(1, lexicalCoverage(of: phrasing, by: forms, synonyms: synonyms) / Self.lexicalFull))
                guard let unitVectors, let statementVectors else { continue }
                let vector = statementVectors.keyPoints[pointIndex][phrasingIndex]
                for (unit, unitVector) in unitVectors.enumerated() {
                    let cosine = Self.cosine(unitVector, vector)
                    bestKeyCosine[unit] = max(bestKeyCosine[unit], cosine)
                    bestSemantic = max(bestSemantic, Self.mapped(cosine))
                }
            }
            semantic.append(bestSemantic)
            lexical.append(bestLexical)
        }
        let weights = item.keyPoints.indices.map { $0 == 0 ? 2.0 : 1.0 }
        let coverage = zip(semantic, lexical).map { max($0, $1) }
        let score = zip(coverage, weights).reduce(0) { $0 + $1.0 * $1.1 } / weights.reduce(0, +)

        let ownTerms = referenceTerms(of: entry, item: item)
        let referenceSentences = Sentences.split(MarkdownText.plain(entry.answer)).map {
            (terms: Set(searcher.analyzer.terms($0)), negated: Polarity.isNegated($0))
        }
        var evidence: [Evidence] = []
        var bestMisconceptionCosine = [Double](repeating: -1, count: units.count)
        for (index, misconception) in item.misconceptions.enumerated() {
            var strongest = Evidence()
            for (phrasingIndex, phrasing) in misconception.phrasings.enumerated() {
                for unit in units.indices {
                    var found = words(of: phrasing, in: units[unit], forms: unitForms[unit], ownTerms: ownTerms, reference: referenceSentences)
                    if let unitVectors, let statementVectors {
                        found.cosine = Self.cosine(unitVectors[unit], statementVectors.misconceptions[index][phrasingIndex])
                        found.keyCosine = bestKeyCosine[unit]
                        bestMisconceptionCosine[unit] = max(bestMisconceptionCosine[unit], found.cosine)
                    }
                    if Self.strength(found) > Self.strength(strongest) { strongest = found }
                }
            }
            evidence.append(strongest)
        }
        var judgement = Judgement(semantic: semantic, lexical: lexical, score: score, evidence: evidence)
        // The whole answer is the last unit.
        let answerTerms = Set(searcher.analyzer.terms(units.last ?? ""))
        let known = answerTerms.intersection(ownTerms).count
        judgement.termsBeyondReference = answerTerms.count - known
        judgement.shareInReference = answerTerms.isEmpty ? 0 : Double(known) / Double(answerTerms.count)
        if unitVectors != nil {
            judgement.sentenceKeyCosines = bestKeyCosine
            judgement.sentenceMisconceptionCosines = bestMisconceptionCosine
        }
        return judgement
    }

    /// Orders evidence: asserted first, then by closeness and words said.
    private static func strength(_ evidence: Evidence) -> Double {
        (asserts(evidence) ? 10 : 0) + (isClose(evidence) ? 5 : 0) + evidence.cosine + evidence.lexicalShare
    }

    /// Maps a cosine onto 0...1 between `unrelatedCosine` and `fullCosine`.
    static func mapped(_ cosine: Double) -> Double {
        min(1, max(0, (cosine - unrelatedCosine) / (fullCosine - unrelatedCosine)))
    }

    /// The answer's sentences, and the whole answer when it has more than one.
    static func units(of answer: String) -> [String] {
        let sentences = Sentences.split(answer).flatMap { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        return sentences.count > 1 ? sentences + [answer] : [answer]
    }

    // MARK: Words

    /// A phrasing's content terms with how much each tells: code and acronyms fully, everyday
    /// words by how rare they are.
    func contentTerms(of text: String) -> [(term: String, weight: Double)] {
        var seen = Set<String>()
        return searcher.analyzer.analyze(text).compactMap { term in
            guard !term.isPart, seen.insert(term.term).inserted else { return nil }
            let weight = Searcher.isTechnical(term) ? 1 : EnglishFrequency.informativeness(of: term.surface)
            return (term.term, weight)
        }
    }

    /// The share of the phrasing's content the answer says.
    func lexicalCoverage(of phrasing: String, by forms: LearnerForms, synonyms: Set<String>) -> Double {
        let terms = contentTerms(of: phrasing)
        let total = terms.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 0 }
        let said = terms.filter { forms.surface(of: $0.term) != nil || synonyms.contains($0.term) }.reduce(0) { $0 + $1.weight }
        return said / total
    }

    /// Terms of the reference and of every key point: what a misconception says beyond them is
    /// what makes it false.
    func referenceTerms(of entry: Entry, item: Rubric.Item) -> Set<String> {
        var terms = Set(searcher.analyzer.terms(entry.question + "\n" + MarkdownText.plain(entry.answer)))
        for point in item.keyPoints { for phrasing in point.phrasings { terms.formUnion(searcher.analyzer.terms(phrasing)) } }
        return terms
    }

    /// What a sentence of the answer says of a misconception's phrasing in words: its distinctive
    /// words (those neither the reference nor the key points use), all its words, and its polarity
    /// beside the sentence's and the reference's (the reference sentence that says most of the
    /// phrasing decides; where none says half of it, nothing is known).
    func words(
        of phrasing: String, in unit: String, forms: LearnerForms, ownTerms: Set<String>, reference: [(terms: Set<String>, negated: Bool)]
    ) -> Evidence {
        var evidence = Evidence()
        let content = contentTerms(of: phrasing)
        let total = content.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return evidence }
        let phrasingNegated = Polarity.isNegated(phrasing)
        evidence.samePolarity = Polarity.isNegated(unit) == phrasingNegated
        evidence.lexicalShare = content.filter { forms.surface(of: $0.term) != nil }.reduce(0) { $0 + $1.weight } / total
        let distinctive = content.filter { !ownTerms.contains($0.term) && $0.weight >= 0.5 }
        if !distinctive.isEmpty {
            let distinctiveTotal = distinctive.reduce(0) { $0 + $1.weight }
            evidence.distinctiveShare =
                distinctive.filter { forms.surface(of: $0.term) != nil }.reduce(0) { $0 + $1.weight } / distinctiveTotal
        }
        let overlaps = reference.map { sentence in content.filter { sentence.terms.contains($0.term) }.reduce(0) { $0 + $1.weight } }
        if let best = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }), overlaps[best] >= 0.5 * total {
            evidence.referenceDiffers = reference[best].negated != phrasingNegated
        }
        return evidence
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        Double(SemanticIndex.dot(a, b[...]))
    }
}
