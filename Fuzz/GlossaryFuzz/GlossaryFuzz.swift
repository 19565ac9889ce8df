import Foundation
import StudyKit

private let corpus = try! BundledCorpus.load()

/// Arbitrary bytes as a corpus's glossary: parsed, then used to expand queries made of its own
/// triggers, as a search with it would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGlossary(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let glossary: Glossary
    do {
        glossary = try GlossaryParser().parse(text, source: "fuzz.glossary.md")
    } catch {
        _ = error.description
        return 0
    }
    let searcher = Searcher(corpus: corpus, glossary: glossary)
    for rule in glossary.rules.prefix(8) {
        precondition(rule.line >= 1, "a rule without its line")
        let result = searcher.search(rule.triggerText.joined(separator: " ") + " model", limit: 3)
        precondition(result.hits.allSatisfy { $0.score.isFinite && $0.score > 0 }, "a hit without a finite positive score")
    }
    return 0
}
