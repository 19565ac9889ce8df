/// What the session says back to one line of input.
public struct SessionReply: Sendable, Equatable {
    /// Text to print; empty prints nothing.
    public var text: String
    /// True when the learner asked to leave.
    public var quit: Bool

    public init(_ text: String, quit: Bool = false) {
        self.text = text
        self.quit = quit
    }
}
