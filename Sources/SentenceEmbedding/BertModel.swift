import COpenBLAS
import Foundation

/// BERT's encoder for one sequence (no padding, so no attention mask): embeddings (word + position +
/// token type 0) and LayerNorm, then layers of multi-head self-attention and a GELU feed-forward
/// network, each followed by a residual connection and LayerNorm (post-LN).
struct BertModel: Sendable {
    let configuration: ModelConfiguration
    /// Rows are dequantised when a token needs them, so loading touches none of the 30,522.
    private let data: Data
    private let wordEmbeddings: TensorLayout
    /// Position embeddings with the token-type-0 embedding already added (the converter folds it in).
    private let positionEmbeddings: TensorLayout
    private let embeddingNorm: LayerNorm
    private let layers: [EncoderLayer]

    init(reading reader: inout TensorReader) throws(SentenceEncoderError) {
        let c = reader.file.configuration
        configuration = c
        data = reader.file.data
        wordEmbeddings = try reader.next(
            "word embeddings", rows: c.vocabularySize, columns: c.hiddenSize,
            encodings: [.float32, .float16, .int8Rows])
        positionEmbeddings = try reader.next(
            "position embeddings", rows: c.maxTokens, columns: c.hiddenSize,
            encodings: [.float32, .float16, .int8Rows])
        embeddingNorm = try LayerNorm(
            reading: &reader, name: "embedding LayerNorm", size: c.hiddenSize,
            epsilon: c.layerNormEpsilon)
        var layers: [EncoderLayer] = []
        for index in 0..<c.layerCount {
            layers.append(try EncoderLayer(reading: &reader, name: "layer \(index)", configuration: c))
        }
        self.layers = layers
    }

    /// The last hidden state: one row of hiddenSize floats per token.
    func tokenEmbeddings(_ ids: [Int]) -> [Float] {
        tokenEmbeddings(batch: [ids])[0]
    }

    /// The last hidden states of several sequences, run as one packed batch: their tokens are
    /// stacked without padding, so each linear layer is one product over all of them (its weights
    /// converted once, not once a sequence), and attention alone is computed sequence by sequence.
    func tokenEmbeddings(batch: [[Int]]) -> [[Float]] {
        guard !batch.isEmpty else { return [] }
        let hidden = configuration.hiddenSize
        var sequences: [Range<Int>] = []
        var start = 0
        for ids in batch {
            precondition(ids.count <= configuration.maxTokens, "\(ids.count) tokens, the model takes \(configuration.maxTokens)")
            sequences.append(start..<(start + ids.count))
            start += ids.count
        }
        let total = start
        var states = [Float](repeating: 0, count: total * hidden)
        var position = [Float](repeating: 0, count: hidden)
        states.withUnsafeMutableBufferPointer { states in
            data.withUnsafeBytes { raw in
                for (ids, sequence) in zip(batch, sequences) {
                    for (index, id) in ids.enumerated() {
                        precondition(id >= 0 && id < configuration.vocabularySize, "token id \(id) is outside the vocabulary")
                        let row = states.baseAddress! + (sequence.lowerBound + index) * hidden
                        Dequantization.row(id, of: wordEmbeddings, in: raw, into: row)
                        Dequantization.row(index, of: positionEmbeddings, in: raw, into: &position)
                        for column in 0..<hidden { row[column] += position[column] }
                    }
                }
            }
            embeddingNorm.apply(states.baseAddress!, rows: total)
        }
        let longest = sequences.map(\.count).max() ?? 0
        let workspace = EncoderLayer.Workspace(tokens: total, longestSequence: longest, configuration: configuration)
        states.withUnsafeMutableBufferPointer { states in
            for layer in layers { layer.apply(states.baseAddress!, sequences: sequences, workspace: workspace) }
        }
        return sequences.map { Array(states[($0.lowerBound * hidden)..<($0.upperBound * hidden)]) }
    }
}

/// y = x · Wᵀ + b, with W stored as PyTorch's nn.Linear does (outputs × inputs, row-major).
///
/// The weights stay in the mapped file as stored (f16 for the bundled model) and are converted into
/// a scratch buffer just before each product: converting all layers at load time would mean
/// allocating 42 MB of f32, which costs this machine more in page faults (~15 ms) than converting
/// again for every text (~2 ms). Converting the whole matrix, not blocks of rows, lets OpenBLAS
/// pack the input once per product; scripts/bench-encoder measured 7.0 against 8.2 ms a query with
/// blocks of 64 rows.
struct Linear: Sendable {
    private let data: Data
    private let weights: TensorLayout
    let bias: [Float]
    let inputs: Int
    let outputs: Int

    init(reading reader: inout TensorReader, name: String, inputs: Int, outputs: Int) throws(SentenceEncoderError) {
        data = reader.file.data
        weights = try reader.next(
            "\(name) weight", rows: outputs, columns: inputs,
            encodings: [.float32, .float16, .int8Rows])
        bias = try reader.floats("\(name) bias", columns: outputs)
        self.inputs = inputs
        self.outputs = outputs
    }

    /// `scratch` holds at least outputs × inputs floats.
    func apply(
        _ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>,
        scratch: UnsafeMutablePointer<Float>
    ) {
        bias.withUnsafeBufferPointer { bias in
            for row in 0..<rows { (output + row * outputs).update(from: bias.baseAddress!, count: outputs) }
        }
        data.withUnsafeBytes { raw in
            for row in 0..<outputs {
                Dequantization.row(row, of: weights, in: raw, into: scratch + row * inputs)
            }
        }
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputs), Int32(inputs),
            1, input, Int32(inputs), scratch, Int32(inputs), 1, output, Int32(outputs))
    }
}

struct LayerNorm: Sendable {
    let weight: [Float]
    let bias: [Float]
    let epsilon: Float

    init(reading reader: inout TensorReader, name: String, size: Int, epsilon: Float) throws(SentenceEncoderError) {
        weight = try reader.floats("\(name) weight", columns: size)
        bias = try reader.floats("\(name) bias", columns: size)
        self.epsilon = epsilon
    }

    /// Normalises each row in place: (x - mean) / sqrt(variance + epsilon) · weight + bias.
    func apply(_ values: UnsafeMutablePointer<Float>, rows: Int) {
        let size = weight.count
        weight.withUnsafeBufferPointer { weight in
            bias.withUnsafeBufferPointer { bias in
                for row in 0..<rows {
                    let x = values + row * size
                    var sum: Float = 0
                    for i in 0..<size { sum += x[i] }
                    let mean = sum / Float(size)
                    var squares: Float = 0
                    for i in 0..<size {
                        let d = x[i] - mean
                        squares += d * d
                    }
                    let scale = 1 / (squares / Float(size) + epsilon).squareRoot()
                    for i in 0..<size { x[i] = (x[i] - mean) * scale * weight[i] + bias[i] }
                }
            }
        }
    }
}

struct EncoderLayer: Sendable {
    /// Query, key and value projections in one matrix (the converter stacks them), so one product.
    let queryKeyValue: Linear
    let attentionOutput: Linear
    let attentionNorm: LayerNorm
    let intermediate: Linear
    let output: Linear
    let outputNorm: LayerNorm
    let headCount: Int

    /// Scratch buffers for one packed batch, reused across layers; owned by one call, never shared.
    final class Workspace {
        let queryKeyValue: UnsafeMutablePointer<Float>
        let scores: UnsafeMutablePointer<Float>
        let context: UnsafeMutablePointer<Float>
        let attention: UnsafeMutablePointer<Float>
        let intermediate: UnsafeMutablePointer<Float>
        let weights: UnsafeMutablePointer<Float>
        private let buffers: [UnsafeMutablePointer<Float>]

        init(tokens: Int, longestSequence: Int, configuration c: ModelConfiguration) {
            func buffer(_ count: Int) -> UnsafeMutablePointer<Float> {
                let buffer = UnsafeMutablePointer<Float>.allocate(capacity: count)
                buffer.initialize(repeating: 0, count: count)
                return buffer
            }
            queryKeyValue = buffer(tokens * 3 * c.hiddenSize)
            scores = buffer(longestSequence * longestSequence)
            context = buffer(tokens * c.hiddenSize)
            attention = buffer(tokens * c.hiddenSize)
            intermediate = buffer(tokens * c.intermediateSize)
            weights = buffer(max(3 * c.hiddenSize * c.hiddenSize, c.hiddenSize * c.intermediateSize))
            buffers = [queryKeyValue, scores, context, attention, intermediate, weights]
        }

        deinit {
            for buffer in buffers { buffer.deallocate() }
        }
    }

    init(reading reader: inout TensorReader, name: String, configuration c: ModelConfiguration) throws(SentenceEncoderError) {
        let hidden = c.hiddenSize
        queryKeyValue = try Linear(reading: &reader, name: "\(name) query/key/value", inputs: hidden, outputs: 3 * hidden)
        attentionOutput = try Linear(reading: &reader, name: "\(name) attention output", inputs: hidden, outputs: hidden)
        attentionNorm = try LayerNorm(
            reading: &reader, name: "\(name) attention LayerNorm", size: hidden,
            epsilon: c.layerNormEpsilon)
        intermediate = try Linear(
            reading: &reader, name: "\(name) intermediate", inputs: hidden,
            outputs: c.intermediateSize)
        output = try Linear(reading: &reader, name: "\(name) output", inputs: c.intermediateSize, outputs: hidden)
        outputNorm = try LayerNorm(
            reading: &reader, name: "\(name) output LayerNorm", size: hidden,
            epsilon: c.layerNormEpsilon)
        headCount = c.headCount
    }

    /// Runs the layer in place on `x`, the packed rows (tokens × hidden) of the `sequences`, each
    /// a range of rows that attends only to itself.
    func apply(_ x: UnsafeMutablePointer<Float>, sequences: [Range<Int>], workspace w: Workspace) {
        let tokens = sequences.last?.upperBound ?? 0
        let hidden = attentionOutput.outputs
        let headSize = hidden / headCount
        let stride = 3 * hidden
        let scale = 1 / Float(headSize).squareRoot()
        queryKeyValue.apply(x, rows: tokens, into: w.queryKeyValue, scratch: w.weights)
        for sequence in sequences {
            let n = sequence.count
            let q = w.queryKeyValue + sequence.lowerBound * stride
            let k = q + hidden
            let v = q + 2 * hidden
            let context = w.context + sequence.lowerBound * hidden
            for head in 0..<headCount {
                let offset = head * headSize
                // scores = Q_h · K_hᵀ / sqrt(head size), then softmax by row
                cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(n), Int32(headSize),
                    scale, q + offset, Int32(stride), k + offset, Int32(stride), 0, w.scores, Int32(n))
                for row in 0..<n { Self.softmax(w.scores + row * n, count: n) }
                // context_h = scores · V_h
                cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(headSize), Int32(n),
                    1, w.scores, Int32(n), v + offset, Int32(stride), 0, context + offset, Int32(hidden))
            }
        }
        attentionOutput.apply(w.context, rows: tokens, into: w.attention, scratch: w.weights)
        for i in 0..<tokens * hidden { w.attention[i] += x[i] }
        attentionNorm.apply(w.attention, rows: tokens)
        intermediate.apply(w.attention, rows: tokens, into: w.intermediate, scratch: w.weights)
        Self.gelu(w.intermediate, count: tokens * intermediate.outputs)
        output.apply(w.intermediate, rows: tokens, into: x, scratch: w.weights)
        for i in 0..<tokens * hidden { x[i] += w.attention[i] }
        outputNorm.apply(x, rows: tokens)
    }

    /// GELU as BERT's "gelu" activation defines it, with erf (not the tanh approximation), in
    /// place. erf is Eigen's rational approximation for floats (within 1e-7 of the true function,
    /// below a float's resolution there): plain arithmetic, so the loop vectorises, where calling
    /// the C library's erff took an eighth of a corpus's embedding time.
    static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count {
            let x = values[i]
            let z = min(max(x * 0.70710678118654752, -4), 4)
            let z2 = z * z
            var p: Float = -2.72614225801306e-10
            p = p * z2 + 2.77068142495902e-08
            p = p * z2 - 2.10102402082508e-06
            p = p * z2 - 5.69250639462346e-05
            p = p * z2 - 7.34990630326855e-04
            p = p * z2 - 2.95459980854025e-03
            p = p * z2 - 1.60960333262415e-02
            var q: Float = -1.45660718464996e-05
            q = q * z2 - 2.13374055278905e-04
            q = q * z2 - 1.68282697438203e-03
            q = q * z2 - 7.37332916720468e-03
            q = q * z2 - 1.42647390514189e-02
            values[i] = 0.5 * x * (1 + z * p / q)
        }
    }

    static func softmax(_ values: UnsafeMutablePointer<Float>, count: Int) {
        var largest = -Float.infinity
        for i in 0..<count { largest = max(largest, values[i]) }
        var sum: Float = 0
        for i in 0..<count {
            values[i] = exp(values[i] - largest)
            sum += values[i]
        }
        let reciprocal = 1 / sum
        for i in 0..<count { values[i] *= reciprocal }
    }
}
