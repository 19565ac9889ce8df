import Foundation
import StudyKit

private let corpus = try! BundledCorpus.load()

/// Arbitrary bytes as a corpus's rubric: parsed against the built-in corpus; an error names its
/// line, and every entry kept has key points, each statement a non-empty, trimmed text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRubric(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let rubric: Rubric
    do {
        rubric = try RubricParser().parse(text, source: "fuzz.rubric.md", for: corpus)
    } catch {
        precondition(error.line.map { $0 >= 1 } ?? false, "an error without its line")
        _ = error.description
        return 0
    }
    for entry in corpus.entries {
        guard let item = rubric.item(forEntry: entry.id) else { continue }
        precondition(!item.keyPoints.isEmpty, "an entry without key points")
        let phrasings = (item.keyPoints + item.misconceptions).flatMap(\.phrasings)
        precondition(phrasings.allSatisfy { !$0.isEmpty && $0.first != " " && $0.last != " " }, "an empty or untrimmed statement")
    }
    return 0
}
