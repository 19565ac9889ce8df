extension String {
    /// `Nothing due` from `nothing due`, for a phrase that starts a sentence.
    var capitalizingFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
