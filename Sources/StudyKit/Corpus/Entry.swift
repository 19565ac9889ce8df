/// One question and its reference answer: the unit that is searched, quizzed and scheduled.
public struct Entry: Sendable, Hashable, Identifiable {
    /// The entry's number: as written in the corpus, or the next free one when the heading has none.
    public let id: Int
    public let question: String
    public let section: String
    /// Topic tags, lower-cased, in the order written.
    public let tags: [String]
    /// The answer as Markdown (paragraphs, `inline code`, fenced blocks).
    public let answer: String
    /// The 1-based line of the entry's heading, for messages that point into the source file.
    public let line: Int

    public init(id: Int, question: String, section: String, tags: [String], answer: String, line: Int) {
        self.id = id
        self.question = question
        self.section = section
        self.tags = tags
        self.answer = answer
        self.line = line
    }
}
