import Foundation

/// The words a corpus's domain names, whatever everyday English does with them: an ordinary verb
/// or adverb (`defines`, `efficiently`) is never a key term, unless the domain names it so.
extension Searcher {
    /// The words the domain names on their own, each with the words it may be an inflected form
    /// of (`signals` → `signal`): a one-word phrase of the corpus's glossary (`signals`, `caching`,
    /// `filters`; "eager loading" names a problem, not the verb "load"), a one-word technology name
    /// every corpus shares, the corpus's tags, the words its answers write as code (`migrate`,
    /// `reverse()`, a Python FAQ's `import`; comments aside), and the heads of the code names in the
    /// corpus and its glossary (`HttpRequest`, `process_request`: `request`).
    ///
    /// `analyzedTexts` are the entries' questions and answers as the index analysed them, and
    /// `codeWords` their answers' `codeWords(inAnswerOf:analyzer:)`, so that a large corpus is
    /// not analysed twice.
    static func domainWords(
        of corpus: Corpus, analyzedTexts: [[AnalyzedTerm]], codeWords: [String], glossary: Glossary, analyzer: Analyzer
    ) -> Set<String> {
        let isOneWord = { (phrase: String) in !phrase.utf8.contains(UInt8(ascii: " ")) }
        var words = TechnologyNames.all.filter(isOneWord)
        for rule in glossary.rules {
            let phrases = rule.triggerText + rule.expansionText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            words += phrases.filter(isOneWord)
            words += phrases.flatMap { identifierHeads(in: analyzer.analyze($0)) }
        }
        words += analyzedTexts.flatMap(identifierHeads(in:))
        words += corpus.entries.flatMap(\.tags)
        words += codeWords
        var domain = Set<String>()
        for word in Set(words.map { $0.lowercased() }) where !word.isEmpty && word.allSatisfy(\.isLetter) {
            domain.formUnion(EnglishFrequency.inflectionBases(of: word))
        }
        return domain
    }

    /// The heads of the code identifiers among analysed `terms`, their last pieces, which say what each names
    /// (`HttpRequest` and `process_request` → `request`; `CreateView` → `View`, not the verb
    /// `Create`); none of hyphenated English (`class-based`).
    private static func identifierHeads(in terms: [AnalyzedTerm]) -> [String] {
        var heads: [String] = []
        var head: String?
        var inIdentifier = false
        for term in terms {
            if term.isPart {
                if inIdentifier { head = term.surface }
            } else {
                if let last = head { heads.append(last) }
                head = nil
                inIdentifier = term.isIdentifier
            }
        }
        if let last = head { heads.append(last) }
        return heads
    }

    /// The words an entry's answer writes as code, as written (`migrate`, `reverse`).
    static func codeWords(inAnswerOf entry: Entry, analyzer: Analyzer) -> [String] {
        code(in: entry.answer).flatMap(analyzer.wholeSurfaces)
    }

    /// The Markdown's inline code spans and fenced blocks, without the blocks' `#` comments.
    ///
    /// Read as UTF-8 bytes (every delimiter is ASCII): a large corpus's answers are long.
    static func code(in markdown: String) -> [String] {
        let newline = UInt8(ascii: "\n")
        let backtick = UInt8(ascii: "`")
        var code: [String] = []
        var inFence = false
        for line in markdown.utf8.split(separator: newline, omittingEmptySubsequences: false) {
            if line.drop(while: { $0 == UInt8(ascii: " ") }).starts(with: "```".utf8) {
                inFence.toggle()
            } else if inFence {
                code.append(String(Substring(line.prefix { $0 != UInt8(ascii: "#") })))
            } else if line.contains(backtick) {
                let pieces = line.split(separator: backtick, omittingEmptySubsequences: false)
                code += stride(from: 1, to: pieces.count - 1, by: 2).map { String(Substring(pieces[$0])) }
            }
        }
        return code
    }

    /// An everyday word that is not the domain's own: an ordinary verb or adverb by its forms in
    /// everyday English (`EnglishFrequency.isVerbOrAdverbForm`) that the domain does not name
    /// (`domainWords`) in any of its forms.
    func isOrdinaryWord(_ term: AnalyzedTerm) -> Bool {
        guard !Self.isTechnical(term), EnglishFrequency.isVerbOrAdverbForm(term.surface) else { return false }
        return !EnglishFrequency.inflectionBases(of: term.surface.lowercased()).contains(where: domainWords.contains)
    }
}
