import Testing

@testable import StudyKit

@Suite("MockInterview")
struct MockInterviewTests {
    /// Sections named by their sizes: `corpus([2, 5, 1])` has sections "A" (2 entries), "B", "C".
    static func corpus(_ sizes: [Int]) -> Corpus {
        let names = sizes.indices.map { String(UnicodeScalar(UInt8(65 + $0))) }
        var entries: [Entry] = []
        for (name, size) in zip(names, sizes) {
            for _ in 0..<size {
                let id = entries.count + 1
                entries.append(Entry(id: id, question: "Q\(id)?", section: name, tags: [], answer: "A\(id).", line: id))
            }
        }
        return Corpus(title: "T", sections: names, entries: entries, source: "test")
    }

    static func sections(_ count: Int, sizes: [Int], seed: UInt64 = 1) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return MockInterview(count: count, from: corpus(sizes), using: &generator).questions.map(\.section)
    }

    @Test func questionsAreSharedEvenlyOverTheSectionsEasiestFirst() {
        #expect(Self.sections(6, sizes: [10, 10, 10]) == ["A", "A", "B", "B", "C", "C"])
        #expect(Self.sections(5, sizes: [10, 10, 10]) == ["A", "A", "B", "B", "C"])
        #expect(Self.sections(4, sizes: [10, 10, 10]) == ["A", "A", "B", "C"])
    }

    @Test func fewerQuestionsThanSectionsSpreadFromTheFirstToTheLast() {
        #expect(Self.sections(2, sizes: [3, 3, 3]) == ["A", "C"])
        #expect(Self.sections(3, sizes: [1, 1, 1, 1, 1, 1, 1]) == ["A", "D", "G"])
        #expect(Self.sections(1, sizes: [3, 3, 3]) == ["A"])
    }

    @Test func aSectionTooSmallForItsSharePassesTheRestOn() {
        #expect(Self.sections(6, sizes: [1, 10, 10]) == ["A", "B", "B", "B", "C", "C"])
        // The last section's shortfall comes from the nearest earlier section, still in section order.
        #expect(Self.sections(6, sizes: [10, 10, 1]) == ["A", "A", "B", "B", "B", "C"])
        #expect(Self.sections(6, sizes: [10, 1, 1]) == ["A", "A", "A", "A", "B", "C"])
    }

    @Test func aSectionNameHeadingTwoPartsOfTheCorpusIsOneSection() {
        let entries = [("General", 1), ("Special", 2), ("Special", 3), ("General", 4), ("Special", 5)].map {
            Entry(id: $0.1, question: "Q\($0.1)?", section: $0.0, tags: [], answer: "A.", line: $0.1)
        }
        let corpus = Corpus(title: "T", sections: ["General", "Special", "General"], entries: entries, source: "test")
        for seed in UInt64(1)...20 {
            var generator = SeededGenerator(seed: seed)
            let interview = MockInterview(count: 6, from: corpus, using: &generator)
            #expect(interview.questions.map(\.section) == ["General", "General", "Special", "Special", "Special"])
            #expect(Set(interview.questions.map(\.id)).count == 5)
        }
    }

    @Test func neverAsksTheSameQuestionTwiceNorMoreThanTheCorpusHolds() {
        for seed in UInt64(1)...20 {
            var generator = SeededGenerator(seed: seed)
            let interview = MockInterview(count: 15, from: Self.corpus([2, 3, 4]), using: &generator)
            #expect(interview.questions.count == 9)
            #expect(Set(interview.questions.map(\.id)).count == 9)
        }
    }

    @Test func questionsAskedBeforeComeOnlyOnceASectionHasNoOthers() {
        let corpus = Self.corpus([4, 4])
        var generator = SeededGenerator(seed: 3)
        let first = MockInterview(count: 4, from: corpus, using: &generator).questions.map(\.id)
        let second = MockInterview(count: 4, from: corpus, asked: Set(first), using: &generator).questions.map(\.id)
        #expect(Set(first).isDisjoint(with: second))
        let third = MockInterview(count: 6, from: corpus, asked: Set(first + second), using: &generator).questions
        #expect(third.map(\.section) == ["A", "A", "A", "B", "B", "B"])
        #expect(Set(third.map(\.id)).count == 6)
    }

    @Test func theSeedDecidesWhichQuestionsWithinASection() {
        var first = SeededGenerator(seed: 5)
        var again = SeededGenerator(seed: 5)
        let corpus = Self.corpus([10, 10, 10])
        let ids = MockInterview(count: 6, from: corpus, using: &first).questions.map(\.id)
        #expect(MockInterview(count: 6, from: corpus, using: &again).questions.map(\.id) == ids)
        let others = (UInt64(6)...30).map { seed in
            var generator = SeededGenerator(seed: seed)
            return MockInterview(count: 6, from: corpus, using: &generator).questions.map(\.id)
        }
        #expect(others.contains { $0 != ids })
    }

    static func grade(_ id: Int, score: Int, contradictions: [String] = [], selfRated: Bool = false) -> Grade {
        var grade = Grade(entryID: id, score: score, covered: [], missed: ["missed\(id)"], missedTerms: [])
        grade.contradictions = contradictions
        grade.selfRated = selfRated
        return grade
    }

    @Test func averagesLeaveOutPassesAndOpenQuestions() {
        var interview = MockInterview(questions: Self.corpus([2, 2]).entries)
        interview.record(Self.grade(1, score: 80), words: 20)
        interview.record(nil, words: 0)
        interview.record(Self.grade(3, score: 0, selfRated: true), words: 20)
        interview.record(Self.grade(4, score: 41), words: 20)
        #expect(interview.current == nil)
        #expect(interview.averageScore == 61)
        #expect(interview.sectionScores.map(\.section) == ["A", "B"])
        #expect(interview.sectionScores.map(\.score) == [80, 41])
    }

    @Test func aSectionWithNoScoredAnswerHasNoAverage() {
        var interview = MockInterview(questions: Self.corpus([1, 1, 1]).entries)
        interview.record(Self.grade(1, score: 70), words: 20)
        interview.record(nil, words: 0)
        interview.record(Self.grade(3, score: 0, selfRated: true), words: 20)
        #expect(interview.sectionScores.map(\.section) == ["A"])
        #expect(interview.sectionsAsked == ["A", "B", "C"])
    }

    @Test func theInterviewerAsksForMoreOncePerAnswerAndAgainAfterTheAnswerIsCleared() {
        var interview = MockInterview(questions: Self.corpus([2]).entries)
        #expect(!interview.askedForMore)
        interview.askForMore()
        interview.restartAnswer()
        #expect(!interview.askedForMore)
        interview.askForMore()
        interview.record(Self.grade(1, score: 50), words: 2)
        #expect(!interview.askedForMore)
        #expect(interview.number == 2)
    }

    @Test func studyNextListsPassedContradictedAndWeakAnswersInOrder() {
        var interview = MockInterview(questions: Self.corpus([5]).entries)
        interview.record(Self.grade(1, score: 90), words: 30)
        interview.record(Self.grade(2, score: 90, contradictions: ["says JavaScript where the reference says Python"]), words: 30)
        interview.record(nil, words: 0)
        interview.record(Self.grade(4, score: Grade.ratingBands.good - 1), words: 30)
        interview.record(Self.grade(5, score: 0, selfRated: true), words: 30)
        #expect(interview.toReview.map(\.id) == [2, 3, 4])
    }

    @Test func theDebriefScoresEachQuestionAndSaysWhatTheInterviewerNoticed() {
        var interview = MockInterview(questions: Self.corpus([2, 2]).entries)
        interview.record(Self.grade(1, score: 90), words: 30)
        interview.record(Self.grade(2, score: 30, contradictions: ["says JavaScript where the reference says Python"]), words: 4)
        interview.record(nil, words: 0)
        interview.record(Self.grade(4, score: 0, selfRated: true), words: 30)
        let debrief = TextRenderer(width: 100, style: .plain).interviewDebrief(interview)
        #expect(
            debrief == """
                Interview over: 4 of 4 questions, 1 passed · average 60
                  90      #1   Q1?
                  30      #2   Q2?
                          missed: missed2
                  passed  #3   Q3?
                  open    #4   Q4?
                  - #2: says JavaScript where the reference says Python.
                  - One answer was only a few words long. Avoid yes-or-no answers: take each question as a chance to
                    talk about what you know.
                  - Nobody can answer every question on the spot; when you cannot, say what you do know and how you
                    would find out.
                  - #4 has no single right answer, so no score: compare yours with the reference (/show N).
                Study next: #2, #3 (/show N shows one, /explain N its key terms).
                """)
    }

    @Test func theDebriefSaysOneOfSeveralQuestionsAndAveragesBySection() {
        var interview = MockInterview(questions: Self.corpus([1, 1, 1]).entries)
        interview.record(Self.grade(1, score: 70), words: 20)
        interview.record(Self.grade(2, score: 50), words: 20)
        let debrief = TextRenderer(width: 100, style: .plain).interviewDebrief(interview)
        #expect(debrief.hasPrefix("Interview over: 2 of 3 questions · average 60\n"))
        #expect(debrief.contains("\nBy section: A 70 · B 50\n"))
    }

    @Test func theDebriefFitsANarrowTerminal() {
        var interview = MockInterview(questions: Self.corpus([2, 2]).entries)
        interview.record(Self.grade(1, score: 30, contradictions: ["says JavaScript where the reference says Python"]), words: 4)
        interview.record(nil, words: 0)
        interview.record(Self.grade(3, score: 20), words: 30)
        let debrief = TextRenderer(width: 40, style: .plain).interviewDebrief(interview)
        for line in debrief.split(separator: "\n") { #expect(TextStyle.visibleWidth(String(line)) <= 40, "\(line)") }
        #expect(debrief.contains("#1, #2, #3"))
    }
}
