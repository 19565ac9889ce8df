extension TextRenderer {
    /// Re-wraps the lines of `text` that are wider than the terminal, at words, hanging under
    /// their own indentation; lines that fit are left alone. The last guard before output, so a
    /// message built without `paragraph` still never runs past the edge.
    public func fitted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let line = String(line)
            guard TextStyle.visibleWidth(line) > width else { return [line] }
            let indent = String(line.prefix { $0 == " " })
            return wrapper.wrap(String(line.dropFirst(indent.count)), indent: indent)
        }
        .joined(separator: "\n")
    }
}
