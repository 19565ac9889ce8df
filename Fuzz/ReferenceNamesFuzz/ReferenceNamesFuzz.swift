import Foundation
import StudyKit

/// Arbitrary bytes as a corpus's documented names: an error names its line, or the names are
/// read, and checking an answer (the same bytes) against them names only what the answer says.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReferenceNames(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let names: ReferenceNames
    do {
        names = try ReferenceNamesParser().parse(text, source: "fuzz.names.md")
    } catch {
        precondition(error.line.map { $0 >= 1 } ?? (error.problem == "the names file has no title"), "an error without its line")
        _ = error.description
        return 0
    }
    // Searched as bytes: Foundation's `contains` stops at a NUL.
    let bytes = Array(text.utf8)
    for found in names.unknownNames(in: text) {
        let name = found.split(separator: "`", omittingEmptySubsequences: false).dropFirst().first.map { Array($0.utf8) } ?? []
        precondition(!name.isEmpty && bytes.firstRange(of: name) != nil, "a name the answer does not say: \(found)")
    }
    return 0
}
