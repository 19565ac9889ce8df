/// A query with the entries that answer it (none for an off-topic query), from a JSON-lines file.
public struct LabelledQuery: Sendable, Equatable, Decodable {
    public let q: String
    public let kind: String
    public let expect: [Int]

    public var isOffTopic: Bool { expect.isEmpty }

    public init(q: String, kind: String, expect: [Int]) {
        self.q = q
        self.kind = kind
        self.expect = expect
    }
}
