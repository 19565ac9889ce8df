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
        // Read where the bytes lie (a cache file is mapped): a copy of a large corpus's index first
        // cost its every open milliseconds.
        guard let index = data.withUnsafeBytes({ Self.decoded(from: $0) }) else { return nil }
        self = index
    }

    private static func decoded(from bytes: UnsafeRawBufferPointer) -> LexicalIndex? {
        var reader = Reader(bytes)
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
            guard let count = reader.count(), let document = reader.terms(count, below: termCount) else { return nil }
            for term in document { frequencies[Int(term.term)] += 1 }
            documents.append(document)
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
        return LexicalIndex(
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
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        var isAtEnd: Bool { offset == bytes.count }

        mutating func word() -> UInt32? {
            guard bytes.count - offset >= 4 else { return nil }
            defer { offset += 4 }
            return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        }

        /// A count no larger than the bytes left could hold (each counted item takes at least four).
        mutating func count() -> Int? {
            guard let count = word(), Int(count) <= (bytes.count - offset) / 4 else { return nil }
            return Int(count)
        }

        mutating func words(_ count: Int) -> [UInt32]? {
            guard count <= (bytes.count - offset) / 4 else { return nil }
            defer { offset += 4 * count }
            return (0..<count).map { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4 * $0, as: UInt32.self)) }
        }

        /// A document's `count` term ids (ascending, each below `termCount`) and then their
        /// frequencies (finite, positive), read together.
        mutating func terms(_ count: Int, below termCount: Int) -> [TermFrequency]? {
            guard count <= (bytes.count - offset) / 12 else { return nil }
            let (ids, frequencies) = (offset, offset + 4 * count)
            var terms: [TermFrequency] = []
            terms.reserveCapacity(count)
            var previous = -1
            for position in 0..<count {
                let id = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: ids + 4 * position, as: UInt32.self)))
                let frequency = Double(
                    bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: frequencies + 8 * position, as: UInt64.self)))
                guard id < termCount, id > previous, frequency.isFinite, frequency > 0 else { return nil }
                terms.append(TermFrequency(term: Int32(id), frequency: frequency))
                previous = id
            }
            offset += 12 * count
            return terms
        }

        mutating func strings(_ count: Int) -> [String]? {
            var strings: [String] = []
            strings.reserveCapacity(count)
            for _ in 0..<count {
                guard let length = word().map(Int.init), length <= bytes.count - offset,
                    let string = String(
                        validating: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]).bindMemory(to: UInt8.self), as: UTF8.self)
                else { return nil }
                offset += length
                strings.append(string)
            }
            return strings
        }
    }
}
