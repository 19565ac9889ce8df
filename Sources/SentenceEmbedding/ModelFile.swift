import Foundation

/// The dimensions in a model file's header.
struct ModelConfiguration: Equatable, Sendable {
    var vocabularySize: Int
    var hiddenSize: Int
    var layerCount: Int
    var headCount: Int
    var intermediateSize: Int
    var maxTokens: Int
    var maxCharactersPerWord: Int
    var layerNormEpsilon: Float

    var headSize: Int { hiddenSize / headCount }
}

/// Where one tensor's data lies in the file and how it is stored.
struct TensorLayout: Equatable, Sendable {
    enum Encoding: UInt32, Sendable {
        case float32 = 0
        case float16 = 1
        /// int8 values row by row, then one f32 scale per row.
        case int8Rows = 2
        case uint32 = 3
        case bytes = 4

        var name: String {
            switch self {
            case .float32: "f32"
            case .float16: "f16"
            case .int8Rows: "int8"
            case .uint32: "u32"
            case .bytes: "bytes"
            }
        }
    }

    var rows: Int
    var columns: Int
    var encoding: Encoding
    /// Byte offset of the data from the start of the file.
    var offset: Int

    var count: Int { rows * columns }

    var byteCount: Int {
        switch encoding {
        case .float32, .uint32: count * 4
        case .float16: count * 2
        case .int8Rows: count + rows * 4
        case .bytes: count
        }
    }
}

/// A memory-mapped model file (layout in scripts/convert-encoder-model): the header and the place
/// of every tensor, checked against the file's size, and every byte against the checksum the
/// header holds. Reading the tensors is left to their users.
struct ModelFile: Sendable {
    static let magic = Array("MINILMEN".utf8)
    /// 2: the header holds the checksum.
    static let version: UInt32 = 2
    static let headerSize = 64
    /// Where the header holds the checksum (u64 LE, then eight zero bytes).
    static let checksumOffset = 48
    static let alignment = 64
    static let tagSize = 16

    let url: URL
    let data: Data
    let configuration: ModelConfiguration
    let tensors: [TensorLayout]

    init(contentsOf url: URL) throws(SentenceEncoderError) {
        guard FileManager.default.fileExists(atPath: url.path) else { throw .fileMissing(url) }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw .unreadable(url, reason: (error as NSError).localizedDescription)
        }
        try self.init(url: url, data: data)
    }

    init(url: URL, data: Data) throws(SentenceEncoderError) {
        self.url = url
        self.data = data
        let parsed: Result<(ModelConfiguration, [TensorLayout]), SentenceEncoderError> = data.withUnsafeBytes { raw in
            Result { () throws(SentenceEncoderError) in try Self.parse(raw, url: url) }
        }
        (configuration, tensors) = try parsed.get()
    }

    /// XXH64 of every byte after the header, seeded with XXH64 of the header before the checksum
    /// (`scripts/lib/encoder_checksum.py` computes the same when it seals a converted file).
    static func checksum(of raw: UnsafeRawBufferPointer) -> UInt64 {
        let header = XXHash64.hash(UnsafeRawBufferPointer(rebasing: raw[0..<checksumOffset]))
        return XXHash64.hash(UnsafeRawBufferPointer(rebasing: raw[headerSize...]), seed: header)
    }

    /// The checksum the header holds, once every byte of the file is found to match it: a file
    /// damaged anywhere (a flipped bit in a weight) would otherwise encode text into nonsense
    /// without a word, and be taken for the model the compiled-in vectors were computed by.
    /// Checked after the layout, whose errors say more precisely what is wrong.
    func verifiedChecksum() throws(SentenceEncoderError) -> UInt64 {
        let result: Result<UInt64, SentenceEncoderError> = data.withUnsafeBytes { raw in
            Result { () throws(SentenceEncoderError) in try Self.verifiedChecksum(raw, url: url) }
        }
        return try result.get()
    }

    /// The checksum the header holds, not yet compared with anything.
    var storedChecksum: UInt64 {
        data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: Self.checksumOffset, as: UInt64.self)) }
    }

    private static func verifiedChecksum(_ raw: UnsafeRawBufferPointer, url: URL) throws(SentenceEncoderError) -> UInt64 {
        func u64(_ offset: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        let stored = u64(checksumOffset)
        guard u64(checksumOffset + 8) == 0 else { throw .corrupt(url, reason: "the header's bytes after its checksum are not zero") }
        let found = checksum(of: raw)
        guard found == stored else {
            throw .corrupt(
                url,
                reason: "its contents do not match the checksum in its header (\(XXHash64.hex(stored)), found \(XXHash64.hex(found))): "
                    + "the file is damaged; reinstall it or rerun scripts/convert-encoder-model")
        }
        return stored
    }

    private static func parse(_ raw: UnsafeRawBufferPointer, url: URL)
        throws(SentenceEncoderError) -> (ModelConfiguration, [TensorLayout])
    {
        guard raw.count >= magic.count, Array(raw[0..<magic.count]) == magic else { throw .notAModelFile(url) }
        guard raw.count >= headerSize else {
            throw .corrupt(url, reason: "the file is \(raw.count) bytes, shorter than its \(headerSize)-byte header")
        }
        func u32(_ offset: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        let version = u32(8)
        guard version == Self.version else { throw .unsupportedVersion(url, found: version, supported: Self.version) }
        let configuration = ModelConfiguration(
            vocabularySize: Int(u32(12)), hiddenSize: Int(u32(16)), layerCount: Int(u32(20)),
            headCount: Int(u32(24)), intermediateSize: Int(u32(28)), maxTokens: Int(u32(32)),
            maxCharactersPerWord: Int(u32(36)), layerNormEpsilon: Float(bitPattern: u32(44)))
        try check(configuration, url: url)

        var tensors: [TensorLayout] = []
        var offset = headerSize
        while offset < raw.count {
            guard offset + tagSize <= raw.count else {
                throw .corrupt(url, reason: "truncated in the tag of tensor \(tensors.count) at byte \(offset)")
            }
            let rows = Int(u32(offset))
            let columns = Int(u32(offset + 4))
            guard let encoding = TensorLayout.Encoding(rawValue: u32(offset + 8)) else {
                throw .corrupt(url, reason: "tensor \(tensors.count) has unknown encoding \(u32(offset + 8))")
            }
            let (product, overflow) = rows.multipliedReportingOverflow(by: columns)
            guard !overflow, product < 1 << 34 else {
                throw .corrupt(url, reason: "tensor \(tensors.count) claims \(rows) x \(columns) values")
            }
            let tensor = TensorLayout(
                rows: rows, columns: columns, encoding: encoding,
                offset: aligned(offset + tagSize))
            let end = tensor.offset + tensor.byteCount
            guard end <= raw.count else {
                throw .corrupt(
                    url,
                    reason: "truncated: tensor \(tensors.count) (\(rows) x \(columns) \(encoding.name)) "
                        + "needs \(end) bytes, the file has \(raw.count)")
            }
            tensors.append(tensor)
            offset = aligned(end)
        }
        return (configuration, tensors)
    }

    private static func check(_ c: ModelConfiguration, url: URL) throws(SentenceEncoderError) {
        let sizes = [
            c.vocabularySize, c.hiddenSize, c.layerCount, c.headCount, c.intermediateSize, c.maxTokens,
            c.maxCharactersPerWord,
        ]
        guard sizes.allSatisfy({ 0 < $0 && $0 <= 1 << 20 }), c.hiddenSize % c.headCount == 0, c.maxTokens >= 2,
            c.layerNormEpsilon.isFinite, c.layerNormEpsilon > 0
        else {
            throw .corrupt(url, reason: "implausible header \(c)")
        }
    }

    private static func aligned(_ offset: Int) -> Int { (offset + alignment - 1) / alignment * alignment }
}

/// Hands out a model file's tensors in file order, checking each one's shape and encoding.
struct TensorReader {
    let file: ModelFile
    private(set) var index = 0

    init(_ file: ModelFile) { self.file = file }

    mutating func next(_ name: String, rows: Int, columns: Int, encodings: Set<TensorLayout.Encoding>)
        throws(SentenceEncoderError) -> TensorLayout
    {
        guard index < file.tensors.count else {
            throw .corrupt(file.url, reason: "the file ends before \(name) (tensor \(index))")
        }
        let tensor = file.tensors[index]
        guard tensor.rows == rows, tensor.columns == columns, encodings.contains(tensor.encoding) else {
            throw .corrupt(
                file.url,
                reason: "\(name) (tensor \(index)) is \(tensor.rows) x \(tensor.columns) "
                    + "\(tensor.encoding.name), expected \(rows) x \(columns) "
                    + encodings.map(\.name).sorted().joined(separator: " or "))
        }
        index += 1
        return tensor
    }

    mutating func floats(_ name: String, rows: Int = 1, columns: Int) throws(SentenceEncoderError) -> [Float] {
        let tensor = try next(name, rows: rows, columns: columns, encodings: [.float32, .float16, .int8Rows])
        return file.data.withUnsafeBytes { Dequantization.floats(tensor, in: $0) }
    }

    func finish() throws(SentenceEncoderError) {
        guard index == file.tensors.count else {
            throw .corrupt(file.url, reason: "\(file.tensors.count - index) unexpected tensors after the last layer")
        }
    }
}
