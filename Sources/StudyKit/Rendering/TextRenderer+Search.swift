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
