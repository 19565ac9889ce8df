import Foundation
import StudyKit

/// Arbitrary bytes as a cached entry-vectors file: either refused or read into vectors that
/// write back to the same bytes. A damaged cache must never crash a start.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEntryVectors(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let vectors = EntryVectors(data: bytes) else { return 0 }
    precondition(vectors.data.elementsEqual(bytes), "vectors that do not write back to what was read")
    return 0
}
