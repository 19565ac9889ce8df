/// Tab completion candidates for the word under the cursor, given the line so far.
///
/// Slash commands complete at the start of a line; after `/quiz`, `/topic` and `/section` come
/// topic and section names; after `/show` and `/explain` entry numbers; anywhere else the
/// corpus's own words, so a learner can finish `prefetch_re…` without knowing the spelling.
///
/// Candidates are shown by readline and inserted into the line, so they pass the
/// `TerminalSanitizer` like every other output: a tag holding a control character completes as
/// the terminal shows it (`<U+202E>name`), and `Corpus.tag(named:)` and `section(named:)` take
/// that form back.
public struct Completer: Sendable {
    let corpus: Corpus
    let vocabulary: [String]

    public init(searcher: Searcher) {
        corpus = searcher.corpus
        vocabulary = Array(Set(searcher.surfaces.values.map { $0.lowercased() }).filter { $0.count >= 3 }).sorted()
    }

    /// - Parameters:
    ///   - line: the whole line up to the cursor.
    ///   - word: the part of it being completed (readline's `text`).
    public func completions(line: String, word: String) -> [String] {
        let before = line.dropLast(word.count).trimmingCharacters(in: .whitespaces).lowercased()
        if before.isEmpty && word.hasPrefix("/") {
            let typed = word.dropFirst().lowercased()
            return CommandCatalog.all.map(\.name).filter { $0.hasPrefix(typed) }.sorted().map { "/" + $0 }
        }
        let candidates: [String]
        switch before {
        case "/quiz": candidates = ["due", "weak"] + corpus.sections + corpus.tagCounts.map(\.tag)
        case "/cram": candidates = corpus.sections + corpus.tagCounts.map(\.tag)
        case "/topic", "/tag": candidates = corpus.tagCounts.map(\.tag)
        case "/section": candidates = corpus.sections
        case "/show", "/why",
            "/explain" where word.first?.isNumber ?? true:
            candidates = corpus.entries.map { String($0.id) }
        case "/help": candidates = CommandCatalog.all.map(\.name)
        default: candidates = vocabulary
        }
        let lowered = word.lowercased()
        return candidates.map { TerminalSanitizer.sanitize($0, keepingStyles: false) }.filter { $0.lowercased().hasPrefix(lowered) }
    }

    /// The commands whose argument is a topic or section name (`completions` lists them).
    static let nameCommands: Set<String> = ["/quiz", "/cram", "/topic", "/tag", "/section"]

    /// Whether the word being completed is such a name: then only whitespace ends it, since a
    /// name's shown form may hold `<` and `>`, which end a word by readline's default.
    public static func completesName(line: String) -> Bool {
        let words = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let command = words.first, line.contains(" ") else { return false }
        return nameCommands.contains(command.lowercased())
    }
}
