extension Searcher {
    /// Builds the tables every search reads and builds the first time it needs them (English
    /// word frequencies, spellings, technology names, stop words, abbreviations), by answering a
    /// question over a corpus of one entry. A caller with a core to spare runs it while a large
    /// corpus is parsed, which takes their building off the first answer's path.
    public static func buildSharedTables() {
        let entry = Entry(
            id: 1, question: "What is a QuerySet?", section: "Tables", tags: ["orm"],
            answer: "A `QuerySet` is a lazy collection of rows, e.g. `Book.objects.filter(title__icontains=\"colour\")`.", line: 1)
        let searcher = Searcher(corpus: Corpus(title: "Tables", sections: ["Tables"], entries: [entry], source: "tables"))
        // A misspelt word, a British spelling, an abbreviation and a technology the corpus never names.
        _ = searcher.search("how do I organise querysts in the DB with pydantic, e.g. filtering by colour?")
    }
}
