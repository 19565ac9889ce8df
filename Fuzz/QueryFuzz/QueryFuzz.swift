import StudyKit

/// The bundled corpus and glossary, lexical only: the sentence encoder is too slow to fuzz through.
private let searcher = Searcher(corpus: try! BundledCorpus.load(), glossary: try! BundledGlossary.load())

/// Arbitrary bytes as a query: spelling correction, tokenizer, stemmer, analyser, glossary
/// expansion, scoring, the `/why` explanation and the rendered result.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let query = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = searcher.search(query)
    let explanations = result.hits.compactMap { searcher.explain(result, entry: $0.entry.id) }
    let renderer = TextRenderer(width: 80, style: .color)
    _ = renderer.searchResult(result)
    _ = renderer.why(result, explanations: explanations, confidence: searcher.confidence)
    return 0
}
