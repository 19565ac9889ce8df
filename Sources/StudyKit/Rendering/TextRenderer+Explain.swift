extension TextRenderer {
    /// The entry in full, its key terms with where else they occur, and the nearest entries.
    public func explanation(_ entry: Entry, keyTerms: [(KeyTerm, [Int])], related: [RelatedEntry]) -> String {
        var lines = [self.entry(entry)]
        if !keyTerms.isEmpty {
            lines.append(Self.indent + style.bold("Key terms"))
            let width = min(keyTerms.map { TextStyle.visibleWidth($0.0.surface) }.max() ?? 0, 24)
            for (key, others) in keyTerms {
                let name = Self.pad(Self.truncate(key.surface, to: width), to: width)
                let uses = others.isEmpty ? style.dim("no other entry") : "also " + others.map { style.accent("#\($0)") }.joined(separator: " ")
                lines += wrapper.wrap(
                    uses, indent: Self.indent + "  " + String(repeating: " ", count: width + 2),
                    firstIndent: Self.indent + "  " + name + "  ")
            }
        }
        if !related.isEmpty {
            lines.append(Self.indent + style.bold("Related"))
            for item in related {
                let score = style.dim(" (\(String(format: "%.2f", item.hit.score)))")
                lines.append(entryLine(item.hit.entry, indent: Self.indent + "  ", suffix: score))
                if let term = item.term, let snippet = item.snippet {
                    let quoted = style.dim("\(term): ") + "“" + snippet + "”"
                    lines += wrapper.wrap(quoted, indent: Self.indent + "       ")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
