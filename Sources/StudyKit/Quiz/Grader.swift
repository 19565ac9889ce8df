import Foundation

/// Grades a free-text answer against an entry's reference answer, as a fair interviewer would:
/// how much of the reference the answer covers, how close it comes in meaning, and whether it
/// asserts something the reference contradicts.
///
/// - **Coverage** is recall over the reference's key terms (by weight), with a share for the rest
///   of its words (the long tail), which a full answer touches too. Key terms are content words of
///   the reference, by a rule for any corpus: identifiers and acronyms (`select_related`, `CSRF`),
///   and words rarer in everyday English than "mention" (`EnglishFrequency`, weighed by rarity), but
///   no ordinary verb or adverb ("defines", "efficiently") unless the domain names it
///   (`Searcher.isOrdinaryWord`), used by at most half the entries (not the corpus's subject,
///   "Django"), that the question does not already say and that no remark about the interview
///   carries ("Bonus points if…", `InterviewRemark`), nor a word inside a compound key term
///   (`superuser` in `createsuperuser`). A term is covered by itself, by an identifier that contains it
///   (`get_queryset` for QuerySets), by its parts (`select related`), in British or American
///   spelling; a glossary synonym counts as the term and a related feature earns half.
/// - **Meaning** is the cosine of the answer's and the reference's sentence embeddings (when the
///   searcher has them): it credits a correct answer in other words.
/// - **Staying on topic**: of what the answer leaves uncovered, a share is earned in proportion to
///   how much of what it says the entry supports (precision, beyond the question's own words), so
///   a brief true answer ranks above a confident one about something else, and extra detail on a
///   full answer costs nothing.
/// - **Contradictions** (`Contradictions`) are shown and cost the answer a share of its score; the
///   suggested rating is then "again".
///
/// With a rubric (`RubricJudge`), the score is one function of the key points the answer states,
/// in any words, and of the signals above (`RubricFusion`; half and half without the sense of
/// meaning), and a common mistake said in so many words is a contradiction; the grade then says
/// when its suggestion is only a guess (`doubts`), and the learner rates themselves.
///
/// Questions with no single right answer (`OpenQuestion`) are not scored: the learner rates
/// themselves against the reference.
public struct Grader: Sendable {
    let searcher: Searcher
    let keyTermLimit: Int
    let contradictionFinder: Contradictions
    /// The part of coverage that comes from the reference's terms beyond the key terms.
    static let tailShare = 0.2
    /// Credit for a key term reached through a glossary rule that names a related feature.
    static let relatedTermCredit = 0.5
    /// The part of the score that comes from closeness in meaning, when it is known.
    static let meaningShare = 0.2
    /// Cosines at or below this say nothing (unrelated texts still reach it); the rest of the
    /// range up to `fullMeaning` maps onto 0...1.
    static let unrelatedMeaning = 0.3
    static let fullMeaning = 0.8
    /// The part of what an answer leaves uncovered that it earns by saying only what the entry
    /// supports: a full answer's extra detail costs it nothing, while a brief, true answer ranks
    /// above a long one about something else. Chosen on the dev split.
    static let onTopicShare = 0.5
    /// Words beyond the question's own that make a whole answer, however brief.
    static let substantialTerms = 3
    /// The share of the score an answer keeps when it contradicts the reference: a wrong fact
    /// outweighs what the rest of the answer covers (chosen on the dev split).
    static let contradictionKeeps = 0.3
    /// Everyday English words at least this common (Zipf) are never key terms: "mention",
    /// "explain", "command", "two" say nothing an answer must contain. Rarer ones weigh by how
    /// rare they are (`EnglishFrequency.informativeness`).
    static let everydayZipf = 4.5
    /// The most of an answer that is analysed: a pasted essay is graded on its first 4,000
    /// characters, which no fair answer to an interview question exceeds.
    public static let answerLimit = CharacterLimit(4_000)

    /// With a rubric, the part of the score that comes from the key points it states (chosen on
    /// the dev split); the rest is the key-term score.
    static let rubricShare = 0.5
    /// A key-term score this close to the edge between "hard" and "good" could be either: the
    /// grader says it is unsure.
    static let bandMargin = 6
    /// A reference of fewer words than this (a pointer to another entry, a one-line command)
    /// cannot tell what an answer leaves out.
    static let thinReference = 20
    /// Closer in meaning to the reference than most good answers come (their median on the dev
    /// splits is 0.75).
    static let goodAnswersSimilarity = 0.8
    /// The coverage at which feedback calls a key point stated: well past the point where
    /// closeness in meaning starts to count, so that "stated" is not said of a loose paraphrase.
    static let statedCoverage = 0.7

    let rubric: Rubric
    let judge: RubricJudge
    let names: ReferenceNames?

    /// - Parameters:
    ///   - rubric: each entry's key points and misconceptions; without one, key terms grade.
    ///   - names: the domain's documented names, when known: an answer naming a command, tag,
    ///     filter or module that does not exist contradicts the reference.
    public init(searcher: Searcher, rubric: Rubric = .empty, names: ReferenceNames? = nil, keyTermLimit: Int = 8) {
        self.searcher = searcher
        self.rubric = rubric
        self.names = names
        self.keyTermLimit = keyTermLimit
        self.contradictionFinder = Contradictions(searcher: searcher)
        self.judge = RubricJudge(searcher: searcher, vectors: searcher.semantic.map { RubricVectors(embedder: $0.embedder, rubric: rubric) })
    }

    public func grade(_ answer: String, forEntry id: Int) -> Grade? {
        guard let entry = searcher.corpus.entry(id: id) else { return nil }
        let item = rubric.item(forEntry: id)
        guard !OpenQuestion.isOpen(entry), item?.isOpen != true else {
            var grade = Grade(entryID: id, score: 0, covered: [], missed: [], missedTerms: [])
            grade.selfRated = true
            return grade
        }
        let (answer, answerWasCut) = Self.answerLimit.cut(answer)
        let (allTerms, ordinaryWords) = referenceTermsAndOrdinaryWords(of: entry, limit: Int.max)
        let keyTerms = Array(allTerms.prefix(keyTermLimit))
        // A typo should cost no more in an answer than in a question.
        let corrected = searcher.correctSpelling(answer).0 ?? answer
        let written = searcher.analyzer.analyze(corrected)
        let forms = LearnerForms(written, analyzer: searcher.analyzer)
        let expansions = searcher.glossaryExpansions(of: corrected)
        let synonyms = glossaryTerms(expansions)

        var coveredWeight = 0.0
        var covered: [String] = []
        var missed: [KeyTerm] = []
        // One phrase earns one key term: the one it is itself ("DTL"), or else the heaviest it
        // stands for as a glossary trigger (key terms come heaviest first).
        var usedPhrases = Set(keyTerms.compactMap { forms.surface(of: $0.term)?.lowercased() })
        for key in keyTerms {
            let parts = searcher.partTerms(of: key.term)
            if let surface = forms.surface(of: key.term) {
                covered.append(surface)
                coveredWeight += key.weight
            } else if !parts.isEmpty, parts.allSatisfy({ forms.surface(of: $0) != nil }) {
                covered.append(parts.compactMap { forms.surface(of: $0) }.joined(separator: " "))
                coveredWeight += key.weight
            } else if let synonym = synonyms[key.term], usedPhrases.insert(synonym.trigger.lowercased()).inserted {
                covered.append("\(synonym.trigger) (for \(key.surface))")
                coveredWeight += key.weight * (synonym.isSynonym ? 1 : Self.relatedTermCredit)
            } else {
                missed.append(key)
            }
        }
        let total = keyTerms.reduce(0) { $0 + $1.weight }
        let keyRecall = total > 0 ? coveredWeight / total : 0
        let tail = allTerms.dropFirst(keyTermLimit) + ordinaryWords
        let tailTotal = tail.reduce(0) { $0 + $1.weight }
        let tailCovered = tail.filter { forms.surface(of: $0.term) != nil }.reduce(0) { $0 + $1.weight }
        let recall = tailTotal > 0 ? (1 - Self.tailShare) * keyRecall + Self.tailShare * tailCovered / tailTotal : keyRecall

        let findings = contradictionFinder.find(in: corrected, reference: entry)
        let unknownNames = names?.unknownNames(in: answer) ?? []
        var contradictions = findings.wrong + unknownNames
        let position = searcher.corpus.position(ofEntry: id)
        // One pass of the encoder embeds the whole answer (for closeness to every entry) and, with
        // a rubric, each of its sentences: one batch costs less than two.
        let units = item == nil ? [corrected] : RubricJudge.units(of: corrected)
        let unitVectors = searcher.semantic?.embedder.embed(units)
        let answerVector = unitVectors?.last
        let answerCosines = answerVector.flatMap { vector in searcher.semantic.map { $0.answerCosines(of: vector) } }
        let similarity = position.flatMap { position in answerCosines.map { max(0, $0[position]) } }
        // How much closer the answer comes to its own entry than to any other: an answer that
        // describes a neighbouring concept comes closer to that concept's entry.
        let ownEntryMargin = position.flatMap { position in
            answerCosines.map { cosines in cosines[position] - (cosines.indices.filter { $0 != position }.map { cosines[$0] }.max() ?? -1) }
        }
        let support = support(of: written, for: entry, expansions: expansions)
        let meaning = similarity.map { min(1, max(0, ($0 - Self.unrelatedMeaning) / (Self.fullMeaning - Self.unrelatedMeaning))) }
        var score = meaning.map { (1 - Self.meaningShare) * recall + Self.meaningShare * $0 } ?? recall
        // Of what the answer leaves uncovered, a part is earned by staying on the topic: little
        // said, all of it the reference's, beats much said about something else.
        score += Self.onTopicShare * support.precision * support.substance * (1 - recall)
        let keyTermScore = min(1, max(0, score))
        var judgement: RubricJudge.Judgement?
        if let item {
            let judged = judge.judge(
                units: units, unitVectors: unitVectors, item: item, entry: entry, forms: forms, synonyms: Set(synonyms.keys))
            judgement = judged
            let wrong = !contradictions.isEmpty
            contradictions += judged.asserted.map { "says what is a common mistake: \u{201C}\(item.misconceptions[$0].text)\u{201D}" }
            if let features = RubricFusion.features(
                of: judged, keyTermScore: keyTermScore, precision: support.precision, contradicted: wrong,
                makesClaims: !findings.doubtful.isEmpty)
            {
                score = RubricFusion.score(features)
            } else {
                // Without embeddings there is nothing to fuse: the key points by their words, beside the key terms.
                score = Self.rubricShare * judged.score + (1 - Self.rubricShare) * keyTermScore
                if !contradictions.isEmpty { score *= Self.contradictionKeeps }
            }
        } else if !contradictions.isEmpty {
            score *= Self.contradictionKeeps
        }
        score = min(1, max(0, score))

        var grade = Grade(
            entryID: id, score: Int((100 * score).rounded()), covered: covered, missed: missed.map(\.surface),
            missedTerms: Set(missed.map(\.term)))
        grade.recall = recall
        grade.precision = support.precision
        grade.similarity = similarity
        grade.contradictions = contradictions
        grade.answerWasCut = answerWasCut
        grade.keyTermScore = keyTermScore
        grade.ownEntryMargin = ownEntryMargin
        grade.judgement = judgement
        grade.claims = findings.doubtful
        if let item, let judgement {
            let stated = judgement.coverage.map { $0 >= Self.statedCoverage }
            grade.keyPointsCovered = zip(item.keyPoints, stated).filter(\.1).map(\.0.text)
            grade.keyPointsMissed = zip(item.keyPoints, stated).filter { !$0.1 }.map(\.0.text)
            grade.compareWith = judgement.close.map { item.misconceptions[$0].text }
        }
        if let judgement {
            grade.bands = Grade.rubricRatingBands
            grade.goodOdds = GoodAnswerOdds.features(of: grade, judgement: judgement).map(GoodAnswerOdds.probability)
        }
        grade.doubts = doubts(of: grade, entry: entry, unknownNames: unknownNames)
        return grade
    }

    /// Why the suggestion is only a guess. Without a rubric: a sweeping claim the reference does
    /// not make, or a score near the edge between "hard" and "good". With one, the grader is sure
    /// only where the answer is very likely good or very unlikely to be (`GoodAnswerOdds`), since
    /// between the two a partial answer, a fluent wrong one and a good one in unexpected words all
    /// fall; a sweeping claim leaves all but "again" unsure (as without a rubric); a contradiction is sure only where the
    /// answer is otherwise very unlikely to be good (a name the documentation lacks is a fact,
    /// always sure); "again" is never sure by a reference too short to say what an answer leaves
    /// out, nor "hard" for an answer that states the core point as closely as a good answer does.
    /// With a rubric but without the sense of meaning, the odds are unknown and only a name the
    /// documentation lacks is sure.
    func doubts(of grade: Grade, entry: Entry, unknownNames: [String]) -> [String] {
        let claims = grade.claims.map { "it \($0)" }
        guard let odds = grade.goodOdds else {
            if grade.judgement != nil {
                return !grade.contradictions.isEmpty && !unknownNames.isEmpty
                    ? [] : claims + ["it was graded by its words alone, which cannot tell how likely it is a good answer"]
            }
            let nearEdge = grade.contradictions.isEmpty && abs(grade.score - grade.bands.good) < Self.bandMargin
            return claims + (nearEdge ? ["its score is near the edge between hard and good"] : [])
        }
        if !grade.contradictions.isEmpty {
            guard unknownNames.isEmpty, odds > GoodAnswerOdds.sureNotGood else { return [] }
            return ["it contradicts the reference, yet may otherwise be a good answer"]
        }
        if (!claims.isEmpty && grade.suggested != .again) || odds >= GoodAnswerOdds.sureGood { return claims }
        if odds > GoodAnswerOdds.sureNotGood {
            return claims
                + (grade.suggested == .hard || grade.suggested == .again
                    ? ["it may be a fuller answer than its score says, or a wrong one"] : ["it may not be a full answer"])
        }
        if grade.suggested == .again, MarkdownText.plain(entry.answer).split(separator: " ").count < Self.thinReference {
            return ["the reference is too short to say what an answer leaves out"]
        }
        // The signals disagree: the core point stated, and the whole as close in meaning as a good answer.
        if grade.suggested == .hard, let core = grade.judgement?.coverage.first, core >= Self.statedCoverage,
            let similarity = grade.similarity, similarity >= Self.goodAnswersSimilarity
        {
            return ["it states the core point as closely as a good answer does, and may be fuller than its score says"]
        }
        return []
    }

    /// How much of what the answer says the entry supports.
    struct Support {
        /// The share of the learner's words, beyond the question's own, that this entry uses, each
        /// weighted by how much it tells (idf, damped for everyday English).
        var precision: Double
        /// How far the answer says anything at all: restating the question says nothing, and one
        /// word is not yet an answer (`substantialTerms`).
        var substance: Double
    }

    func support(of written: [AnalyzedTerm], for entry: Entry, expansions: [QueryAnalysis.Expansion]) -> Support {
        guard let position = searcher.corpus.position(ofEntry: entry.id) else { return Support(precision: 0, substance: 0) }
        let questionTerms = Set(searcher.analyzer.terms(entry.question))
        var entryTerms = Set(searcher.index.documents[position].map { searcher.index.terms[Int($0.term)] })
        for expansion in expansions where expansion.expansionTerms.contains(where: entryTerms.contains) {
            entryTerms.formUnion(expansion.triggerTerms)
        }
        let entryOrQuestionTerms = entryTerms.union(questionTerms)
        var seen = Set<String>()
        var said = 0.0
        var onTopic = 0.0
        for term in written where !term.isPart && !questionTerms.contains(term.term) && seen.insert(term.term).inserted {
            let common = Searcher.isTechnical(term) ? 1 : EnglishFrequency.informativeness(of: term.surface)
            let mass = (searcher.idf(of: term.term) ?? searcher.scorer.unseenTermIDF) * common
            said += mass
            if entryTerms.contains(term.term) || isSupportedIdentifier(term, by: entryOrQuestionTerms) { onTopic += mass }
        }
        return Support(precision: said > 0 ? onTopic / said : 0, substance: min(1, Double(seen.count) / Double(Self.substantialTerms)))
    }

    /// An identifier the entry does not use but at least half of whose parts it does
    /// (`SessionMiddleware` in an answer about middleware and sessions): correct detail, not talk
    /// about something else.
    private func isSupportedIdentifier(_ term: AnalyzedTerm, by entryTerms: Set<String>) -> Bool {
        guard term.isIdentifier else { return false }
        let parts = searcher.partTerms(of: term.surface)
        return !parts.isEmpty && 2 * parts.filter(entryTerms.contains).count >= parts.count
    }

    /// Terms the glossary adds for phrases in the answer, each with the expansion that added it.
    private func glossaryTerms(_ expansions: [QueryAnalysis.Expansion]) -> [String: QueryAnalysis.Expansion] {
        var terms: [String: QueryAnalysis.Expansion] = [:]
        for expansion in expansions {
            for term in expansion.expansionTerms where terms[term] == nil { terms[term] = expansion }
        }
        return terms
    }

    /// The reference answer's heaviest terms, without question words, everyday words, ordinary
    /// verbs and adverbs, remarks about the interview or redundant parts.
    public func referenceTerms(of entry: Entry) -> [KeyTerm] {
        referenceTerms(of: entry, limit: keyTermLimit)
    }

    func referenceTerms(of entry: Entry, limit: Int) -> [KeyTerm] {
        referenceTermsAndOrdinaryWords(of: entry, limit: limit).terms
    }

    /// The reference's terms (`referenceTerms`) and, apart, its ordinary verbs and adverbs
    /// ("defines", "efficiently"): never key terms, but words of the reference all the same, which
    /// the long tail counts as it always did.
    func referenceTermsAndOrdinaryWords(of entry: Entry, limit: Int) -> (terms: [KeyTerm], ordinary: [KeyTerm]) {
        let analyzer = searcher.analyzer
        let questionTerms = Set(analyzer.terms(entry.question))
        let content = InterviewRemark.assertions(of: entry)
        let lead = Set(analyzer.terms(content.first ?? ""))
        var counts: [String: Double] = [:]
        var boosts: [String: Double] = [:]
        var informativeness: [String: Double] = [:]
        var surfaces: [String: String] = [:]
        var ordinary = Set<String>()
        for term in analyzer.analyze(content.joined(separator: "\n"))
        where !term.isPart && !questionTerms.contains(term.term) && Self.isContentWord(term) {
            // A word most entries use is the corpus's subject ("Django"), not this answer's.
            guard searcher.idf(of: term.term) != nil,
                searcher.documentFrequency(ofTerm: term.term) * 2 <= searcher.corpus.entries.count
            else { continue }
            counts[term.term, default: 0] += 1
            let boost = (Self.isTechnical(term) ? 2 : 1) * (lead.contains(term.term) ? 1.5 : 1)
            boosts[term.term] = max(boosts[term.term] ?? 0, boost)
            informativeness[term.term] = Self.isTechnical(term) ? 1 : EnglishFrequency.informativeness(of: term.surface)
            if surfaces[term.term] == nil {
                surfaces[term.term] = term.surface
                if searcher.isOrdinaryWord(term) { ordinary.insert(term.term) }
            }
        }
        // Sublinear tf: a word said three times matters more than once, not three times as much.
        let ranked = counts.map { term, count in
            KeyTerm(
                term: term, surface: surfaces[term] ?? term,
                weight: searcher.idf(of: term)! * (1 + log(count)) * boosts[term]! * informativeness[term]!)
        }
        .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        var chosen: [KeyTerm] = []
        var redundant = Set<String>()
        for key in ranked where chosen.count < limit && !redundant.contains(key.term) && !ordinary.contains(key.term) {
            // A word inside a compound already chosen (`superuser` in `createsuperuser`) says it again.
            guard !chosen.contains(where: { Self.compound($0.surface, contains: key.term) }) else { continue }
            chosen.removeAll { Self.compound(key.surface, contains: $0.term) }
            chosen.append(key)
            redundant.formUnion(searcher.partTerms(of: key.term))
        }
        return (chosen, ranked.filter { ordinary.contains($0.term) })
    }

    /// Whether `surface` is a compound typed as one word that no dictionary knows
    /// (`createsuperuser`) and has `term` inside it, as `LearnerForms` reads an answer.
    static func compound(_ surface: String, contains term: String) -> Bool {
        let lowered = surface.lowercased()
        return LearnerForms.isCompound(lowered) && term.count >= LearnerForms.compoundPart && lowered.count > term.count
            && lowered.contains(term)
    }

    /// Technical terms always; other words only when rarer in everyday English than `everydayZipf`.
    static func isContentWord(_ term: AnalyzedTerm) -> Bool {
        isTechnical(term) || (EnglishFrequency.zipf(of: term.surface).map { $0 < everydayZipf } ?? true)
    }

    /// An identifier, or an acronym of two or more capitals (`MVC`, `CSRF`), not a capitalised word.
    static func isTechnical(_ term: AnalyzedTerm) -> Bool {
        Searcher.isTechnical(term)
    }
}

/// The forms in which a learner's answer can cover a term: each analysed term, an identifier's
/// parts (`get_queryset` covers `queryset`), a one-word identifier's stem (`QuerySets` and
/// `queryset` are one term to a reader), the words a common abbreviation stands for (`js`,
/// `config`), a word inside a compound the learner typed as one (`createsuperuser` says
/// `superuser`), and other forms of the same word (`overridden` for `override`, `submissions`
/// for `submitted`).
struct LearnerForms {
    private var surfaces: [String: String] = [:]
    /// Words no dictionary knows, of which a term may be a part.
    private var compounds: [(word: String, surface: String)] = []
    private let analyzer: Analyzer
    /// The shortest stem that another form of the same word may extend.
    static let sharedStem = 6

    init(_ written: [AnalyzedTerm], analyzer: Analyzer) {
        self.analyzer = analyzer
        for term in written {
            add(term.term, term.surface)
            if term.isIdentifier, Self.isOneWord(term.term) { add(analyzer.stem(term.term), term.surface) }
            if let expansion = CommonAbbreviations.expansions[term.surface.lowercased()] {
                for word in analyzer.terms(expansion) { add(word, term.surface) }
            }
            let lowered = term.surface.lowercased()
            if Self.isCompound(lowered) { compounds.append((lowered, term.surface)) }
        }
    }

    private mutating func add(_ form: String, _ surface: String) {
        if surfaces[form] == nil { surfaces[form] = surface }
    }

    /// A word of eight letters or more that no dictionary knows, which may join several (`createsuperuser`).
    static func isCompound(_ lowered: String) -> Bool {
        lowered.count >= 8 && isOneWord(lowered) && EnglishFrequency.zipf(of: lowered) == nil
    }

    /// The shortest term that counts as a part of such a compound.
    static let compoundPart = 5

    private static func isOneWord(_ term: String) -> Bool {
        term.allSatisfy { $0.isLetter || $0.isNumber }
    }

    /// A stem with the Latin alternation undone: `submiss` (submission) is `submit`, `permiss` `permit`.
    private static func base(_ stem: String) -> String {
        stem.hasSuffix("miss") ? String(stem.dropLast(2)) + "t" : stem
    }

    /// How the learner wrote `term`, if they covered it in any of its forms.
    func surface(of term: String) -> String? {
        if let exact = surfaces[term] ?? (Self.isOneWord(term) ? surfaces[analyzer.stem(term)] : nil) { return exact }
        guard Self.isOneWord(term) else { return nil }
        let wanted = Self.base(term)
        if wanted.count >= Self.sharedStem {
            for (form, surface) in surfaces where Self.isOneWord(form) {
                let other = Self.base(form)
                let (short, long) = other.count < wanted.count ? (other, wanted) : (wanted, other)
                if short.count >= Self.sharedStem, long.hasPrefix(short) { return surface }
            }
        }
        if term.count >= Self.compoundPart, let compound = compounds.first(where: { $0.word.count > term.count && $0.word.contains(term) }) {
            return compound.surface
        }
        return nil
    }
}
