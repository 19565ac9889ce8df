import Foundation

extension BoundedFileReader {
    /// How a parser words the two ways reading its file can fail.
    struct Wording: Sendable {
        /// What could not be read: "the file", "the corpus's glossary".
        var unreadable: String
        var unreadableHint: String
        /// The problem, given the limit as `describe(bytes:)` writes it.
        var tooLarge: @Sendable (String) -> String
        var tooLargeHint: String
    }

    /// Reads `url` for a parser of the corpus format: a failure becomes a `CorpusError` about it.
    func read(_ url: URL, wording: Wording) throws(CorpusError) -> Data {
        do {
            return try read(url.path)
        } catch {
            switch error {
            case .unreadable(let reason):
                throw CorpusError(
                    .unreadableFile, file: url.path, line: nil, problem: "cannot read \(wording.unreadable) (\(reason))", hint: wording.unreadableHint)
            case .tooLarge(let limit):
                throw CorpusError(
                    .fileTooLarge, file: url.path, line: nil, problem: wording.tooLarge(Self.describe(bytes: limit)), hint: wording.tooLargeHint)
            }
        }
    }
}
