import Foundation
import StudyKit

/// Arbitrary bytes as a corpus file: parsed, then read the way the tutor reads a corpus.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCorpusParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let corpus: Corpus
    do {
        corpus = try CorpusParser().parse(Data(bytes: data, count: size), source: "fuzz.md")
    } catch {
        _ = error.description
        return 0
    }
    _ = corpus.identity
    _ = corpus.numberingDescription
    for (tag, _) in corpus.tagCounts { _ = corpus.tag(named: tag) }
    for entry in corpus.entries {
        precondition(corpus.entry(id: entry.id) == entry, "entry \(entry.id) is not found by its id")
        precondition(!entry.answer.isEmpty && corpus.sections.contains(entry.section))
    }
    return 0
}
