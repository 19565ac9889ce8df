import COpenBLAS
import Foundation

/// all-MiniLM-L6-v2 (sentence-transformers) in Swift: text in, a 384-dimensional unit vector out,
/// so the dot product of two embeddings is their cosine similarity.
///
/// Loading maps the model file and dequantises the linear layers (about 42 MB of f32); word
/// embedding rows are read from the mapped file when a token needs them. An encoder is immutable
/// and may be shared between tasks.
public final class SentenceEncoder: Sendable {
    let tokenizer: WordPieceTokenizer
    let model: BertModel

    /// The model file shipped in this package's resources.
    public static func bundled() throws -> SentenceEncoder {
        guard let url = Bundle.module.url(forResource: "all-MiniLM-L6-v2", withExtension: "encoder") else {
            throw SentenceEncoderError.bundledModelMissing
        }
        return try SentenceEncoder(contentsOf: url)
    }

    /// Loads a model file written by scripts/convert-encoder-model. Throws a `SentenceEncoderError`
    /// that names the file and the problem when it is missing, unreadable or corrupt.
    public convenience init(contentsOf url: URL) throws {
        try self.init(file: ModelFile(contentsOf: url))
    }

    init(file: ModelFile) throws(SentenceEncoderError) {
        let c = file.configuration
        var reader = TensorReader(file)
        let vocabulary = try Vocabulary(reading: &reader, size: c.vocabularySize)
        guard let tokenizer = WordPieceTokenizer(vocabulary: vocabulary, maxTokens: c.maxTokens,
                                                 maxCharactersPerWord: c.maxCharactersPerWord)
        else {
            throw .corrupt(file.url, reason: "the vocabulary lacks BERT's special tokens "
                + WordPieceTokenizer.specialTokenNames.joined(separator: " "))
        }
        self.tokenizer = tokenizer
        model = try BertModel(reading: &reader)
        try reader.finish()
        // The products for one short query are too small to gain from a second thread; measured
        // by scripts/bench-encoder.
        openblas_set_num_threads(1)
    }

    /// 384 for all-MiniLM-L6-v2.
    public var dimension: Int { model.configuration.hiddenSize }

    /// Word pieces beyond this many (with [CLS] and [SEP]) are cut off, as sentence-transformers does.
    public var maxTokens: Int { model.configuration.maxTokens }

    /// The mean of the text's token embeddings, L2-normalised.
    public func embed(_ text: String) -> [Float] {
        let ids = tokenizer.tokenIDs(text)
        let states = model.tokenEmbeddings(ids)
        return MeanPooling.l2Normalized(MeanPooling.mean(states, dimension: dimension))
    }

    /// The texts' embeddings in order, computed on all cores (one text per core at a time).
    public func embed(_ texts: [String]) -> [[Float]] {
        let workers = min(texts.count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else { return texts.map { embed($0) } }
        let results = ResultSlots(count: texts.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: texts.count, by: workers) {
                results.store(embed(texts[index]), at: index)
            }
        }
        return results.values
    }
}

/// Where concurrent workers put their results, each index written once.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[Float]]

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func store(_ value: [Float], at index: Int) {
        lock.withLock { slots[index] = value }
    }

    var values: [[Float]] { lock.withLock { slots } }
}
