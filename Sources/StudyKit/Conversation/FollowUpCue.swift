/// Whether a line leans on what came before: it opens as a continuation ("and an app?", "what
/// about prefetch_related?") or points back ("when would I use them?", "why is that faster?",
/// "the other one"). A line that does neither but says too little to be answered on its own ("on
/// a different port?") is read with the context too, since it has no confident reading alone.
enum FollowUpCue {
    static let openers: [[String]] = [
        ["and"], ["or"], ["but"], ["so"], ["also"], ["then"], ["what", "about"], ["how", "about"], ["what", "if"], ["same"], ["plus"],
    ]
    static let pointers: Set<String> = [
        "it", "its", "it's", "that", "this", "those", "these", "them", "they", "their", "theirs", "there", "one", "ones", "other",
        "else", "instead", "same", "either", "both", "former", "latter",
    ]
    /// How a follow-up is read (chosen on the dev splits of the labelled conversations): the
    /// earlier question's words count half as much as the line's own; its meaning, twice the
    /// line's, since a follow-up says little of its own; the line's own ranking is added at a
    /// quarter weight over its best `candidates` entries.
    static let contextWeight = 0.5
    static let contextMeaningWeight: Float = 2
    static let ownWeight = 0.25
    static let candidates = 10
    /// What the line must say of the entry the context finds for it to be answered: its own
    /// words cover this much of it, or its own meaning comes this close. A line that leans on the
    /// context needs neither to stay on the entry in focus, nor when it says almost nothing
    /// itself (less information than one everyday word: "why is that?").
    static let minimumOwnCoverage = 0.4
    static let minimumOwnSimilarity = 0.3
    static let minimumOwnInformation = 1.0

    static func leansOnContext(_ line: String) -> Bool {
        let words = ConversationalMove.words(of: line)
        return openers.contains(where: { words.starts(with: $0) }) || words.contains(where: pointers.contains)
    }
}
