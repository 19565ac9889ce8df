/// sentence-transformers' Pooling (mean over tokens) and Normalize modules.
enum MeanPooling {
    /// The mean of the rows whose mask entry is true, or of every row without a mask. Special tokens
    /// ([CLS], [SEP]) count like any other, as they do in sentence-transformers; only padding is
    /// masked out there, and a single sequence has none.
    static func mean(_ rows: [Float], dimension: Int, mask: [Bool]? = nil) -> [Float] {
        precondition(dimension > 0 && rows.count % dimension == 0, "\(rows.count) values are not rows of \(dimension)")
        let rowCount = rows.count / dimension
        precondition(mask == nil || mask!.count == rowCount, "the mask has \(mask!.count) entries for \(rowCount) rows")
        var sum = [Float](repeating: 0, count: dimension)
        var included = 0
        for row in 0..<rowCount where mask?[row] ?? true {
            for column in 0..<dimension { sum[column] += rows[row * dimension + column] }
            included += 1
        }
        // sentence-transformers clamps the count at 1e-9, so an all-masked input gives zeros.
        let divisor = Float(max(included, 1))
        return sum.map { $0 / divisor }
    }

    /// The vector divided by its Euclidean length; a zero vector stays zero (torch's F.normalize
    /// divides by max(length, 1e-12)).
    static func l2Normalized(_ vector: [Float]) -> [Float] {
        var squares: Float = 0
        for value in vector { squares += value * value }
        let length = max(squares.squareRoot(), 1e-12)
        return vector.map { $0 / length }
    }
}
