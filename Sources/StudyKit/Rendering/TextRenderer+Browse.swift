extension TextRenderer {
    /// The fewest columns `/help` leaves a command's summary beside it.
    static let helpSummaryWidth = 30

    /// Sections and tags with their entry counts.
    public func topics(_ corpus: Corpus) -> String {
        let nameWidth = corpus.sections.map(TextStyle.visibleWidth).max() ?? 0
        var lines = [style.bold("Sections")]
        for section in corpus.sections {
            let count = corpus.entries(inSection: section).count
            lines.append("  " + Self.pad(section, to: nameWidth + 2) + "\(count)")
        }
        let tags = corpus.tagCounts
        if !tags.isEmpty {
            lines.append(style.bold("Topics"))
            // A no-break space keeps each count on its tag's line.
            let items = tags.map { "\(style.accent($0.tag))\u{00A0}\($0.count)" }.joined(separator: " · ")
            lines += wrapper.wrap(items, indent: "  ")
        }
        lines.append(style.dim("/section NAME or /topic NAME lists entries; /quiz NAME drills them."))
        return lines.joined(separator: "\n")
    }

    /// The command column holds the longest usage that leaves `helpSummaryWidth` columns for its
    /// summary; a longer usage has a line of its own, with its summary under it in that column.
    func help(_ specs: [CommandCatalog.Spec]) -> String {
        let fitting = specs.map { TextStyle.visibleWidth($0.usage) }.filter { $0 + 4 + Self.helpSummaryWidth <= width }
        let usageWidth = fitting.max() ?? 0
        let summaryIndent = String(repeating: " ", count: usageWidth + 4)
        var lines = wrapper.wrap(style.bold("Commands") + " — plain text goes to the current mode (ask, quiz, explain or interview)")
        for spec in specs {
            if TextStyle.visibleWidth(spec.usage) > usageWidth {
                lines.append("  " + style.accent(spec.usage))
                lines += wrapper.wrap(spec.summary, indent: summaryIndent)
            } else {
                lines += wrapper.wrap(spec.summary, indent: summaryIndent, firstIndent: "  " + style.accent(Self.pad(spec.usage, to: usageWidth + 2)))
            }
        }
        lines.append(paragraph("Keys: Tab completes, ↑ recalls earlier lines, Ctrl-C clears the line, Ctrl-D leaves. /help quiz says more about one command."))
        return lines.joined(separator: "\n")
    }
}
