/// The Markdown that companion files share (phrasings, rubric): `### 12` (optionally followed by
/// the entry's question) starts what belongs to entry 12, and bullets list its items.
enum CompanionMarkdown {
    /// The entry a `### N [question]` line names, checked against the corpus so that a
    /// renumbered corpus cannot move a companion's lines to the wrong entry; nil when the line is
    /// no level-3 heading.
    static func entry(
        namedBy line: Substring, in corpus: Corpus, malformed: (_ problem: String, _ hint: String) -> CorpusError
    ) throws(CorpusError) -> Int? {
        guard let heading = entryHeading(line) else { return nil }
        let digits = heading.prefix(while: { $0.isASCII && $0.isNumber })
        guard let id = Int(digits) else {
            throw malformed("this heading names no entry", "Start it with the entry's number: `### 12`")
        }
        guard let named = corpus.entry(id: id) else {
            throw malformed("the corpus has no entry #\(id)", "Use the number of one of its \(corpus.entries.count) entries")
        }
        let question = heading.dropFirst(digits.count).drop { $0 == "." || $0 == " " || $0 == "\t" }
        guard question.isEmpty || question.lowercased() == named.question.lowercased() else {
            throw malformed(
                "this heading gives #\(id) the question “\(question)”, but #\(id) is “\(named.question)”",
                "Use the entry's number and question as the corpus has them")
        }
        return id
    }

    /// The text after `###` and a blank, or nil when the line is no level-3 heading.
    private static func entryHeading(_ line: Substring) -> Substring? {
        guard line.hasPrefix("###"), let blank = line.dropFirst(3).first, blank == " " || blank == "\t" else { return nil }
        return line.dropFirst(3).drop { $0 == " " || $0 == "\t" }
    }

    /// The text of a Markdown bullet (`- `, `* `, `+ `, or the marker alone), or nil.
    static func bulletText(_ line: Substring) -> String? {
        guard let marker = line.first, "-*+".contains(marker) else { return nil }
        let rest = line.dropFirst()
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return TextLines.trim(rest)
    }
}
