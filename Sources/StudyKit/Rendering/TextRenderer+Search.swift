extension TextRenderer {
    /// `(showing results for select_related)` when the query was corrected.
    public func correctionNote(_ result: SearchResult) -> String? {
        result.correctedQuery.map { style.dim("(showing results for \($0))") }
    }

    /// The best entry in full and the rest as "See also", or a plain "No good match" with suggestions.
    public func searchResult(_ result: SearchResult) -> String {
        var lines: [String] = []
        if result.queryWasCut {
            lines.append(paragraph(style.dim("(only the first \(Searcher.queryLimit.description) of the question were searched)")))
        }
        if let note = correctionNote(result) { lines.append(note) }
        guard let best = result.hits.first else {
            let browse = command(repl: "/topics", shell: "django-tutor list")
            lines.append(paragraph("No match: none of these words appear in the corpus. Try other words, or \(browse) to browse."))
            return lines.joined(separator: "\n")
        }
        guard result.confident else {
            lines.append(paragraph("No good match in this corpus. Nearest entries:"))
            lines += result.hits.map { entryLine($0.entry, indent: "  ") }
            return lines.joined(separator: "\n")
        }
        lines.append(entry(best.entry))
        let others = result.hits.dropFirst()
        if !others.isEmpty {
            let items = others.map { style.accent("#\($0.entry.id)") + " " + $0.entry.question }
            lines += wrapper.wrap(
                items.joined(separator: " · "), indent: Self.indent,
                firstIndent: Self.indent + style.dim("See also:") + " ")
        }
        return lines.joined(separator: "\n")
    }
}

extension TextRenderer {
    /// A follow-up answered by the entry just shown: one line that says so, then what is new (the
    /// next entries).
    public func repeatedAnswer(_ result: SearchResult) -> String {
        guard let best = result.hits.first else { return searchResult(result) }
        var lines = [paragraph("That is #\(best.entry.id) again, shown just above (\(best.entry.question)).")]
        let others = result.hits.dropFirst()
        if !others.isEmpty {
            lines.append(paragraph("Also close:"))
            lines += others.map { entryLine($0.entry, indent: "  ") }
        }
        return lines.joined(separator: "\n")
    }

    /// "Tell me more": the entry was shown in full, so more is what lies around it.
    public func more(on entry: Entry, related: [Entry]) -> String {
        var lines = [paragraph("#\(entry.id) was shown in full. More on its topic:")]
        lines += related.map { entryLine($0, indent: "  ") }
        lines.append(paragraph(style.dim("Type a number to read one, \"explain that\" for #\(entry.id)'s key terms, or \"quiz me on that\".")))
        return lines.joined(separator: "\n")
    }

    /// "Give me an example": the entry's code and example sentences, or where to find some.
    public func examples(of entry: Entry, elsewhere: [Entry]) -> String {
        let found = EntryExamples.lines(of: entry)
        guard found.isEmpty else {
            let body = found.flatMap { markdown.render($0, indent: Self.indent) }
            return (heading(entry) + [style.dim("Examples:")] + body).joined(separator: "\n")
        }
        var lines = [paragraph("#\(entry.id) gives no example or code.")]
        if !elsewhere.isEmpty {
            lines.append(paragraph("Related entries that do:"))
            lines += elsewhere.prefix(3).map { entryLine($0, indent: "  ") }
        }
        return lines.joined(separator: "\n")
    }
}
