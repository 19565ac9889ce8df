extension TutorSession {
    mutating func show(_ id: Int, renderer: TextRenderer) -> SessionReply {
        guard let entry = corpus.entry(id: id) else {
            return SessionReply("No entry #\(id). \(corpus.numberingDescription)")
        }
        lastShown = id
        conversation.focus(on: entry)
        return SessionReply(renderer.entry(entry))
    }

    /// `/next` and `/prev`: walk document order from the last entry shown.
    mutating func step(by offset: Int, renderer: TextRenderer) -> SessionReply {
        let entries = corpus.entries
        guard let current = lastShown.flatMap(corpus.position(ofEntry:)) else {
            let start = offset > 0 ? entries.first! : entries.last!
            return show(start.id, renderer: renderer)
        }
        let target = current + offset
        guard entries.indices.contains(target) else {
            let edge = offset > 0 ? "last" : "first"
            let restart = offset > 0 ? entries.first!.id : entries.last!.id
            return SessionReply("#\(entries[current].id) is the \(edge) entry. /show \(restart) goes to the other end.")
        }
        return show(entries[target].id, renderer: renderer)
    }

    mutating func showRandom(renderer: TextRenderer) -> SessionReply {
        let others = corpus.entries.filter { $0.id != lastShown }
        let entry = (others.isEmpty ? corpus.entries : others).randomElement(using: &generator)!
        return show(entry.id, renderer: renderer)
    }

    func listTopic(_ name: String, renderer: TextRenderer) -> SessionReply {
        guard let tag = corpus.tag(named: name) else {
            if let section = corpus.section(named: name) { return listSection(section, renderer: renderer) }
            let tags = corpus.tagCounts.map(\.tag).joined(separator: ", ")
            let guess = corpus.nearestTagOrSection(to: name).map { " Did you mean \($0)?" } ?? ""
            return SessionReply(renderer.paragraph("No topic \"\(name)\".\(guess) Topics: \(tags)."))
        }
        let entries = corpus.entries(taggedWith: tag)
        return SessionReply(renderer.style.bold("Topic \(tag) (\(entries.count))") + "\n" + renderer.entryList(entries))
    }

    func listSection(_ name: String, renderer: TextRenderer) -> SessionReply {
        guard let section = corpus.section(named: name) else {
            let guess = NearestName.closest(to: name, in: corpus.sections).map { " Did you mean \($0)?" } ?? ""
            return SessionReply(renderer.paragraph("No section \"\(name)\".\(guess) Sections: \(corpus.sections.joined(separator: ", "))."))
        }
        let entries = corpus.entries(inSection: section)
        return SessionReply(renderer.style.bold("\(section) (\(entries.count))") + "\n" + renderer.entryList(entries))
    }

    func help(_ topic: String?, renderer: TextRenderer) -> SessionReply {
        guard let topic else { return SessionReply(renderer.help(CommandCatalog.all)) }
        guard let spec = CommandCatalog.spec(named: topic) else {
            return SessionReply(CommandCatalog.unknownCommandMessage(for: topic))
        }
        return SessionReply(renderer.style.bold(spec.usage) + "\n" + renderer.paragraph(spec.details, indent: "  "))
    }
}
