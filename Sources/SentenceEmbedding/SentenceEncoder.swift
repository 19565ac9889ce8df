import COpenBLAS
import Foundation

/// all-MiniLM-L6-v2 (sentence-transformers) in Swift: text in, a 384-dimensional unit vector out,
/// so the dot product of two embeddings is their cosine similarity.
///
/// Loading only maps the model file and checks its layout: the f16 linear layers are converted
/// to f32 just before each product, and word embedding rows are read when a token needs them
/// (see `BertModel`). An encoder is immutable and may be shared between tasks.
public final class SentenceEncoder: Sendable {
    let tokenizer: WordPieceTokenizer
    let model: BertModel
    /// Identifies the model file's contents, so vectors computed with one file are never read as
    /// another's (a re-converted model changes its weights, not its name): the checksum over the
    /// whole file that its header holds, in hex, which loading found every byte to match.
    public let fingerprint: String

    /// The model file shipped with the package: `$DJANGO_TUTOR_MODEL` if set, else the resource
    /// bundle beside the executable, else the source checkout the binary was built from.
    ///
    /// `Bundle.module` is not used: it stops the program when the bundle is gone (a binary copied
    /// elsewhere on its own), and a missing model must only cost the semantic signal.
    ///
    /// - Parameter verifications: where to remember that a model file matched its checksum
    ///   (`ModelVerification`), so that the next start need not hash it again; nil hashes it every time.
    public static func bundled(
        environment: [String: String] = ProcessInfo.processInfo.environment, verifications: URL? = nil
    ) throws -> SentenceEncoder {
        if let path = environment["DJANGO_TUTOR_MODEL"], !path.isEmpty {
            return try SentenceEncoder(contentsOf: URL(fileURLWithPath: path), verifications: verifications)
        }
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("django-tutor_SentenceEmbedding.resources"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources"),
        ].map { $0.appendingPathComponent(bundledFileName) }
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw SentenceEncoderError.bundledModelMissing
        }
        return try SentenceEncoder(contentsOf: url, verifications: verifications)
    }

    static let bundledFileName = "all-MiniLM-L6-v2.encoder"

    /// Loads a model file written by scripts/convert-encoder-model. Throws a `SentenceEncoderError`
    /// that names the file and the problem when it is missing, unreadable or corrupt (its contents
    /// not matching its checksum included: verified unless `verifications` remembers this very
    /// file matching it).
    public convenience init(contentsOf url: URL, verifications: URL? = nil) throws {
        try self.init(file: ModelFile(contentsOf: url), verification: verifications.flatMap { ModelVerification(of: url, in: $0) })
    }

    init(file: ModelFile, verification: ModelVerification? = nil) throws(SentenceEncoderError) {
        let c = file.configuration
        var reader = TensorReader(file)
        let vocabulary = try Vocabulary(reading: &reader, size: c.vocabularySize)
        guard
            let tokenizer = WordPieceTokenizer(
                vocabulary: vocabulary, maxTokens: c.maxTokens,
                maxCharactersPerWord: c.maxCharactersPerWord)
        else {
            throw .corrupt(
                file.url,
                reason: "the vocabulary lacks BERT's special tokens "
                    + WordPieceTokenizer.specialTokenNames.joined(separator: " "))
        }
        self.tokenizer = tokenizer
        model = try BertModel(reading: &reader)
        try reader.finish()
        if let verification, verification.remembers(file.storedChecksum) {
            fingerprint = XXHash64.hex(file.storedChecksum)
        } else {
            let checksum = try file.verifiedChecksum()
            verification?.remember(checksum)
            fingerprint = XXHash64.hex(checksum)
        }
        // The products for one short query are too small to gain from a second thread; measured
        // by scripts/bench-encoder.
        MatrixProducts.onCallersThreadOnly()
    }

    /// 384 for all-MiniLM-L6-v2.
    public var dimension: Int { model.configuration.hiddenSize }

    /// Word pieces beyond this many (with [CLS] and [SEP]) are cut off, as sentence-transformers does.
    public var maxTokens: Int { model.configuration.maxTokens }

    /// The mean of the text's token embeddings, L2-normalised.
    public func embed(_ text: String) -> [Float] {
        sentence(of: model.tokenEmbeddings(tokenizer.tokenIDs(text)))
    }

    /// How many tokens the model runs at once when it has many texts (`BertModel.tokenEmbeddings(batch:)`):
    /// enough that converting each layer's weights costs little beside its product, few enough that
    /// a batch's buffers stay in the caches' reach (chosen by timing the Python FAQ's first open:
    /// 256 and 512 tokens alike, 1,024 slower).
    static let batchTokens = 512

    /// The token embeddings pooled into one unit vector, as sentence-transformers does.
    private func sentence(of states: [Float]) -> [Float] {
        MeanPooling.l2Normalized(MeanPooling.mean(states, dimension: dimension))
    }

    /// The texts' embeddings in order, computed in packed batches on all cores.
    public func embed(_ texts: [String]) -> [[Float]] {
        inBatches(texts) { _, states in self.sentence(of: states) }
    }

    /// What one pass of the model gives for a text: its embedding, and the contextual vector of
    /// each word piece that holds a letter or digit, for matching piece by piece (late
    /// interaction, as ColBERT does). [CLS], [SEP] and punctuation are left out.
    public struct Encoding: Sendable, Equatable {
        /// The embedding, as `embed(_:)` gives it.
        public let sentence: [Float]
        /// The kept word pieces' vocabulary ids, in text order.
        public let pieceIDs: [Int32]
        /// Their vectors, L2-normalised, one row of `dimension` values per piece.
        public let pieceVectors: [Float]

        /// An embedding without pieces is what an embedder without them gives.
        public init(sentence: [Float], pieceIDs: [Int32] = [], pieceVectors: [Float] = []) {
            self.sentence = sentence
            self.pieceIDs = pieceIDs
            self.pieceVectors = pieceVectors
        }
    }

    public func encoding(of text: String) -> Encoding {
        let ids = tokenizer.tokenIDs(text)
        return encoding(ids: ids, states: model.tokenEmbeddings(ids))
    }

    private func encoding(ids: [Int], states: [Float]) -> Encoding {
        let hidden = dimension
        var pieceIDs: [Int32] = []
        var pieceVectors: [Float] = []
        for (index, id) in ids.enumerated().dropFirst().dropLast() where tokenizer.isWordPiece(id) {
            pieceIDs.append(Int32(id))
            pieceVectors += MeanPooling.l2Normalized(Array(states[(index * hidden)..<((index + 1) * hidden)]))
        }
        return Encoding(sentence: sentence(of: states), pieceIDs: pieceIDs, pieceVectors: pieceVectors)
    }

    /// The texts' encodings in order, computed in packed batches on all cores.
    public func encodings(of texts: [String]) -> [Encoding] {
        inBatches(texts) { ids, states in self.encoding(ids: ids, states: states) }
    }

    /// Runs the texts through the model in packed batches of about `batchTokens` tokens, the
    /// batches spread over the cores, and gives each text's token ids and states to `finish`.
    /// Texts are batched longest first, so that the last batches, which keep the other cores
    /// waiting, are the quickest.
    private func inBatches<Result: Sendable>(_ texts: [String], _ finish: @escaping @Sendable ([Int], [Float]) -> Result) -> [Result] {
        let ids = texts.map(tokenizer.tokenIDs)
        let order = ids.indices.sorted { ids[$0].count > ids[$1].count }
        var batches: [[Int]] = []
        var tokens = 0
        for index in order {
            if batches.isEmpty || tokens + ids[index].count > Self.batchTokens {
                batches.append([])
                tokens = 0
            }
            batches[batches.count - 1].append(index)
            tokens += ids[index].count
        }
        let results = ResultSlots<Result>(count: texts.count)
        let model = self.model
        let run: @Sendable ([Int]) -> Void = { batch in
            for (index, states) in zip(batch, model.tokenEmbeddings(batch: batch.map { ids[$0] })) {
                results.store(finish(ids[index], states), at: index)
            }
        }
        if batches.count == 1 || ProcessInfo.processInfo.activeProcessorCount == 1 {
            batches.forEach(run)
        } else {
            let batches = batches
            DispatchQueue.concurrentPerform(iterations: batches.count) { run(batches[$0]) }
        }
        return results.values
    }
}

/// Where concurrent workers put their results, each index written once.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        lock.withLock { slots[index] = value }
    }

    var values: [Value] { lock.withLock { slots.map { $0! } } }
}
