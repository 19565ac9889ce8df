/// The most of a text that is analysed. Cutting costs time in proportion to the limit, not to
/// the text, so a pasted 10 MB line is as cheap as a short one.
public struct CharacterLimit: Sendable, Equatable {
    public let characters: Int

    public init(_ characters: Int) { self.characters = characters }

    /// The first `characters` characters of `text`, and whether anything was left out.
    public func cut(_ text: String) -> (text: String, wasCut: Bool) {
        guard let end = text.index(text.startIndex, offsetBy: characters, limitedBy: text.endIndex), end < text.endIndex else {
            return (text, false)
        }
        return (String(text[..<end]), true)
    }

    /// `4,000 characters`.
    public var description: String {
        var digits = String(characters)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped + " characters"
    }
}
