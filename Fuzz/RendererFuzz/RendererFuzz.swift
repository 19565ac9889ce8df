import Foundation
import StudyKit

/// The first byte gives the width (and colour, by its low bit); the rest is a corpus file when it
/// parses as one, otherwise an entry: the question, then a line of tags, then the answer Markdown.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRenderer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let renderer = TextRenderer(width: Int(data[0]), style: data[0] & 1 == 1 ? .color : .plain)
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let entries: [Entry]
    if let corpus = try? CorpusParser().parse(text, source: "fuzz.md") {
        _ = renderer.topics(corpus)
        entries = corpus.entries
    } else {
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        let tags = lines.count > 1 ? lines[1].split(separator: ",").map(String.init) : []
        entries = [
            Entry(
                id: size, question: lines[0], section: "Fuzz", tags: tags,
                answer: lines.count > 2 ? lines[2] : "", line: 1)
        ]
    }
    let analyzer = Analyzer()
    let plain = TextRenderer(width: renderer.width, style: .plain)
    for entry in entries {
        _ = renderer.entry(entry)
        _ = renderer.entryLine(entry, indent: "  ", suffix: " (fuzz)")
        let missed = Set(analyzer.terms(entry.answer).enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        _ = renderer.reference(entry, missed: missed)
        _ = renderer.paragraph(entry.answer)
        // Without colour a missed term is starred; the text around it stays as it was. Only the
        // characters are compared: the stars take room, so a line may break elsewhere, and lines
        // break inside a run of ideographs.
        precondition(
            characters(plain.reference(entry, missed: missed)) == characters(plain.reference(entry, missed: [])),
            "highlighting changed the text of the reference")
    }
    _ = renderer.entryList(entries)
    return 0
}

/// The text without stars and white space, as scalars: a combining mark after a star joins it in
/// one Character.
private func characters(_ text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { $0 != "*" && !$0.properties.isWhitespace }
}
