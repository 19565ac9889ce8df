extension TextRenderer {
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

    func help(_ specs: [CommandCatalog.Spec]) -> String {
        let usageWidth = specs.map(\.usage.count).max() ?? 0
        var lines = [style.bold("Commands") + " — plain text goes to the current mode (ask, quiz, explain or interview)"]
        for spec in specs {
            let usage = spec.usage.padding(toLength: usageWidth + 2, withPad: " ", startingAt: 0)
            lines += wrapper.wrap(
                spec.summary, indent: String(repeating: " ", count: usageWidth + 4),
                firstIndent: "  " + style.accent(usage))
        }
        lines.append(paragraph("Keys: Tab completes, ↑ recalls earlier lines, Ctrl-C clears the line, Ctrl-D leaves. /help quiz says more about one command."))
        return lines.joined(separator: "\n")
    }
}
