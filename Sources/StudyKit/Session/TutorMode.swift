/// What plain text typed at the prompt means.
public enum TutorMode: String, Sendable, CaseIterable {
    case ask
    case quiz
    /// A quiz whose ratings change nothing.
    case cram
    case explain
    /// A mock interview (`MockInterview`): answers wait for the debrief at the end.
    case interview

    /// `ask›`: the mode is always visible in the prompt.
    public var prompt: String { "\(rawValue)› " }
}
