/// A parsed study corpus: a title, its sections in order, and the entries in document order.
///
/// A section name may head two parts of a file; it is one section, in the place it first comes.
public struct Corpus: Sendable {
    public let title: String
    public let sections: [String]
    public let entries: [Entry]
    /// Where the corpus came from (a path, or `built-in`), for messages.
    public let source: String

    private let positionByID: [Int: Int]

    public init(title: String, sections: [String], entries: [Entry], source: String) {
        self.title = title
        var unique: [String] = []
        for section in sections where !unique.contains(section) { unique.append(section) }
        self.sections = unique
        self.entries = entries
        self.source = source
        var positions: [Int: Int] = [:]
        for (position, entry) in entries.enumerated() { positions[entry.id] = position }
        self.positionByID = positions
    }

    public func entry(id: Int) -> Entry? {
        positionByID[id].map { entries[$0] }
    }

    /// The entry's place in document order, which `/next` and `/prev` walk.
    public func position(ofEntry id: Int) -> Int? {
        positionByID[id]
    }

    /// Every tag with the number of entries that carry it, most used first, then by name.
    public var tagCounts: [(tag: String, count: Int)] {
        var counts: [String: Int] = [:]
        for entry in entries { for tag in entry.tags { counts[tag, default: 0] += 1 } }
        return counts.map { (tag: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.tag < $1.tag }
    }

    public func entries(inSection section: String) -> [Entry] {
        entries.filter { $0.section == section }
    }

    public func entries(taggedWith tag: String) -> [Entry] {
        entries.filter { $0.tags.contains(tag) }
    }

    /// The section whose name matches `name` case-insensitively, or failing that the one it is a prefix of.
    /// A name is also known by the form the terminal shows (`<U+202E>Advanced` for a control character).
    public func section(named name: String) -> String? {
        let wanted = name.lowercased()
        return sections.first { $0.lowercased() == wanted || Self.shown($0) == wanted }
            ?? sections.first { $0.lowercased().hasPrefix(wanted) || Self.shown($0).hasPrefix(wanted) }
    }

    /// The tag equal to `name`, ignoring case and a plural "s", or the only tag it begins; by its
    /// own spelling or by the form the terminal shows (`<u+202e>orm`), which completion inserts.
    public func tag(named name: String) -> String? {
        let wanted = name.lowercased()
        var tagsByName: [String: String] = [:]
        for tag in Set(entries.flatMap(\.tags)) {
            tagsByName[tag] = tag
            // A tag spelled as another's shown form keeps its own name.
            let shown = Self.shown(tag)
            if shown != tag, tagsByName[shown] != shown { tagsByName[shown] = min(tagsByName[shown] ?? tag, tag) }
        }
        if let tag = tagsByName[wanted] { return tag }
        if wanted.hasSuffix("s"), let tag = tagsByName[String(wanted.dropLast())] { return tag }
        if let tag = tagsByName[wanted + "s"] { return tag }
        guard !wanted.isEmpty else { return nil }
        let begun = Set(tagsByName.filter { $0.key.hasPrefix(wanted) }.values)
        return begun.count == 1 ? begun.first : nil
    }

    /// A name as the terminal shows it, lower-cased: control characters made visible.
    static func shown(_ name: String) -> String {
        TerminalSanitizer.sanitize(name, keepingStyles: false).lowercased()
    }

    /// For "did you mean": the tag or section nearest to a name that matched neither.
    public func nearestTagOrSection(to name: String) -> String? {
        NearestName.closest(to: name, in: tagCounts.map(\.tag) + sections)
    }
}

extension Corpus {
    /// Which entry numbers exist, for "no such entry" messages: `Entries are numbered 1–35.`
    public var numberingDescription: String {
        let ids = entries.map(\.id).sorted()
        guard let first = ids.first, let last = ids.last else { return "The corpus has no entries." }
        if ids.count == last - first + 1 { return "Entries are numbered \(first)–\(last)." }
        return "The corpus has \(ids.count) entries, numbered between \(first) and \(last)."
    }
}

extension Corpus {
    /// The key progress is stored under: the title, lower-cased, with runs of other characters as
    /// single dashes (`django-technical-interview-questions`). Editing entries or moving the file
    /// keeps progress; renaming the corpus starts afresh.
    public var identity: String {
        var slug = ""
        for scalar in title.lowercased().unicodeScalars {
            if Tokenizer.isWordCharacter(scalar) && scalar != "_" {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "untitled" : slug
    }
}
