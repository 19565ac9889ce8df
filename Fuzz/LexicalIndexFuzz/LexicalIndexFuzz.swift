import Foundation
import StudyKit

/// Arbitrary bytes as a cached lexical index, two ways: as the index's own binary form, either
/// refused or read into an index that writes back to the same bytes; and as a whole cache file
/// (header and checksum), refused unless it is exactly the file that index would make. An index
/// that is read is also written into a cache file, which must read back, and which a flipped bit
/// anywhere (the place picked by the input) must make refused. A damaged cache must never crash a
/// start, nor be used.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexicalIndex(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    if let cached = try? LexicalIndexCache.index(inFile: bytes, for: corpus, glossary: .empty) {
        precondition(LexicalIndexCache.file(with: cached, for: corpus, glossary: .empty) == bytes, "a cache file that is not what its index makes")
    }
    guard let index = LexicalIndex(data: bytes) else { return 0 }
    precondition(index.data == bytes, "an index that does not write back to what was read")
    guard index.documentCount == corpus.entries.count else { return 0 }
    var file = LexicalIndexCache.file(with: index, for: corpus, glossary: .empty)
    precondition((try? LexicalIndexCache.index(inFile: file, for: corpus, glossary: .empty)) == index, "a cache file that does not read back")
    let place = bytes.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF_FFFF } % (8 * file.count)
    file[place / 8] ^= 1 << (place % 8)
    precondition((try? LexicalIndexCache.index(inFile: file, for: corpus, glossary: .empty)) == nil, "a cache file with bit \(place) flipped was read")
    return 0
}

/// A corpus of one entry: the key a fuzzed cache file is checked against.
private let corpus = try! CorpusParser().parse("# Fuzz\n## All\n### 1. What is fuzzing?\nFeeding a program random input.\n", source: "fuzz.md")
