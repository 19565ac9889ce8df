import StudyKit

/// The bundled corpus and glossary, lexical only: the sentence encoder is too slow to fuzz through.
private let searcher = Searcher(corpus: try! BundledCorpus.load(), glossary: try! BundledGlossary.load())
private let grader = Grader(searcher: searcher)

/// The first byte picks an entry; the rest is graded as an answer to it and the grade rendered.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGrader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let entries = searcher.corpus.entries
    let entry = entries[Int(data[0]) % entries.count]
    let answer = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    guard let grade = grader.grade(answer, forEntry: entry.id) else {
        preconditionFailure("no grade for entry \(entry.id)")
    }
    precondition((0...100).contains(grade.score), "score \(grade.score) out of range")
    precondition((0...1).contains(grade.recall) && (0...1).contains(grade.precision), "recall or precision out of range")
    _ = TextRenderer(width: 80, style: .plain).grade(grade, entry: entry)
    return 0
}
