import Testing

@testable import StudyKit

@Suite("English word forms")
struct EnglishWordFormsTests {
    @Test(arguments: [
        "specifies", "defines", "corresponds", "occur", "refers", "generate", "loads", "connecting", "stripped", "applies",
        "notified", "efficiently", "dynamically", "primarily", "notably", "unambiguously",
    ])
    func everydayVerbsAndAdverbsAreKnownByTheirForms(_ word: String) {
        #expect(EnglishFrequency.isVerbOrAdverbForm(word))
    }

    @Test(arguments: [
        "template", "templates", "query", "queries", "cache", "session", "signal", "field", "modules", "errors", "attributes",
        "database", "family", "assembly", "interface", "middleware", "createsuperuser",
    ])
    func nounsEnglishNeverInflectsAsVerbsAreNeither(_ word: String) {
        #expect(!EnglishFrequency.isVerbOrAdverbForm(word))
    }

    @Test func inflectionBasesStopAtInflections() {
        #expect(EnglishFrequency.inflectionBases(of: "defines").contains("define"))
        #expect(EnglishFrequency.inflectionBases(of: "applies").contains("apply"))
        #expect(EnglishFrequency.inflectionBases(of: "stripped").contains("strip"))
        #expect(!EnglishFrequency.inflectionBases(of: "performance").contains("perform"))
    }
}
