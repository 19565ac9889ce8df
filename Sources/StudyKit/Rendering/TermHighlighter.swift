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
            // CJK pairs overlap (`数据`, `据库`): the second marks only what the first did not.
            let start = max(token.text.startIndex, cursor)
            guard start < token.text.endIndex else { continue }
            result += text[cursor..<start]
            result += style.highlight(String(text[start..<token.text.endIndex]))
            cursor = token.text.endIndex
        }
        return result + text[cursor...]
    }
}
