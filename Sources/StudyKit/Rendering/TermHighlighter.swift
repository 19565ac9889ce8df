/// Marks the words of a text whose analysed term is in a set, so a reference answer shows what
/// an answer missed in the reference's own words.
struct TermHighlighter {
    let terms: Set<String>
    let style: TextStyle
    private let analyzer = Analyzer()

    func highlight(_ text: String) -> String {
        guard !terms.isEmpty else { return text }
        var result = ""
        var cursor = text.startIndex
        for token in Tokenizer().tokens(in: text) where token.kind != .part {
            guard let term = analyzer.normalize(token), terms.contains(term) else { continue }
            result += text[cursor..<token.text.startIndex]
            result += style.highlight(String(token.text))
            cursor = token.text.endIndex
        }
        return result + text[cursor...]
    }
}
