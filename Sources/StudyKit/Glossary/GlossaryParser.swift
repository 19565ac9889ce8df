import Foundation

/// Reads a corpus's glossary (`Corpus/NAME.glossary.md`): prose and headings are ignored; each `- trigger | trigger: expansion`
/// line is a rule (a synonym under `## Synonyms`), and under a `## Not covered` heading each
/// `- word, word` line lists words of topics the corpus does not teach.
public struct GlossaryParser: Sendable {
    private let analyzer = Analyzer()

    public init() {}

    static let file = CompanionFile(
        suffix: "glossary.md",
        wording: .init(
            unreadable: "the corpus's glossary", unreadableHint: "Make it a readable UTF-8 file, or remove it to search without a glossary",
            tooLarge: { "the glossary holds more than \($0)" },
            tooLargeHint: "A glossary lists a corpus's acronyms and synonyms; remove it to search without one"))

    /// The glossary that belongs to the corpus at `corpus`: `NAME.glossary.md` beside `NAME.md`,
    /// or none. A glossary is written for one corpus's vocabulary, so no other corpus gets it.
    public static func companion(ofCorpusAt corpus: URL) -> URL {
        file.url(ofCorpusAt: corpus)
    }

    /// Parses the companion glossary of the corpus at `corpus`, or returns `.empty` when it has none.
    public func parseCompanion(ofCorpusAt corpus: URL) throws(CorpusError) -> Glossary {
        guard let (text, url) = try Self.file.text(ofCorpusAt: corpus) else { return .empty }
        return try parse(text, source: url.path)
    }

    public func parse(_ text: String, source: String) throws(CorpusError) -> Glossary {
        var rules: [Glossary.Rule] = []
        var uncovered = Set<String>()
        var inNotCovered = false
        var inSynonyms = false
        for (offset, line) in TextLines.trimmed(text).enumerated() {
            let lineNumber = offset + 1
            if line.hasPrefix("#") {
                inNotCovered = line.lowercased().hasPrefix("## not covered")
                inSynonyms = line.lowercased().hasPrefix("## synonyms")
                continue
            }
            guard line.hasPrefix("- ") else { continue }
            let body = line.dropFirst(2)
            if inNotCovered {
                for item in body.split(separator: ",") {
                    let words = analyzer.terms(String(item))
                    guard !words.isEmpty else { throw malformed(at: lineNumber, "lists an empty word", source: source) }
                    uncovered.formUnion(words)
                }
                continue
            }
            guard let colon = body.lastIndex(of: ":") else {
                throw malformed(at: lineNumber, "has no colon between the triggers and the expansion", source: source)
            }
            let triggerText = body[..<colon].split(separator: "|", omittingEmptySubsequences: false).map(TextLines.trim)
            let expansionText = TextLines.trim(body[body.index(after: colon)...])
            let triggers = triggerText.map(analyzer.phraseTerms)
            guard !triggerText.contains(where: \.isEmpty), triggers.allSatisfy({ !$0.isEmpty }) else {
                throw malformed(at: lineNumber, "has an empty trigger", source: source)
            }
            let expansion = analyzer.analyze(expansionText.replacingOccurrences(of: ",", with: " "))
            guard !expansion.isEmpty else { throw malformed(at: lineNumber, "expands to no searchable words", source: source) }
            rules.append(
                Glossary.Rule(
                    triggers: triggers, triggerText: triggerText, expansionText: expansionText, expansion: expansion,
                    line: lineNumber, isSynonym: inSynonyms))
        }
        return Glossary(rules: rules, uncoveredTerms: uncovered)
    }

    private func malformed(at line: Int, _ problem: String, source: String) -> CorpusError {
        CorpusError(
            .malformedGlossary, file: source, line: line, problem: "this glossary rule \(problem)",
            hint: "Write rules as `- TRIGGER | TRIGGER: expansion words`")
    }
}
