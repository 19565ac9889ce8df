import Foundation
import StudyKit

/// Arbitrary bytes as a cached entry-vectors file, two ways: as the vectors' own binary form,
/// either refused or read into vectors that write back to the same bytes; and as a whole cache
/// file (header and checksum), refused unless it is exactly the file those vectors would make.
/// Vectors that are read are also written into a cache file, which must read back, and which a
/// flipped bit anywhere (the place picked by the input) must make refused. A damaged cache must
/// never crash a start, nor be used.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEntryVectors(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let key = EntryVectorCacheFile.Key(corpus: corpus, phrasings: .empty, modelIdentifier: "fuzz")
    if let cached = try? EntryVectorCacheFile.decode(bytes, for: key, entryCount: 1, dimension: 4) {
        precondition(EntryVectorCacheFile.encode(cached, for: key) == bytes, "a cache file that is not what its vectors make")
    }
    guard let vectors = EntryVectors(data: bytes) else { return 0 }
    precondition(vectors.data.elementsEqual(bytes), "vectors that do not write back to what was read")
    var file = EntryVectorCacheFile.encode(vectors, for: key)
    precondition(
        (try? EntryVectorCacheFile.decode(file, for: key, entryCount: vectors.entryCount, dimension: vectors.dimension)) == vectors,
        "a cache file that does not read back")
    let place = bytes.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF_FFFF } % (8 * file.count)
    file[place / 8] ^= 1 << (place % 8)
    precondition(
        (try? EntryVectorCacheFile.decode(file, for: key, entryCount: vectors.entryCount, dimension: vectors.dimension)) == nil,
        "a cache file with bit \(place) flipped was read")
    return 0
}

/// A corpus of one entry: the key a fuzzed cache file is checked against.
private let corpus = try! CorpusParser().parse("# Fuzz\n## All\n### 1. What is fuzzing?\nFeeding a program random input.\n", source: "fuzz.md")
