import Foundation

/// A file that belongs to one corpus and sits beside it (`NAME.glossary.md` beside `NAME.md`):
/// written for that corpus's vocabulary and entries, so no other corpus reads it.
struct CompanionFile: Sendable {
    /// The extension after the corpus's name: "glossary.md".
    let suffix: String
    /// How reading it can fail, in the words of its parser.
    let wording: BoundedFileReader.Wording

    func url(ofCorpusAt corpus: URL) -> URL {
        corpus.deletingPathExtension().appendingPathExtension(suffix)
    }

    /// The companion's text, or nil when the corpus has none.
    func text(ofCorpusAt corpus: URL) throws(CorpusError) -> (text: String, url: URL)? {
        let url = url(ofCorpusAt: corpus)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data = try BoundedFileReader(limit: CorpusParser.maximumFileSize).read(url, wording: wording)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CorpusError(
                .invalidUTF8, file: url.path, line: nil, problem: "\(wording.unreadable) is not valid UTF-8",
                hint: "Save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)")
        }
        return (text, url)
    }
}
