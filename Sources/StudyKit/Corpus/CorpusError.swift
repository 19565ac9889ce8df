/// A problem in a corpus file, precise enough to fix without reading the parser.
///
/// Rendered as `file:line: problem. hint`, the form editors and terminals recognise as a jump target.
public struct CorpusError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case unreadableFile
        case fileTooLarge
        case invalidUTF8
        case emptyFile
        case missingTitle
        case duplicateTitle
        case headingWithoutText
        case entryOutsideSection
        case noEntries
        case emptyAnswer
        case duplicateID
        case misplacedTags
        case unclosedFence
        case malformedGlossary
        case malformedPhrasings
        case malformedRubric
        case malformedNames
    }

    public let kind: Kind
    public let file: String
    /// 1-based; nil when the problem is the file as a whole.
    public let line: Int?
    public let problem: String
    public let hint: String

    public init(_ kind: Kind, file: String, line: Int?, problem: String, hint: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.problem = problem
        self.hint = hint
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): \(problem). \(hint)"
    }
}
