/// What the session says back to one line of input.
public struct SessionReply: Sendable, Equatable {
    /// Text to print; empty prints nothing.
    public var text: String
    /// True when the learner asked to leave.
    public var quit: Bool
    /// Set by `/edit`: the answer so far, to open in the learner's editor. What the editor
    /// returns goes back through `TutorSession.replaceAnswer(with:renderer:)`.
    public var editDraft: String?

    public init(_ text: String, quit: Bool = false, editDraft: String? = nil) {
        self.text = text
        self.quit = quit
        self.editDraft = editDraft
    }
}
