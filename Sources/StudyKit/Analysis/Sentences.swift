/// Splits plain text into sentences: after `.`, `!` or `?` followed by a space, and at line
/// breaks; each trimmed, none empty. For snippets, passages and grading alike.
enum Sentences {
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character = " "
        func close() {
            let trimmed = current.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { sentences.append(trimmed) }
            current = ""
        }
        for character in text {
            if character == "\n" || (character == " " && ".!?".contains(previous)) {
                close()
            } else {
                current.append(character)
            }
            previous = character
        }
        close()
        return sentences
    }
}
