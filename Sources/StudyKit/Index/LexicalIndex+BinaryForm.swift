import Foundation

// MARK: Binary form, little-endian: UInt32 counts of terms, documents, words and domain words;
// the strings (each a UInt32 byte count and its UTF-8): the terms in id order, each term's usual
// spelling, the words, the domain words in order; each word's count (UInt32); each document's
// term count (UInt32), term ids (UInt32, ascending) and frequencies (Float64); then the term ids
// in the terms' order (UInt32). What the index's other parts are (postings, lengths) follows
// from these.

extension LexicalIndex {
    /// Bumped whenever analysis changes what it makes of a text, so that no cached index built by
    /// an earlier analysis is read (`LexicalIndexCache.Key.analysisProbe` catches a change that forgets to).
    static let analysisVersion: UInt32 = 1

    public var data: Data {
        var writer = Writer()
        let terms = index.terms
        let words = wordCounts.keys.sorted()
        let domain = domainWords.sorted()
        for count in [terms.count, index.documentCount, words.count, domain.count] { writer.append(UInt32(count)) }
        for string in terms + terms.map { surfaces[$0] ?? $0 } + words + domain { writer.append(string) }
        for word in words { writer.append(UInt32(wordCounts[word]!)) }
        for document in index.documents {
            writer.append(UInt32(document.count))
            for term in document { writer.append(UInt32(term.term)) }
            for term in document { writer.append(term.frequency.bitPattern) }
        }
        for term in sortedTerms { writer.append(UInt32(index.termIDs[term]!)) }
        return writer.data
    }

    /// Reads the form `data` writes; nil unless it is exactly such a form, every count and id in
    /// range and every list in its order.
    public init?(data: Data) {
        var reader = Reader(data)
        guard let termCount = reader.count(), let documentCount = reader.count(), let wordCount = reader.count(),
            let domainCount = reader.count(),
            let terms = reader.strings(termCount), let surfaceList = reader.strings(termCount),
            let words = reader.strings(wordCount), let domain = reader.strings(domainCount),
            let counts = reader.words(wordCount)
        else { return nil }
        var termIDs: [String: Int32] = [:]
        termIDs.reserveCapacity(termCount)
        for (id, term) in terms.enumerated() where termIDs.updateValue(Int32(id), forKey: term) != nil { return nil }
        guard zip(words, words.dropFirst()).allSatisfy({ $0 < $1 }), zip(domain, domain.dropFirst()).allSatisfy({ $0 < $1 }) else {
            return nil
        }
        var documents: [[TermFrequency]] = []
        documents.reserveCapacity(documentCount)
        var frequencies = [Int](repeating: 0, count: termCount)
        for _ in 0..<documentCount {
            guard let count = reader.count(), let ids = reader.words(count), let values = reader.doubles(count),
                ids.allSatisfy({ Int($0) < termCount }), zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }),
                values.allSatisfy({ $0.isFinite && $0 > 0 })
            else { return nil }
            for id in ids { frequencies[Int(id)] += 1 }
            documents.append(zip(ids, values).map { TermFrequency(term: Int32($0), frequency: $1) })
        }
        guard let order = reader.words(termCount), reader.isAtEnd else { return nil }
        var seen = [Bool](repeating: false, count: termCount)
        for id in order {
            guard Int(id) < termCount, !seen[Int(id)] else { return nil }
            seen[Int(id)] = true
        }
        let sortedTerms = order.map { terms[Int($0)] }
        guard zip(sortedTerms, sortedTerms.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        var postings = frequencies.map { count -> [Posting] in
            var list: [Posting] = []
            list.reserveCapacity(count)
            return list
        }
        for (document, terms) in documents.enumerated() {
            for term in terms { postings[Int(term.term)].append(Posting(document: Int32(document), frequency: term.frequency)) }
        }
        self.init(
            index: InvertedIndex(
                terms: terms, termIDs: termIDs, postings: postings, documents: documents,
                documentLengths: documents.map { $0.reduce(0) { $0 + $1.frequency } }),
            wordCounts: Dictionary(uniqueKeysWithValues: zip(words, counts.map(Int.init))),
            surfaces: Dictionary(uniqueKeysWithValues: zip(terms, surfaceList)), domainWords: Set(domain), sortedTerms: sortedTerms)
    }

    private struct Writer {
        var data = Data()

        mutating func append<Word: FixedWidthInteger>(_ word: Word) {
            withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) }
        }

        mutating func append(_ string: String) {
            append(UInt32(string.utf8.count))
            data.append(contentsOf: string.utf8)
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        init(_ data: Data) { bytes = [UInt8](data) }

        var isAtEnd: Bool { offset == bytes.count }

        mutating func word() -> UInt32? {
            guard bytes.count - offset >= 4 else { return nil }
            defer { offset += 4 }
            return bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        }

        /// A count no larger than the bytes left could hold (each counted item takes at least four).
        mutating func count() -> Int? {
            guard let count = word(), Int(count) <= (bytes.count - offset) / 4 else { return nil }
            return Int(count)
        }

        mutating func words(_ count: Int) -> [UInt32]? {
            guard count <= (bytes.count - offset) / 4 else { return nil }
            defer { offset += 4 * count }
            return Self.copied(count, of: UInt32.self, from: bytes, at: offset).map(UInt32.init(littleEndian:))
        }

        mutating func doubles(_ count: Int) -> [Double]? {
            guard count <= (bytes.count - offset) / 8 else { return nil }
            defer { offset += 8 * count }
            return Self.copied(count, of: UInt64.self, from: bytes, at: offset).map { Double(bitPattern: UInt64(littleEndian: $0)) }
        }

        /// `count` words as they lie in `bytes` from `offset`: one copy, not a read a word at a time.
        private static func copied<Word: FixedWidthInteger>(_ count: Int, of _: Word.Type, from bytes: [UInt8], at offset: Int) -> [Word] {
            [Word](unsafeUninitializedCapacity: count) { buffer, initialized in
                bytes.withUnsafeBytes { source in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(
                        from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count * MemoryLayout<Word>.size)]))
                }
                initialized = count
            }
        }

        mutating func strings(_ count: Int) -> [String]? {
            var strings: [String] = []
            strings.reserveCapacity(count)
            for _ in 0..<count {
                // Validated from a buffer: an array slice, as a generic sequence, is read a byte at a time.
                guard let length = word().map(Int.init), length <= bytes.count - offset,
                    let string = bytes.withUnsafeBufferPointer({
                        String(validating: UnsafeBufferPointer(rebasing: $0[offset..<(offset + length)]), as: UTF8.self)
                    })
                else { return nil }
                offset += length
                strings.append(string)
            }
            return strings
        }
    }
}
