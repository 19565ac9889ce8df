/// Tab completion candidates for the word under the cursor, given the line so far.
///
/// Slash commands complete at the start of a line; after `/quiz`, `/topic` and `/section` come
/// topic and section names; after `/show` and `/explain` entry numbers; anywhere else the
/// corpus's own words, so a learner can finish `prefetch_re…` without knowing the spelling.
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
        return candidates.filter { $0.lowercased().hasPrefix(lowered) }
    }
}
