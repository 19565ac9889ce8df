import Testing

@testable import StudyKit

@Suite("Foreign technologies")
struct ForeignTechnologyTests {
    /// A corpus that teaches PostgreSQL and mentions Docker, and no other technology.
    static let corpus = try! CorpusParser().parse(
        """
        # Databases
        ## All
        ### 1. How do I create a database in PostgreSQL?
        Run createdb with the database name, or CREATE DATABASE from psql. Docker images ship it too.
        ### 2. How do I back up a database?
        Dump it with pg_dump and keep the file somewhere safe.
        """, source: "databases.md")
    static let searcher = Searcher(corpus: corpus)

    @Test func onlyTechnologiesTheCorpusNeverMentionsAreForeign() {
        #expect(Self.searcher.analyzeQuery("how do I create a database in postgresql").foreignTechnologies == [])
        #expect(Self.searcher.analyzeQuery("how do I back up a docker volume").foreignTechnologies == [])
        #expect(Self.searcher.analyzeQuery("how do I create a database in mongodb").foreignTechnologies == ["mongodb"])
    }

    @Test func aShortSpellingOfANameTheCorpusUsesIsNotForeign() {
        #expect(Self.searcher.analyzeQuery("how do I create a database in postgres").foreignTechnologies == [])
        #expect(SortedVocabulary(sorted: ["mongodb"]).mentions("mongo"))
        #expect(SortedVocabulary(sorted: ["postgr"]).mentions("postgresql"))
        #expect(!SortedVocabulary(sorted: ["restic"]).mentions("rest"), "too short a start to be the same name")
        #expect(!SortedVocabulary(sorted: ["express"]).mentions("express.js"), "a word is not the name built on it")
    }

    @Test func aNameIsReportedOnceAtItsWidest() {
        #expect(Self.searcher.analyzeQuery("create a database for ruby on rails").foreignTechnologies == ["ruby on rails"])
        #expect(Self.searcher.analyzeQuery("back up the database of my spring boot app").foreignTechnologies == ["spring boot"])
    }

    @Test func aNameIsFoundThroughAPossessiveOrASlash() {
        #expect(Self.searcher.analyzeQuery("how does Symfony's database layer work").foreignTechnologies == ["symfony"])
        #expect(Self.searcher.analyzeQuery("Express.js\u{2019}s database drivers").foreignTechnologies == ["express.js"])
        #expect(Self.searcher.analyzeQuery("a database for laravel/symfony").foreignTechnologies == ["laravel", "symfony"])
    }

    @Test func aNameTheGlossaryKnowsIsTheCorpusOwn() throws {
        let glossary = try GlossaryParser().parse(
            """
            # Databases glossary
            ## Acronyms and jargon
            - heroku: PostgreSQL
            """, source: "databases.glossary.md")
        let searcher = Searcher(corpus: Self.corpus, glossary: glossary)
        #expect(Self.searcher.analyzeQuery("back up with heroku").foreignTechnologies == ["heroku"])
        #expect(searcher.analyzeQuery("back up with heroku").foreignTechnologies == [])
    }

    @Test func aWordThatIsNoNameIsNotOneWithLettersAdded() {
        let searcher = Searcher(corpus: try! CorpusParser().parse("# S\n## A\n### 1. What is a signal?\nA signal notifies receivers.\n", source: "s.md"))
        #expect(searcher.analyzeQuery("how do signalr hubs work").foreignTechnologies == ["signalr"])
    }

    @Test func everydayWordsThatAreAlsoNamesNeverCount() {
        #expect(Self.searcher.analyzeQuery("how do I go and access the database in spring").foreignTechnologies == [])
    }

    @Test func namingOneVetoesAnAnswerTheWordsAloneWouldGive() {
        let result = Self.searcher.search("how do I create a database in mongodb")
        #expect(result.hits.first?.entry.id == 1)
        #expect(!result.confident)
        #expect(Self.searcher.search("how do I create a database").confident)
    }

    @Test func technologyNamesAreNeverSpellCorrectedIntoCorpusWords() {
        #expect(Self.searcher.corrector.correction(for: "plsql") == "psql", "a plain corrector would")
        #expect(Self.searcher.analyzeQuery("how do I create a database in plsql").correctedText == nil)
        #expect(Self.searcher.analyzeQuery("how do I create a databse").correctedText == "how do I create a database")
    }

    @Test func closenessInMeaningOverridesTheVetoButNotForGlossaryTopics() {
        let confidence = MatchConfidence(minimumScore: 0.2, foreignTopicCoverage: 0.8, minimumSimilarity: 0.3, sufficientSimilarity: 0.6)
        #expect(!confidence.isConfident(bestScore: 0.5, coverage: 0.5, foreignTopics: 0, foreignTechnologies: 1, similarity: 0.4))
        #expect(confidence.isConfident(bestScore: 0.5, coverage: 0.5, foreignTopics: 0, foreignTechnologies: 1, similarity: 0.7))
        #expect(confidence.isConfident(bestScore: 0.5, coverage: 0.9, foreignTopics: 0, foreignTechnologies: 1, similarity: 0.4), "covered nearly whole")
        #expect(!confidence.isConfident(bestScore: 0.5, coverage: 0.5, foreignTopics: 0, foreignTechnologies: 1, similarity: nil), "lexical only")
        #expect(!confidence.isConfident(bestScore: 0.5, coverage: 0.5, foreignTopics: 1, foreignTechnologies: 0, similarity: 0.9))
    }
}
