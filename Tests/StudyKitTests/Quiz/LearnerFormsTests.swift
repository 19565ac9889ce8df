import Testing

@testable import StudyKit

@Suite("Learner forms")
struct LearnerFormsTests {
    static let analyzer = Analyzer()

    static func forms(_ answer: String) -> LearnerForms {
        LearnerForms(analyzer.analyze(answer), analyzer: analyzer)
    }

    static func term(_ word: String) -> String {
        analyzer.terms(word)[0]
    }

    @Test func commonAbbreviationsSayTheirWords() {
        let forms = Self.forms("css, js and images; the db config")
        #expect(forms.surface(of: Self.term("JavaScript")) == "js")
        #expect(forms.surface(of: Self.term("database")) == "db")
        #expect(forms.surface(of: Self.term("configuration")) == "config")
    }

    @Test func aCompoundTypedAsOneWordSaysItsParts() {
        #expect(Self.forms("run createsuperuser, then log in").surface(of: Self.term("superuser")) == "createsuperuser")
        #expect(Self.forms("a supermarket").surface(of: Self.term("market")) == nil, "an English word is no compound")
    }

    @Test func otherFormsOfAWordMeet() {
        #expect(Self.forms("it is often overridden").surface(of: Self.term("override")) == "overridden")
        #expect(Self.forms("valid form submissions").surface(of: Self.term("submitted")) == "submissions")
        #expect(Self.forms("the config file").surface(of: Self.term("confirm")) == nil)
    }
}
