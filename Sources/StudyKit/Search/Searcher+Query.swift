import Foundation

/// Query processing: spelling correction, analysis, glossary expansion, weights and coverage.
extension Searcher {
    /// Expansion terms count this much of a typed word: they widen the search without
    /// outvoting what the learner actually wrote.
    static let expansionWeight = 0.5
    /// The least weight a typed word keeps however common it is in English: common words still
    /// say something ("save" in "save() versus form_valid()"), just less than rare ones.
    static let commonWordFloor = 0.5

    public func analyzeQuery(_ query: String) -> QueryAnalysis {
        let (corrected, corrections) = correctSpelling(query)
        let text = corrected ?? query
        let typed = analyzer.analyze(text)
        let phrase = analyzer.phraseTerms(text)

        var weights: [String: (weight: Double, isExpansion: Bool)] = [:]
        var order: [String] = []
        func add(_ term: String, _ weight: Double, expansion: Bool) {
            if weights[term] == nil { order.append(term) }
            let current = weights[term]
            weights[term] = ((current?.weight ?? 0) + weight, (current?.isExpansion ?? true) && expansion)
        }

        let expansions = glossaryExpansions(ofPhrase: phrase)
        for expansion in expansions {
            for term in expansion.expanded {
                add(term.term, Self.expansionWeight * Double(fields.multiplicity(of: term)), expansion: true)
            }
        }
        for term in typed {
            let dampening =
                queryWeighting == .termCounts || Self.isTechnical(term)
                ? 1 : max(Self.commonWordFloor, EnglishFrequency.informativeness(of: term.surface))
            add(term.term, Double(fields.multiplicity(of: term)) * dampening, expansion: false)
        }

        let information = information(of: typed, expansions: expansions)
        var analysis = QueryAnalysis(
            text: query, correctedText: corrected, corrections: corrections, expansions: expansions,
            terms: (order.filter { !weights[$0]!.isExpansion } + order.filter { weights[$0]!.isExpansion }).map {
                QueryAnalysis.WeightedTerm(term: $0, weight: weights[$0]!.weight, isExpansion: weights[$0]!.isExpansion)
            },
            information: information,
            foreignTopics: typed.filter { index.termID($0.term) == nil && glossary.uncoveredTerms.contains($0.term) }.map(\.surface),
            foreignTechnologies: foreignTechnologies(namedIn: text))
        analysis.unknownNames = unknownNames(in: typed)
        return analysis
    }

    /// The typed words no entry uses that are rarer than everyday English (a spelling the
    /// corrector could not place is one too), but not a number, nor a word the glossary knows, nor
    /// an identifier whose parts the corpus all uses (`ThreadPoolExecutor` where it says thread,
    /// pool and executor).
    private func unknownNames(in typed: [AnalyzedTerm]) -> [String] {
        typed.indices.compactMap { position in
            let term = typed[position]
            guard !term.isPart, index.termID(term.term) == nil, EnglishFrequency.zipf(of: term.surface) == nil,
                !glossaryWords.contains(term.term), !term.surface.allSatisfy(\.isNumber)
            else { return nil }
            let parts = typed[(position + 1)...].prefix(while: \.isPart)
            if !parts.isEmpty && parts.allSatisfy({ index.termID($0.term) != nil }) { return nil }
            return term.surface
        }
    }

    /// The technologies the query names that the corpus never mentions, each once at its widest
    /// ("ruby on rails", not also "ruby").
    private func foreignTechnologies(namedIn text: String) -> [String] {
        // "Symfony's routing", "rails/laravel": the name without what sticks to it.
        let plain = Self.withoutPossessives(text).replacingOccurrences(of: "/", with: " ")
        let phrase = analyzer.phraseTerms(plain)
        let words = plain.lowercased().split(whereSeparator: \.isWhitespace).flatMap { word in
            [String(word), String(word.trimmingCharacters(in: Self.wordEdges))]
        }
        // A name the glossary knows (`DRF`) is the corpus's own vocabulary, whatever its text says.
        let candidates = Set(words.flatMap { TechnologyNames.byFirstWord[$0] ?? [] })
            .filter { !$0.split(separator: " ").allSatisfy { glossaryWords.contains(String($0)) } }.sorted()
        let named = candidates.compactMap { ForeignTechnology(name: $0, analyzer: analyzer, vocabulary: vocabulary) }
            .filter { Self.contains(phrase, $0.terms) }
        return named.filter { name in !named.contains { $0.terms.count > name.terms.count && Self.contains($0.terms, name.terms) } }
            .map(\.name)
    }

    /// `text` without the possessive 's (’s) of its words: "Symfony's" → "Symfony". By hand, not
    /// by a regular expression: loading ICU's would cost every one-shot `ask` its milliseconds.
    static func withoutPossessives(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            let isApostrophe = characters[index] == "'" || characters[index] == "\u{2019}"
            let afterWord = index > 0 && (characters[index - 1].isLetter || characters[index - 1].isNumber || characters[index - 1] == ".")
            let isS = index + 1 < characters.count && characters[index + 1].lowercased() == "s"
            let ends = index + 2 >= characters.count || !(characters[index + 2].isLetter || characters[index + 2].isNumber)
            if isApostrophe && afterWord && isS && ends {
                index += 2
                continue
            }
            result.append(characters[index])
            index += 1
        }
        return result
    }

    /// What may stick to a name in a sentence without being part of it (not the `#` of `c#`).
    private static let wordEdges = CharacterSet(charactersIn: ".,;:!?()[]{}\"'\u{2018}\u{2019}\u{201C}\u{201D}")

    /// The glossary rules whose triggers occur in `text`, as phrases.
    public func glossaryExpansions(of text: String) -> [QueryAnalysis.Expansion] {
        glossaryExpansions(ofPhrase: analyzer.phraseTerms(text))
    }

    private func glossaryExpansions(ofPhrase phrase: [String]) -> [QueryAnalysis.Expansion] {
        glossary.rules.compactMap { rule in
            guard let index = rule.triggers.firstIndex(where: { Self.contains(phrase, $0) }) else { return nil }
            return QueryAnalysis.Expansion(
                trigger: rule.triggerText[index], expansion: rule.expansionText, line: rule.line, isSynonym: rule.isSynonym,
                triggerTerms: rule.triggers[index], expanded: rule.expansion)
        }
    }

    /// Each typed word's information: its idf (the rarest possible when no entry has it), damped
    /// when it is everyday English. An unknown identifier speaks through its parts
    /// (`LoginRequiredMixin` → login, required, mixin); a known one stands for them. Words that
    /// triggered a glossary rule are pooled into one piece the rule's expansion can match.
    private func information(of typed: [AnalyzedTerm], expansions: [QueryAnalysis.Expansion]) -> [QueryAnalysis.Information] {
        let rules = expansions.map { (trigger: $0.triggerTerms, expansion: Set($0.expansionTerms)) }
        let triggerWords = Set(rules.flatMap(\.trigger))
        var pieces: [QueryAnalysis.Information] = []
        var ruleMass = Array(repeating: 0.0, count: rules.count)
        var skippingParts = false
        for term in typed {
            if term.isPart && skippingParts { continue }
            let known = index.termID(term.term) != nil
            if term.isIdentifier {
                let hasParts = !partTerms(of: term.term).isEmpty
                skippingParts = known || !hasParts
                if !known && hasParts { continue }
            } else if !term.isPart {
                skippingParts = false
            }
            let isForeignTopic = !known && glossary.uncoveredTerms.contains(term.term)
            let common = Self.isTechnical(term) || isForeignTopic ? 1 : EnglishFrequency.informativeness(of: term.surface)
            let mass = (idf(of: term.term) ?? scorer.unseenTermIDF) * common
            if triggerWords.contains(term.term), let rule = rules.firstIndex(where: { $0.trigger.contains(term.term) }) {
                ruleMass[rule] += mass
            } else {
                pieces.append(.init(terms: [term.term], mass: mass, isKnown: known))
            }
        }
        for (rule, mass) in zip(rules, ruleMass) {
            // A trigger made only of stop words ("or") still stands for something.
            pieces.append(.init(terms: rule.expansion.union(rule.trigger), mass: max(mass, 1), isKnown: true))
        }
        return pieces
    }

    /// Identifiers, and words typed in capitals (`ORM`, `OR`), are technical whatever their
    /// frequency in English.
    static func isTechnical(_ term: AnalyzedTerm) -> Bool {
        term.isIdentifier || (term.surface.count >= 2 && term.surface.allSatisfy { $0.isUppercase || $0.isNumber })
    }

    /// An everyday word in capitals (`AND`, `NOT`, `MIDDLEWARE`): technical to the grader, which
    /// checks that an answer names the operators, but no vocabulary to study.
    static func isShoutedEverydayWord(_ surface: String) -> Bool {
        surface.allSatisfy { $0.isUppercase } && EnglishFrequency.zipf(of: surface.lowercased()).map { $0 >= Grader.everydayZipf } == true
    }

    /// The share of the query's information that one entry contains: how much of the question
    /// the entry speaks to.
    func coverage(of analysis: QueryAnalysis, byDocument document: Int) -> Double {
        let total = analysis.information.reduce(0) { $0 + $1.mass }
        guard total > 0 else { return 0 }
        let present = Set(index.documents[document].map { index.terms[Int($0.term)] })
        let matched = analysis.information.filter { !$0.terms.isDisjoint(with: present) }.reduce(0) { $0 + $1.mass }
        return matched / total
    }

    /// The query's known terms as index ids with their weights.
    func vector(of analysis: QueryAnalysis) -> [TermFrequency] {
        analysis.terms.compactMap { term in
            index.termID(term.term).map { TermFrequency(term: $0, frequency: term.weight) }
        }
    }

    /// Replaces each word the corpus never uses (and the glossary does not know) by its nearest
    /// corpus word.
    func correctSpelling(_ query: String) -> (String?, [QueryAnalysis.Correction]) {
        var result = ""
        var corrections: [QueryAnalysis.Correction] = []
        var cursor = query.startIndex
        // CJK pairs overlap, and an edit distance between two characters means nothing.
        for token in Tokenizer().tokens(in: query) where token.kind == .word || token.kind == .compound {
            let lowered = token.text.lowercased()
            guard !StopWords.english.contains(lowered), !glossaryWords.contains(lowered), !TechnologyNames.words.contains(lowered),
                let normalized = analyzer.normalize(token), !glossaryWords.contains(normalized),
                index.termID(normalized) == nil,
                let correction = corrector.correction(for: lowered)
            else { continue }
            result += query[cursor..<token.text.startIndex]
            result += correction
            cursor = token.text.endIndex
            corrections.append(.init(typed: String(token.text), corrected: correction))
        }
        guard !corrections.isEmpty else { return (nil, []) }
        result += query[cursor...]
        return (result, corrections)
    }

    static func contains(_ phrase: [String], _ trigger: [String]) -> Bool {
        guard !trigger.isEmpty, trigger.count <= phrase.count else { return false }
        return (0...(phrase.count - trigger.count)).contains { start in
            phrase[start..<(start + trigger.count)].elementsEqual(trigger)
        }
    }
}
