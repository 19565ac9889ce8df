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
        var builder = Builder(source: source)
        var lineNumber = 0
        // Split as bytes, which is many times faster than as Characters; a "\r" before the "\n" goes below.
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine.last == UInt8(ascii: "\r") ? rawLine.dropLast() : rawLine)
            if lineNumber == 1, line.first == "\u{FEFF}" { line = line.dropFirst() }
            try builder.consume(line, at: lineNumber)
        }
        return try builder.finish(lineCount: lineNumber)
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
        var title: String?
        var sections: [String] = []
        var drafts: [Draft] = []
        var fenceOpenedAt: Int?
        var fenceMarker: Substring = ""
        /// False between a title or section heading and the next entry: that text is an ignored intro.
        var entryIsOpen = false

        struct Draft {
            var number: Int?
            var question: String
            var section: String
            var line: Int
            var tags: [String] = []
            var sawContent = false
            var answerLines: [Substring] = []
        }

        init(source: String) { self.source = source }

        mutating func consume(_ line: Substring, at number: Int) throws(CorpusError) {
            if let marker = Self.fenceMarker(in: line) {
                if fenceOpenedAt == nil {
                    fenceOpenedAt = number
                    fenceMarker = marker
                } else if marker.hasPrefix(fenceMarker) && Self.trimmingSpaces(line).count == marker.count {
                    fenceOpenedAt = nil
                }
                appendAnswerLine(line)
                return
            }
            if fenceOpenedAt == nil, let (level, text) = Self.heading(in: line) {
                try openHeading(level: level, text: text, at: number)
                return
            }
            guard fenceOpenedAt == nil, entryIsOpen, var draft = drafts.popLast() else {
                if fenceOpenedAt != nil {
                    appendAnswerLine(line)
                } else if Self.isTagsLine(line) {
                    throw misplacedTags(at: number, context: "outside an entry (under a title or section heading)")
                }
                return
            }
            defer { drafts.append(draft) }
            let isBlank = Self.isBlank(line)
            if !draft.sawContent && !isBlank && Self.isTagsLine(line) {
                draft.tags = Self.tags(in: line)
                draft.sawContent = true
                return
            }
            if Self.isTagsLine(line) {
                throw misplacedTags(at: number, context: "inside the answer of entry \"\(draft.question)\" (line \(draft.line))")
            }
            if !isBlank { draft.sawContent = true }
            draft.answerLines.append(line)
        }

        private mutating func appendAnswerLine(_ line: Substring) {
            guard entryIsOpen, !drafts.isEmpty else { return }
            drafts[drafts.count - 1].answerLines.append(line)
            drafts[drafts.count - 1].sawContent = true
        }

        private mutating func openHeading(level: Int, text: Substring, at line: Int) throws(CorpusError) {
            let text = String(Self.trimmingSpaces(text))
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
                    hint: "Close it with a line of \(fenceMarker)")
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
                let answer = Self.trimBlankLines(draft.answerLines)
                guard !answer.isEmpty else {
                    throw CorpusError(
                        .emptyAnswer, file: source, line: draft.line,
                        problem: "entry \(id) \"\(draft.question)\" has no answer",
                        hint: "Write the answer below the heading (and below its Tags line)")
                }
                entries.append(
                    Entry(
                        id: id, question: draft.question, section: draft.section, tags: draft.tags,
                        answer: answer, line: draft.line))
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

        static func heading(in line: Substring) -> (level: Int, text: Substring)? {
            guard line.first == "#" else { return nil }
            let hashes = line.prefix { $0 == "#" }
            guard hashes.count <= 3 else { return nil }
            let rest = line.dropFirst(hashes.count)
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
            return (hashes.count, rest)
        }

        /// The run of backticks or tildes opening or closing a fence, allowing three spaces of indent.
        static func fenceMarker(in line: Substring) -> Substring? {
            let indent = line.prefix { $0 == " " }
            guard indent.count <= 3 else { return nil }
            let rest = line.dropFirst(indent.count)
            guard let first = rest.first, first == "`" || first == "~" else { return nil }
            let marker = rest.prefix { $0 == first }
            return marker.count >= 3 ? marker : nil
        }

        static func isTagsLine(_ line: Substring) -> Bool {
            let start = line.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard start.count >= 5 else { return false }
            return zip(start.prefix(5), "tags:".utf8).allSatisfy { $0 | 0x20 == $1 }
        }

        static func tags(in line: Substring) -> [String] {
            let list = trimmingSpaces(line).dropFirst("tags:".count)
            var seen = Set<String>()
            return list.split(separator: ",")
                .map { trimmingSpaces($0).lowercased() }
                .filter { !$0.isEmpty && seen.insert($0).inserted }
        }

        static func splitNumber(_ text: String) -> (Int?, String) {
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count < 10 else { return (nil, text) }
            let rest = text.dropFirst(digits.count)
            guard rest.first == "." || rest.first == ")" else { return (nil, text) }
            let afterMark = rest.dropFirst()
            guard afterMark.isEmpty || afterMark.first == " " || afterMark.first == "\t" else { return (nil, text) }
            return (Int(digits), String(trimmingSpaces(afterMark)))
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

        /// Nothing but white space, read as bytes while they are ASCII (most of every line is).
        static func isBlank(_ line: Substring) -> Bool {
            for byte in line.utf8 {
                guard byte < 0x80 else { return line.allSatisfy(\.isWhitespace) }
                guard byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte) else { return false }
            }
            return true
        }

        static func trimBlankLines(_ lines: [Substring]) -> String {
            guard let first = lines.firstIndex(where: { !isBlank($0) }), let last = lines.lastIndex(where: { !isBlank($0) })
            else { return "" }
            return lines[first...last].joined(separator: "\n")
        }
    }
}
