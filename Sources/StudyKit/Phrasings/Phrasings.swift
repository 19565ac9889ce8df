/// How learners may ask for each entry of one corpus: symptoms, tasks, the question in other
/// words (`NAME.phrasings.md` beside `NAME.md`). Each is embedded beside the entry's own text, so
/// a question close in meaning to any of them finds the entry; a bag of words could not tell
/// that "my page runs hundreds of queries" is about `select_related`, and neither could an
/// encoder comparing it with the answer alone.
///
/// Under `## Not covered`, the file also lists questions learners ask that the corpus does not
/// answer (its neighbours: testing, deployment, other frameworks…): a query that comes closer to
/// one of them than to anything the corpus says is not answered confidently.
public struct Phrasings: Sendable, Equatable {
    let byEntry: [Int: [String]]
    /// Questions the corpus does not answer.
    public let uncovered: [String]

    public static let empty = Phrasings(byEntry: [:])

    public init(byEntry: [Int: [String]], uncovered: [String] = []) {
        self.byEntry = byEntry
        self.uncovered = uncovered
    }

    /// The phrasings of the entry with this id, in the order written.
    public func of(entry id: Int) -> [String] {
        byEntry[id] ?? []
    }

    public var count: Int { byEntry.values.reduce(0) { $0 + $1.count } }
}
