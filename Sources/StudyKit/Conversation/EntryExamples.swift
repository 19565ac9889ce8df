/// An entry's examples: its code blocks, and the sentences of its answer that give an example
/// ("such as `pre_save`, `post_save`…", "for example, a clone of Instagram…").
enum EntryExamples {
    static let markers = ["for example", "for instance", "e.g.", "such as", "example", "typical pattern", "like this"]

    /// Each example as Markdown: a fenced block whole, or one sentence.
    static func lines(of entry: Entry) -> [String] {
        var examples: [String] = []
        var fence: [String]?
        var prose: [String] = []
        for line in entry.answer.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                if var block = fence {
                    block.append(line)
                    examples.append(block.joined(separator: "\n"))
                    fence = nil
                } else {
                    fence = [line]
                }
            } else if fence != nil {
                fence!.append(line)
            } else {
                prose.append(line)
            }
        }
        let sentences = Sentences.split(prose.joined(separator: "\n")).filter { sentence in
            let lowered = sentence.lowercased()
            return markers.contains { lowered.contains($0) }
        }
        return sentences + examples
    }
}
