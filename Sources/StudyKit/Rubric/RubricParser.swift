import Foundation

/// Reads a corpus's rubric (`NAME.rubric.md`): prose before the first entry is ignored; `### 12`
/// (optionally followed by the entry's question, which must be the entry's) starts entry 12's
/// rubric; under it, `Key points:` and `Misconceptions:` each head a list of bullets, one
/// statement a bullet, with the other ways of saying it after ` | ` (outside code spans, so
/// `{{ name|lower }}` stays whole); `Open question.` marks a question with no single right answer.
public struct RubricParser: Sendable {
    static let file = CompanionFile(
        suffix: "rubric.md",
        wording: .init(
            unreadable: "the corpus's rubric file", unreadableHint: "Make it a readable UTF-8 file, or remove it to grade by key terms",
            tooLarge: { "the rubric file holds more than \($0)" },
            tooLargeHint: "It lists each entry's key points and misconceptions; remove it to grade by key terms"))

    /// Statements beyond this many a list say nothing a grader can use and slow every grade.
    static let statementLimit = 12
    /// Alternatives beyond this many a statement, likewise.
    static let phrasingLimit = 8

    public init() {}

    public static func companion(ofCorpusAt corpus: URL) -> URL {
        file.url(ofCorpusAt: corpus)
    }

    /// Parses the rubric beside the corpus file `corpusURL`, or returns `.empty` when there is none.
    public func parseCompanion(ofCorpusAt corpusURL: URL, corpus: Corpus) throws(CorpusError) -> Rubric {
        guard let (text, companion) = try Self.file.text(ofCorpusAt: corpusURL) else { return .empty }
        return try parse(text, source: companion.path, for: corpus)
    }

    private enum List { case none, keyPoints, misconceptions }

    private struct Draft {
        let headingLine: Int
        var keyPoints: [Rubric.Statement] = []
        var misconceptions: [Rubric.Statement] = []
        var isOpen = false
    }

    public func parse(_ text: String, source: String, for corpus: Corpus) throws(CorpusError) -> Rubric {
        var items: [Int: Rubric.Item] = [:]
        var current: (id: Int, draft: Draft)?
        var list = List.none
        func finish() throws(CorpusError) {
            guard let (id, draft) = current else { return }
            guard !draft.keyPoints.isEmpty else {
                throw CorpusError(
                    .malformedRubric, file: source, line: draft.headingLine, problem: "entry #\(id) has no key points",
                    hint: "Under `Key points:`, list what a complete answer says, one `- ` bullet each")
            }
            items[id] = Rubric.Item(keyPoints: draft.keyPoints, misconceptions: draft.misconceptions, isOpen: draft.isOpen)
        }
        for (offset, line) in TextLines.trimmed(text).enumerated() {
            let lineNumber = offset + 1
            func malformed(_ problem: String, _ hint: String) -> CorpusError {
                CorpusError(.malformedRubric, file: source, line: lineNumber, problem: problem, hint: hint)
            }
            if let id = try CompanionMarkdown.entry(namedBy: line, in: corpus, malformed: malformed) {
                try finish()
                guard items[id] == nil else {
                    throw malformed("entry #\(id) has a rubric already", "Give each entry one `### \(id)` block")
                }
                (current, list) = ((id, Draft(headingLine: lineNumber)), .none)
                continue
            }
            if line.hasPrefix("#") {
                guard current == nil else {
                    throw malformed("only `### N` headings may follow the first entry", "Remove this heading or make it an entry's")
                }
                continue
            }
            guard current != nil else {
                if CompanionMarkdown.bulletText(line) != nil {
                    throw malformed("this statement belongs to no entry", "Put it under a `### N` heading naming its entry")
                }
                continue
            }
            switch Self.label(line) {
            case .keyPoints?:
                list = .keyPoints
                continue
            case .misconceptions?:
                list = .misconceptions
                continue
            case .openQuestion?:
                current!.draft.isOpen = true
                continue
            case nil: break
            }
            if line.isEmpty { continue }
            guard let bullet = CompanionMarkdown.bulletText(line) else {
                throw malformed(
                    "this line is neither a list label nor a statement",
                    "Write `Key points:`, `Misconceptions:`, `Open question.` or a `- ` bullet under one of the lists")
            }
            let phrasings = Self.phrasings(of: bullet)
            guard !phrasings.isEmpty, !phrasings.contains(where: \.isEmpty) else {
                throw malformed("this statement or one of its alternatives is empty", "Write a statement after `- `, and text between the ` | ` separators")
            }
            let statement = Rubric.Statement(phrasings: Array(phrasings.prefix(Self.phrasingLimit)))
            switch list {
            case .none:
                throw malformed("this statement comes before `Key points:` or `Misconceptions:`", "Put it under the list it belongs to")
            case .keyPoints:
                guard current!.draft.keyPoints.count < Self.statementLimit else {
                    throw malformed("an entry has more than \(Self.statementLimit) key points", "Keep the ones a complete answer cannot leave out")
                }
                current!.draft.keyPoints.append(statement)
            case .misconceptions:
                guard current!.draft.misconceptions.count < Self.statementLimit else {
                    throw malformed("an entry has more than \(Self.statementLimit) misconceptions", "Keep the commonest")
                }
                current!.draft.misconceptions.append(statement)
            }
        }
        try finish()
        return Rubric(items: items)
    }

    private enum Label { case keyPoints, misconceptions, openQuestion }

    /// `Key points:`, `Misconceptions:` or `Open question.`, in any case, with or without the
    /// final punctuation; nil for any other line.
    private static func label(_ line: Substring) -> Label? {
        let words = line.lowercased().split { $0 == " " || $0 == "\t" || $0 == ":" || $0 == "." }
        switch words {
        case ["key", "points"], ["key", "point"]: return .keyPoints
        case ["misconceptions"], ["misconception"], ["common", "misconceptions"]: return .misconceptions
        case ["open", "question"]: return .openQuestion
        default: return nil
        }
    }

    /// A bullet's statement and alternatives: split at ` | ` outside code spans.
    static func phrasings(of bullet: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var inCode = false
        var characters = Array(bullet)[...]
        while let character = characters.popFirst() {
            if character == "`" { inCode.toggle() }
            if !inCode, character == " ", characters.first == "|", characters.dropFirst().first == " " {
                parts.append(current)
                current = ""
                characters = characters.dropFirst(2)
                continue
            }
            current.append(character)
        }
        parts.append(current)
        return parts.map { TextLines.trim(Substring($0)) }
    }
}
