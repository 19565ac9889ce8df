import Foundation

/// Reads a corpus's phrasings (`Corpus/NAME.phrasings.md`): prose and `#`/`##` headings are
/// ignored; `### 12` (optionally followed by the question, for the reader) starts the phrasings
/// of entry 12, and each `- text` line under it is one.
public struct PhrasingsParser: Sendable {
    static let file = CompanionFile(
        suffix: "phrasings.md",
        wording: .init(
            unreadable: "the corpus's phrasings", unreadableHint: "Make it a readable UTF-8 file, or remove it to search without them",
            tooLarge: { "the phrasings file holds more than \($0)" },
            tooLargeHint: "It lists how learners ask for each entry; remove it to search without it"))

    public init() {}

    /// The phrasings file that belongs to the corpus at `corpus`: `NAME.phrasings.md` beside it.
    public static func companion(ofCorpusAt corpus: URL) -> URL {
        file.url(ofCorpusAt: corpus)
    }

    /// Parses the companion phrasings of `corpus`, read from `url`, or returns `.empty` when it has none.
    public func parseCompanion(ofCorpusAt url: URL, corpus: Corpus) throws(CorpusError) -> Phrasings {
        guard let (text, companion) = try Self.file.text(ofCorpusAt: url) else { return .empty }
        return try parse(text, source: companion.path, for: corpus)
    }

    /// `corpus` is the corpus the phrasings belong to: every heading must name one of its entries.
    public func parse(_ text: String, source: String, for corpus: Corpus) throws(CorpusError) -> Phrasings {
        var byEntry: [Int: [String]] = [:]
        var entry: Int?
        for (offset, line) in TextLines.trimmed(text).enumerated() {
            let lineNumber = offset + 1
            if line.hasPrefix("### ") {
                let digits = line.dropFirst(4).prefix(while: \.isASCII).prefix(while: \.isNumber)
                guard let id = Int(digits) else {
                    throw malformed(at: lineNumber, "this heading names no entry", hint: "Start it with the entry's number: `### 12`", source: source)
                }
                guard corpus.entry(id: id) != nil else {
                    throw malformed(
                        at: lineNumber, "the corpus has no entry #\(id)", hint: "Use the number of one of its \(corpus.entries.count) entries",
                        source: source)
                }
                entry = id
                continue
            }
            if line.hasPrefix("#") {
                entry = nil
                continue
            }
            guard line == "-" || line.hasPrefix("- ") else { continue }
            let phrasing = TextLines.trim(line.dropFirst())
            guard let entry else {
                throw malformed(at: lineNumber, "this phrasing belongs to no entry", hint: "Put it under a `### N` heading naming its entry", source: source)
            }
            guard !phrasing.isEmpty else {
                throw malformed(at: lineNumber, "this phrasing is empty", hint: "Write what a learner might ask after `- `", source: source)
            }
            byEntry[entry, default: []].append(phrasing)
        }
        return Phrasings(byEntry: byEntry)
    }

    private func malformed(at line: Int, _ problem: String, hint: String, source: String) -> CorpusError {
        CorpusError(.malformedPhrasings, file: source, line: line, problem: problem, hint: hint)
    }
}
