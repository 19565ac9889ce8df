/// How badly an entry is known, for `/quiz weak`: ordered weakest first.
struct Weakness: Comparable {
    let lastRating: Rating?
    let lapses: Int
    let retrievability: Double
    let stability: Double

    func isWeak(desiredRetention: Double) -> Bool {
        lapses > 0 || lastRating == .again || lastRating == .hard || retrievability < desiredRetention
    }

    static func < (a: Weakness, b: Weakness) -> Bool {
        let (aForgot, bForgot) = (a.lastRating == .again, b.lastRating == .again)
        if aForgot != bForgot { return aForgot }
        if a.lapses != b.lapses { return a.lapses > b.lapses }
        if a.retrievability != b.retrievability { return a.retrievability < b.retrievability }
        return a.stability < b.stability
    }
}
