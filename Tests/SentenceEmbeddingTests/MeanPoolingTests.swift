import Foundation
import Testing

@testable import SentenceEmbedding

@Suite("Mean pooling and normalisation")
struct MeanPoolingTests {
    // Three tokens of dimension 2, as [CLS], a word, [SEP].
    let rows: [Float] = [1, 10, 2, 20, 6, 60]

    @Test func averagesEveryRowIncludingTheFirstAndLast() {
        #expect(MeanPooling.mean(rows, dimension: 2) == [3, 30])
    }

    @Test func leavesOutOnlyMaskedRows() {
        #expect(MeanPooling.mean(rows, dimension: 2, mask: [true, true, false]) == [1.5, 15])
        #expect(MeanPooling.mean(rows, dimension: 2, mask: [false, true, false]) == [2, 20])
        #expect(MeanPooling.mean(rows, dimension: 2, mask: [false, false, false]) == [0, 0])
    }

    @Test func normalisesToUnitLength() {
        #expect(MeanPooling.l2Normalized([3, 4]) == [0.6, 0.8])
        let vector = MeanPooling.l2Normalized([0.001, -2, 7, 1e-3, 0.5])
        #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-6)
    }

    @Test func zeroVectorStaysZero() {
        #expect(MeanPooling.l2Normalized([0, 0, 0]) == [0, 0, 0])
    }
}

@Suite("Model arithmetic")
struct ModelArithmeticTests {
    @Test func geluUsesErf() {
        var values: [Float] = [0, 1, -1]
        values.withUnsafeMutableBufferPointer { EncoderLayer.gelu($0.baseAddress!, count: 3) }
        #expect(values[0] == 0)
        // 0.5 · x · (1 + erf(x / √2)) at 1 and -1; the tanh approximation gives 0.841192.
        #expect(abs(values[1] - 0.8413447) < 1e-6)
        #expect(abs(values[2] + 0.1586553) < 1e-6)
    }

    @Test func geluMatchesTheCLibrarysErfEverywhere() {
        let inputs = stride(from: Float(-12), through: 12, by: 0.001).map { $0 }
        var values = inputs
        values.withUnsafeMutableBufferPointer { EncoderLayer.gelu($0.baseAddress!, count: inputs.count) }
        let worst = zip(inputs, values).map { x, gelu in abs(gelu - 0.5 * x * (1 + erf(x * 0.70710678118654752))) }.max()!
        #expect(worst < 2e-6, "off by \(worst)")
    }

    @Test func softmaxSumsToOneAndSurvivesLargeScores() {
        var scores: [Float] = [1000, 1001, 999]
        scores.withUnsafeMutableBufferPointer { EncoderLayer.softmax($0.baseAddress!, count: 3) }
        #expect(abs(scores.reduce(0, +) - 1) < 1e-6)
        #expect(scores[1] > scores[0] && scores[0] > scores[2])
        #expect(abs(scores[1] - 0.66524096) < 1e-6)
    }

    @Test func halfPrecisionConversion() {
        let cases: [(UInt16, Float)] = [
            (0x3C00, 1), (0xC000, -2), (0x0000, 0), (0x7BFF, 65504), (0x3555, 0.33325195),
            (0x0001, 0x1p-24), (0x83FF, -0x1.ff8p-15),
        ]
        for (half, expected) in cases {
            #expect(Dequantization.float(fromHalf: half) == expected, "\(String(half, radix: 16))")
        }
        #expect(Dequantization.float(fromHalf: 0x8000).sign == .minus)
    }

    @Test func int8RowsUseTheirOwnScale() {
        // Two rows of three int8 values, then a scale per row.
        var bytes: [UInt8] = [1, 0xFF, 127, 2, 4, 0x80 | 0x7F]
        for scale: Float in [0.5, 0.25] { withUnsafeBytes(of: scale.bitPattern.littleEndian) { bytes += $0 } }
        let tensor = TensorLayout(rows: 2, columns: 3, encoding: .int8Rows, offset: 0)
        let values = bytes.withUnsafeBytes { Dequantization.floats(tensor, in: $0) }
        #expect(values == [0.5, -0.5, 63.5, 0.5, 1, -0.25])
    }
}
