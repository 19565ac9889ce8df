import Foundation
import StudyKit

private let corpus = try! BundledCorpus.load()

/// Arbitrary bytes as a corpus's phrasings file: parsed against the built-in corpus; every
/// phrasing kept belongs to one of its entries or to the questions not covered, and is neither
/// empty nor blank-edged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPhrasings(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let phrasings: Phrasings
    do {
        phrasings = try PhrasingsParser().parse(text, source: "fuzz.phrasings.md", for: corpus)
    } catch {
        precondition(error.line.map { $0 >= 1 } ?? false, "an error without its line")
        _ = error.description
        return 0
    }
    let kept = corpus.entries.flatMap { phrasings.of(entry: $0.id) }
    precondition(kept.count == phrasings.count, "a phrasing of no entry")
    precondition((kept + phrasings.uncovered).allSatisfy { !$0.isEmpty && $0.first != " " && $0.last != " " }, "an empty or untrimmed phrasing")
    return 0
}
