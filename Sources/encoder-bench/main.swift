// Times the sentence encoder for scripts/bench-encoder (a tool, not a product users see).
//
//   encoder-bench QUERIES PASSAGES [--blas-threads N]
//       QUERIES and PASSAGES hold one text a line; prints model load and encode times in ms.
//   encoder-bench --one-shot TEXT
//       what `django-tutor ask` pays: load the bundled model, encode one text, in a fresh process.
import COpenBLAS
import Foundation
import SentenceEmbedding

func milliseconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
}

func padded(_ label: String) -> String {
    label.padding(toLength: 30, withPad: " ", startingAt: 0)
}

func line(_ label: String, _ values: [Double]) -> String {
    padded(label)
        + String(
            format: "median %7.2f ms   p95 %7.2f ms   (n=%d)", percentile(values, 0.5),
            percentile(values, 0.95), values.count)
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("encoder-bench: \(message)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())

if arguments.first == "--one-shot", arguments.count == 2 {
    let start = DispatchTime.now().uptimeNanoseconds
    let encoder = try SentenceEncoder.bundled()
    let load = milliseconds(since: start)
    let encodeStart = DispatchTime.now().uptimeNanoseconds
    let embedding = encoder.embed(arguments[1])
    let encode = milliseconds(since: encodeStart)
    precondition(embedding.count == encoder.dimension)
    print(String(format: "%.3f %.3f", load, encode))
    exit(0)
}

var blasThreads: Int32?
if let index = arguments.firstIndex(of: "--blas-threads"), index + 1 < arguments.count {
    blasThreads = Int32(arguments[index + 1])
    arguments.removeSubrange(index...index + 1)
}
guard arguments.count == 2 else { fail("usage: encoder-bench QUERIES PASSAGES [--blas-threads N] | --one-shot TEXT") }
func lines(_ path: String) -> [String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    return text.split(separator: "\n").map(String.init)
}
let queries = lines(arguments[0])
let passages = lines(arguments[1])

var loads: [Double] = []
var encoder: SentenceEncoder!
for _ in 0..<20 {
    let start = DispatchTime.now().uptimeNanoseconds
    encoder = try SentenceEncoder.bundled()
    loads.append(milliseconds(since: start))
}
if let blasThreads { openblas_set_num_threads(blasThreads) }

for query in queries.prefix(10) { _ = encoder.embed(query) }
var queryTimes: [Double] = []
for query in queries {
    let start = DispatchTime.now().uptimeNanoseconds
    _ = encoder.embed(query)
    queryTimes.append(milliseconds(since: start))
}
var passageTimes: [Double] = []
for passage in passages {
    let start = DispatchTime.now().uptimeNanoseconds
    _ = encoder.embed(passage)
    passageTimes.append(milliseconds(since: start))
}
let batchStart = DispatchTime.now().uptimeNanoseconds
_ = encoder.embed(queries)
let batch = milliseconds(since: batchStart)
// A corpus's first open: many passages in one call, in packed batches on every core (ten
// rounds of the passages, so that the call lasts long enough to time).
let corpus = Array(repeatElement(passages, count: 10).joined())
let corpusStart = DispatchTime.now().uptimeNanoseconds
_ = encoder.embed(corpus)
let corpusRate = Double(corpus.count) / (milliseconds(since: corpusStart) / 1000)

print("Swift SentenceEncoder (release, OpenBLAS threads: \(openblas_get_num_threads()))")
print(
    padded("model load")
        + String(
            format: "first  %7.2f ms   median of 19 reloads %.2f ms", loads[0],
            percentile(Array(loads.dropFirst()), 0.5)))
print(line("query encode", queryTimes))
print(line("passage encode", passageTimes))
print(padded("embed(queries), one call") + String(format: "%7.2f ms per query", batch / Double(queries.count)))
print(
    padded("embed(passages), one call")
        + String(format: "%7.1f passages per second (n=%d, %d cores)", corpusRate, corpus.count, ProcessInfo.processInfo.activeProcessorCount))
