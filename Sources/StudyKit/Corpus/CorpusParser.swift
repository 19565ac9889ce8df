import Foundation

/// Reads the corpus Markdown format (see `Corpus/README.md`) and reports the first problem precisely.
///
/// The format is line-based: `# title`, `## section`, `### [N.] question`, an optional `Tags:` line
/// as the first non-blank line of an entry, then the answer. Headings inside ``` fences are answer text.
public struct CorpusParser: Sendable {
    /// The most bytes read from a corpus file: far beyond any real corpus, and a bound on the
    /// memory an endless file (`/dev/zero`, `/proc/self/pagemap`) can take.
    public static let maximumFileSize = 256 << 20

    private let reader: BoundedFileReader

    public init(maximumFileSize: Int = Self.maximumFileSize) {
        reader = BoundedFileReader(limit: maximumFileSize)
    }

    public func parse(contentsOf url: URL) throws(CorpusError) -> Corpus {
        let data = try reader.read(
            url,
            wording: .init(
                unreadable: "the file", unreadableHint: "Check the path given to --corpus and that the file is readable",
                tooLarge: { "the file holds more than \($0), the most a corpus may hold" },
                tooLargeHint: "Give --corpus a Markdown corpus file; split a larger one into several corpora"))
        return try parse(data, source: url.path)
    }

    public func parse(_ data: Data, source: String) throws(CorpusError) -> Corpus {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CorpusError(
                .invalidUTF8, file: source, line: Self.lineOfFirstInvalidUTF8(in: data),
                problem: "the file is not valid UTF-8",
                hint: "Save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)")
        }
        return try parse(text, source: source)
    }

    public func parse(_ text: String, source: String) throws(CorpusError) -> Corpus {
        // Lines are found and read as bytes, many times faster than as Characters (`CorpusLine`),
        // and an answer is one slice of the text from its first line of content to its last.
        var text = text
        let parsed = text.withUTF8 { file in
            Result { () throws(CorpusError) -> Corpus in
                var builder = Builder(source: source, file: file)
                var lineCount = 0
                for line in CorpusLine.ranges(in: file) {
                    lineCount += 1
                    try builder.consume(CorpusLine(in: file, range: line), at: lineCount)
                }
                return try builder.finish(lineCount: lineCount)
            }
        }
        return try parsed.get()
    }

    /// `text` without the spaces and tabs around it, as `trimmingCharacters(in: .whitespaces)`
    /// (space separators and tab) but by the standard library: Foundation's costs a large
    /// corpus a tenth of its parse.
    static func trimmingSpaces(_ text: Substring) -> Substring {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? scalar == " " || scalar == "\t" : scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return text[text.endIndex...]
        }
        return Substring(scalars[first...last])
    }

    private static func lineOfFirstInvalidUTF8(in data: Data) -> Int {
        var line = 1
        var lineStart = data.startIndex
        for index in data.indices where data[index] == UInt8(ascii: "\n") {
            if String(validating: data[lineStart..<index], as: UTF8.self) == nil { return line }
            line += 1
            lineStart = data.index(after: index)
        }
        return line
    }
}

extension CorpusParser {
    /// Accumulates headings and answer lines; one instance reads one file.
    private struct Builder {
        let source: String
        /// The whole file's UTF-8, which lines are ranges of, for as long as the parse.
        let file: UnsafeBufferPointer<UInt8>
        var title: String?
        var sections: [String] = []
        var drafts: [Draft] = []
        var fenceOpenedAt: Int?
        /// The opening fence's character (a backtick or a tilde) and how many there were.
        var fence: (character: UInt8, count: Int) = (0, 0)
        /// False between a title or section heading and the next entry: that text is an ignored intro.
        var entryIsOpen = false

        struct Draft {
            var number: Int?
            var question: String
            var section: String
            var line: Int
            var tags: [String] = []
            var sawContent = false
            /// From the start of the answer's first line that is not blank to the end of its
            /// last: the answer, less a carriage return before each line feed.
            var answer: Range<Int>?

            mutating func extendAnswer(over line: Range<Int>) {
                answer = (answer?.lowerBound ?? line.lowerBound)..<line.upperBound
            }
        }

        init(source: String, file: UnsafeBufferPointer<UInt8>) {
            self.source = source
            self.file = file
        }

        mutating func consume(_ line: CorpusLine, at number: Int) throws(CorpusError) {
            if let marker = line.fenceMarker {
                if fenceOpenedAt == nil {
                    fenceOpenedAt = number
                    fence = marker
                } else if marker.character == fence.character && marker.count >= fence.count && line.isOnlyFenceMarker {
                    fenceOpenedAt = nil
                }
                appendAnswerLine(line)
                return
            }
            if fenceOpenedAt == nil, let (level, text) = line.heading {
                try openHeading(level: level, text: text, at: number)
                return
            }
            guard fenceOpenedAt == nil, entryIsOpen, let last = drafts.indices.last else {
                if fenceOpenedAt != nil {
                    appendAnswerLine(line)
                } else if line.isTags {
                    throw misplacedTags(at: number, context: "outside an entry (under a title or section heading)")
                }
                return
            }
            // The entry is changed where it lies: taking it out and putting it back copied it.
            let isBlank = line.isBlank
            let isTags = !isBlank && line.isTags
            if isTags && !drafts[last].sawContent {
                drafts[last].tags = Self.tags(in: line.text)
                drafts[last].sawContent = true
                return
            }
            if isTags {
                throw misplacedTags(at: number, context: "inside the answer of entry \"\(drafts[last].question)\" (line \(drafts[last].line))")
            }
            if !isBlank {
                drafts[last].sawContent = true
                drafts[last].extendAnswer(over: line.range)
            }
        }

        private mutating func appendAnswerLine(_ line: CorpusLine) {
            guard entryIsOpen, !drafts.isEmpty else { return }
            if !line.isBlank { drafts[drafts.count - 1].extendAnswer(over: line.range) }
            drafts[drafts.count - 1].sawContent = true
        }

        private mutating func openHeading(level: Int, text: Substring, at line: Int) throws(CorpusError) {
            let text = String(CorpusParser.trimmingSpaces(text))
            let kind = ["", "title", "section", "entry"][level]
            guard !text.isEmpty else {
                throw CorpusError(
                    .headingWithoutText, file: source, line: line,
                    problem: "the \(kind) heading `\(String(repeating: "#", count: level))` has no text",
                    hint: "Write the \(kind) after the #s, or delete the line")
            }
            entryIsOpen = level == 3
            switch level {
            case 1:
                if let title {
                    throw CorpusError(
                        .duplicateTitle, file: source, line: line,
                        problem: "a second title \"\(text)\" (the corpus is already titled \"\(title)\")",
                        hint: "Use `## ` for a section or `### ` for an entry; a file has one `# ` title")
                }
                title = text
            case 2:
                if title == nil { throw missingTitle(at: line) }
                sections.append(text)
            default:
                if title == nil { throw missingTitle(at: line) }
                guard let section = sections.last else {
                    throw CorpusError(
                        .entryOutsideSection, file: source, line: line,
                        problem: "the entry \"\(text)\" comes before any section",
                        hint: "Add a `## Section name` line above it")
                }
                let (number, question) = Self.splitNumber(text)
                guard !question.isEmpty else {
                    throw CorpusError(
                        .headingWithoutText, file: source, line: line,
                        problem: "the entry heading `### \(text)` has a number but no question",
                        hint: "Write the question after the number")
                }
                drafts.append(Draft(number: number, question: question, section: section, line: line))
            }
        }

        mutating func finish(lineCount: Int) throws(CorpusError) -> Corpus {
            if let fenceOpenedAt {
                throw CorpusError(
                    .unclosedFence, file: source, line: fenceOpenedAt,
                    problem: "this code fence is never closed, so every heading after it is read as code",
                    hint: "Close it with a line of \(String(repeating: Character(Unicode.Scalar(fence.character)), count: fence.count))")
            }
            guard let title else {
                if drafts.isEmpty && sections.isEmpty && lineCount <= 1 {
                    throw CorpusError(
                        .emptyFile, file: source, line: nil, problem: "the file is empty",
                        hint: "A corpus starts with `# Title`, then `## Section` and `### Question` headings")
                }
                throw missingTitle(at: nil)
            }
            guard !drafts.isEmpty else {
                throw CorpusError(
                    .noEntries, file: source, line: nil,
                    problem: "no entries found (an entry is a `### Question` heading under a `## Section`)",
                    hint: "Add at least one `### ` heading with an answer below it")
            }
            let ids = try assignIDs()
            var entries: [Entry] = []
            entries.reserveCapacity(drafts.count)
            for (draft, id) in zip(drafts, ids) {
                guard let range = draft.answer else {
                    throw CorpusError(
                        .emptyAnswer, file: source, line: draft.line,
                        problem: "entry \(id) \"\(draft.question)\" has no answer",
                        hint: "Write the answer below the heading (and below its Tags line)")
                }
                entries.append(
                    Entry(
                        id: id, question: draft.question, section: draft.section, tags: draft.tags,
                        answer: answerText(range), line: draft.line))
            }
            return Corpus(title: title, sections: sections, entries: entries, source: source)
        }

        /// Numbered entries keep their number; an unnumbered one takes the first free id after its predecessor's.
        private func assignIDs() throws(CorpusError) -> [Int] {
            var lineByNumber: [Int: Int] = [:]
            for draft in drafts {
                guard let number = draft.number else { continue }
                if let first = lineByNumber[number] {
                    throw CorpusError(
                        .duplicateID, file: source, line: draft.line,
                        problem: "entry number \(number) is used twice (first at line \(first))",
                        hint: "Renumber one of them, or drop the number to take the next free one")
                }
                lineByNumber[number] = draft.line
            }
            var taken = Set(lineByNumber.keys)
            var ids: [Int] = []
            var previous = 0
            for draft in drafts {
                var id: Int
                if let number = draft.number {
                    id = number
                } else {
                    id = previous + 1
                    while taken.contains(id) { id += 1 }
                    taken.insert(id)
                }
                ids.append(id)
                previous = id
            }
            return ids
        }

        private func missingTitle(at line: Int?) -> CorpusError {
            CorpusError(
                .missingTitle, file: source, line: line,
                problem: "no `# Title` line before the first section or entry",
                hint: "Start the file with a line like `# Django Interview Questions`")
        }

        private func misplacedTags(at line: Int, context: String) -> CorpusError {
            CorpusError(
                .misplacedTags, file: source, line: line,
                problem: "a Tags line \(context)",
                hint: "Put `Tags: a, b` on the first non-blank line after an entry's `### ` heading")
        }

        static func tags(in line: Substring) -> [String] {
            var seen = Set<String>()
            guard line.utf8.allSatisfy({ $0 < 0x80 }) else {
                let list = CorpusParser.trimmingSpaces(line).dropFirst("tags:".count)
                return list.split(separator: ",")
                    .map { CorpusParser.trimmingSpaces($0).lowercased() }
                    .filter { !$0.isEmpty && seen.insert($0).inserted }
            }
            // Nearly every Tags line, read as bytes: Characters cost a large corpus milliseconds.
            func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            let list = line.utf8.drop(while: isSpace).dropFirst("tags:".count)
            return list.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
                .map { tag in
                    let trimmed = tag.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
                    return String(decoding: trimmed.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
                }
                .filter { !$0.isEmpty && seen.insert($0).inserted }
        }

        static func splitNumber(_ text: String) -> (Int?, String) {
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count < 10 else { return (nil, text) }
            let rest = text.dropFirst(digits.count)
            guard rest.first == "." || rest.first == ")" else { return (nil, text) }
            let afterMark = rest.dropFirst()
            guard afterMark.isEmpty || afterMark.first == " " || afterMark.first == "\t" else { return (nil, text) }
            return (Int(digits), String(CorpusParser.trimmingSpaces(afterMark)))
        }

        /// The answer's bytes as text, each line's carriage return before its line feed dropped.
        private func answerText(_ range: Range<Int>) -> String {
            let answer = UnsafeBufferPointer(rebasing: file[range])
            guard answer.contains(UInt8(ascii: "\r")) else { return String(decoding: answer, as: UTF8.self) }
            var kept: [UInt8] = []
            kept.reserveCapacity(answer.count)
            for index in answer.indices {
                let endsLine = answer[index] == UInt8(ascii: "\r") && index + 1 < answer.count && answer[index + 1] == UInt8(ascii: "\n")
                if !endsLine { kept.append(answer[index]) }
            }
            return String(decoding: kept, as: UTF8.self)
        }
    }
}
