import StudyKit

/// The bundled corpus and glossary, lexical only: the sentence encoder is too slow to fuzz through.
private let searcher = Searcher(corpus: try! BundledCorpus.load(), glossary: try! BundledGlossary.load())

/// Arbitrary bytes as a query: spelling correction, tokenizer, stemmer, analyser, glossary
/// expansion, scoring, the `/why` explanation and the rendered result.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let query = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = searcher.search(query)
    precondition(result.hits.allSatisfy { $0.score.isFinite && $0.score > 0 }, "a hit without a positive score")
    precondition(zip(result.hits, result.hits.dropFirst()).allSatisfy { $0.score >= $1.score }, "hits out of order")
    precondition((0...1).contains(result.coverage) && result.bestScore.isFinite, "coverage or best score out of range")
    let explanations = result.hits.compactMap { searcher.explain(result, entry: $0.entry.id) }
    let renderer = TextRenderer(width: 80, style: .color)
    _ = renderer.searchResult(result)
    _ = renderer.why(result, explanations: explanations, confidence: searcher.confidence, scoring: searcher.scoring)
    return 0
}
