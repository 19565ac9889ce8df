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
    /// How much a follow-up's own ranking counts beside its ranking with the context, and how many
    /// entries of each are weighed (chosen on the dev splits of the labelled conversations).
    static let ownWeight = 0.5
    static let candidates = 5

    static func leansOnContext(_ line: String) -> Bool {
        let words = ConversationalMove.words(of: line)
        return openers.contains(where: { words.starts(with: $0) }) || words.contains(where: pointers.contains)
    }
}
