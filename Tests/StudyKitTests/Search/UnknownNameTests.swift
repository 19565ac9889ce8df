import Testing

@testable import StudyKit

/// A question on an entry's topic that names what no entry mentions (a command, a file, a term of
/// art) asks for something the corpus does not say: a near miss, answered as the nearest entry
/// unless an entry is close in meaning (issue 22).
@Suite("Names no entry uses")
struct UnknownNameTests {
    /// A corpus about holding Debian packages back.
    static let corpus = try! CorpusParser().parse(
        """
        # Packages
        ## All
        ### 1. How do I keep a package at its current version?
        Put it on hold with apt-mark hold, and release it with apt-mark unhold.
        ### 2. How do I find which package owns a file?
        Ask dpkg with dpkg --search and the file's path.
        """, source: "packages.md")
    static let searcher = Searcher(corpus: corpus)

    @Test func aRareWordNoEntryUsesIsAnUnknownName() {
        #expect(Self.searcher.analyzeQuery("hold the package with initramfs").unknownNames == ["initramfs"])
        #expect(Self.searcher.analyzeQuery("apt update NO_PUBKEY error").unknownNames == ["NO_PUBKEY"])
    }

    @Test func everydayWordsNumbersAndWordsTheCorpusUsesAreNot() {
        // "quickly", "remove" and "old" are everyday English; 42 is a number; hold, package, dpkg are the corpus's.
        #expect(Self.searcher.analyzeQuery("quickly remove the old package, version 42").unknownNames == [])
        // A rarer word is a name, whatever its dictionary says: "downgrade" is what the entry does not say.
        #expect(Self.searcher.analyzeQuery("downgrade a package").unknownNames == ["downgrade"])
        #expect(Self.searcher.analyzeQuery("dpkg hold").unknownNames == [])
    }

    @Test func anIdentifierMadeOfTheCorpussWordsIsNot() {
        #expect(Self.searcher.analyzeQuery("apt_mark_hold in a script").unknownNames == [])
    }

    @Test func namingOneNeedsAnEntryCloseInMeaning() {
        let confidence = MatchConfidence(semantic: true)
        let similar = confidence.sufficientSimilarity
        #expect(confidence.isConfident(bestScore: 0.5, coverage: 0.5, foreignTopics: 0, similarity: similar - 0.1))
        #expect(!confidence.isConfident(bestScore: 0.5, coverage: 0.5, foreignTopics: 0, similarity: similar - 0.1, unknownNames: 1))
        #expect(confidence.isConfident(bestScore: 0.5, coverage: 0.5, foreignTopics: 0, similarity: similar + 0.1, unknownNames: 1))
        // By words alone an unknown name is only a word the index lacks, which coverage weighs.
        let lexical = MatchConfidence(semantic: false)
        #expect(lexical.isConfident(bestScore: 0.5, coverage: 0.5, foreignTopics: 0, unknownNames: 1))
    }
}
