import Foundation

/// Reads a corpus's phrasings (`Corpus/NAME.phrasings.md`): prose is ignored; `### 12` starts the
/// phrasings of entry 12 (optionally followed by its question, which must then be the entry's,
/// so that a renumbered corpus cannot move phrasings to the wrong entry); each bullet (`- `, `* `
/// or `+ `) under it is one phrasing; any other heading ends them. Under `## Not covered`, each
/// bullet is a question the corpus does not answer.
public struct PhrasingsParser: Sendable {
    static let file = CompanionFile(
        suffix: "phrasings.md",
        wording: .init(
            unreadable: "the corpus's phrasings file", unreadableHint: "Make it a readable UTF-8 file, or remove it to search without them",
            tooLarge: { "the phrasings file holds more than \($0)" },
            tooLargeHint: "It lists how learners ask for each entry; remove it to search without it"))

    public init() {}

    /// The phrasings file that belongs to the corpus at `corpus`: `NAME.phrasings.md` beside it.
    public static func companion(ofCorpusAt corpus: URL) -> URL {
        file.url(ofCorpusAt: corpus)
    }

    /// Parses the phrasings file beside the corpus file `corpusURL` (which holds `corpus`), or
    /// returns `.empty` when there is none.
    public func parseCompanion(ofCorpusAt corpusURL: URL, corpus: Corpus) throws(CorpusError) -> Phrasings {
        guard let (text, companion) = try Self.file.text(ofCorpusAt: corpusURL) else { return .empty }
        return try parse(text, source: companion.path, for: corpus)
    }

    /// `corpus` is the corpus the phrasings belong to: every heading must name one of its entries.
    public func parse(_ text: String, source: String, for corpus: Corpus) throws(CorpusError) -> Phrasings {
        var byEntry: [Int: [String]] = [:]
        var uncovered: [String] = []
        var inNotCovered = false
        var entry: Int?
        for (offset, line) in TextLines.trimmed(text).enumerated() {
            let lineNumber = offset + 1
            func malformed(_ problem: String, hint: String) -> CorpusError {
                CorpusError(.malformedPhrasings, file: source, line: lineNumber, problem: problem, hint: hint)
            }
            if let id = try CompanionMarkdown.entry(namedBy: line, in: corpus, malformed: { malformed($0, hint: $1) }) {
                (entry, inNotCovered) = (id, false)
                continue
            }
            if line.hasPrefix("#") {
                entry = nil
                inNotCovered = Self.isNotCoveredHeading(line)
                continue
            }
            guard let bullet = CompanionMarkdown.bulletText(line) else { continue }
            guard entry != nil || inNotCovered else {
                throw malformed(
                    "this phrasing belongs to no entry",
                    hint: "Put it under a `### N` heading naming its entry, or under `## Not covered` if the corpus does not answer it")
            }
            guard !bullet.isEmpty else {
                throw malformed("this phrasing is empty", hint: "Write what a learner might ask after `- `")
            }
            if let entry {
                byEntry[entry, default: []].append(bullet)
            } else {
                uncovered.append(bullet)
            }
        }
        return Phrasings(byEntry: byEntry, uncovered: uncovered)
    }

    /// `## Not covered`, in any case, with any blanks and an optional colon.
    private static func isNotCoveredHeading(_ line: Substring) -> Bool {
        guard line.hasPrefix("## ") else { return false }
        let words = line.dropFirst(3).lowercased().split { $0 == " " || $0 == "\t" || $0 == ":" }
        return words == ["not", "covered"]
    }
}
