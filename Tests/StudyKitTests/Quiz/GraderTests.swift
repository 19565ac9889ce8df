import Testing

@testable import StudyKit

@Suite("Grader")
struct GraderTests {
    static let grader = Grader(searcher: Searcher(corpus: try! BundledCorpus.load(), glossary: try! BundledGlossary.load()))

    /// The built-in corpus with its glossary and sentence embeddings, as the quiz grades.
    static let hybrid = Grader(searcher: BuiltInHybridSearch.searcher)

    @Test func synonymsEarnCreditAndForeignTalkCostsPrecision() throws {
        let synonym = try #require(Self.grader.grade("it keeps a visitor's data on the server", forEntry: 28))
        #expect(synonym.covered.contains("visitor (for user's)"), "the glossary's synonym for user: \(synonym.covered)")
        let onTopic = try #require(Self.grader.grade("sessions keep a user's data on the server with a cookie", forEntry: 28))
        let offTopic = try #require(Self.grader.grade("sessions are database transactions opened by SQLAlchemy for each query", forEntry: 28))
        #expect(onTopic.precision > offTopic.precision)
        #expect(onTopic.score > offTopic.score)
    }

    @Test func fullAnswerScoresHighAndEmptyScoresZero() throws {
        let full = try #require(
            Self.grader.grade(
                "select_related follows a foreign key or one-to-one relationship with a SQL join in a single query; prefetch_related does a separate query per relationship for many-to-many and reverse foreign keys and joins in Python.",
                forEntry: 35))
        let empty = try #require(Self.grader.grade("", forEntry: 35))
        #expect(full.suggestedRating.rawValue >= Rating.good.rawValue, "score \(full.score)")
        #expect(empty.score == 0)
        #expect(empty.covered.isEmpty)
        #expect(!empty.missed.isEmpty)
    }

    @Test func coveredTermsUseTheLearnersSpellingAndMissedTheReferences() throws {
        let grade = try #require(Self.grader.grade("You can COMBINE them with OR", forEntry: 21))
        #expect(grade.covered.contains("COMBINE"))
        #expect(grade.covered.contains("OR"))
        #expect(grade.missed.contains("AND"))
        #expect(grade.missed.contains("reusable"))
        #expect(grade.missedTerms.contains("reusabl"))
        #expect(grade.score > 0 && grade.score < 60)
    }

    @Test func restatingTheQuestionEarnsNoRecall() throws {
        let grade = try #require(Self.grader.grade("Q objects are Q objects that you would use", forEntry: 21))
        #expect(grade.recall == 0)
        #expect(grade.covered.isEmpty)
        #expect(grade.suggestedRating == .again, "score \(grade.score)")
    }

    @Test func identifierPartsCoverTheIdentifier() throws {
        let parts = try #require(Self.grader.grade("listeners for pre save and post save", forEntry: 26))
        let whole = try #require(Self.grader.grade("listeners for pre_save and post_save", forEntry: 26))
        #expect(parts.covered.contains("pre save"))
        #expect(whole.covered.contains("pre_save"))
        #expect(whole.score == parts.score)
    }

    @Test func suggestedRatingFollowsTheBands() {
        let grade = { (score: Int) in Grade(entryID: 1, score: score, covered: [], missed: [], missedTerms: []) }
        let bands = Grade.ratingBands
        #expect(grade(0).suggested == .again)
        #expect(grade(bands.hard - 1).suggested == .again)
        #expect(grade(bands.hard).suggested == .hard)
        #expect(grade(bands.good).suggested == .good)
        #expect(grade(bands.easy).suggested == .easy)
        var contradicted = grade(95)
        contradicted.contradictions = ["says JavaScript where the reference says Python (language)"]
        #expect(contradicted.suggested == .again, "a wrong fact is not known, whatever else is covered")
        var open = grade(95)
        open.selfRated = true
        #expect(open.suggested == nil)
    }

    @Test func unknownEntryHasNoGrade() {
        #expect(Self.grader.grade("anything", forEntry: 999) == nil)
    }

    // MARK: Key terms

    @Test func keyTermsAreContentWordsNeverInterviewTalk() throws {
        let everyday: Set = [
            "mention", "explain", "interview", "two", "command", "resources", "credit", "respondent", "responder",
            "bonus", "points", "answer", "question", "django",
        ]
        for entry in Self.grader.searcher.corpus.entries {
            let surfaces = Self.grader.referenceTerms(of: entry).map { $0.surface.lowercased() }
            #expect(everyday.isDisjoint(with: surfaces), "#\(entry.id): \(surfaces)")
        }
        let first = Self.grader.referenceTerms(of: Self.grader.searcher.corpus.entry(id: 1)!).map(\.surface)
        #expect(!first.contains("Laravel") && !first.contains("Rails"), "bonus material is not required: \(first)")
    }

    @Test func ordinaryVerbsAndAdverbsAreNoKeyTerms() throws {
        // What the references say in everyday English, as `/explain` and "missed:" used to list it.
        let ordinary: [Int: Set<String>] = [
            12: ["specifies", "defines", "corresponds"], 25: ["generate", "efficiently", "define"], 29: ["loads", "creates"],
            31: ["occur", "refers"], 27: ["modify", "defines"],
        ]
        for (id, words) in ordinary {
            let entry = try #require(Self.grader.searcher.corpus.entry(id: id))
            let terms = Self.grader.referenceTerms(of: entry, limit: 12).map { $0.surface.lowercased() }
            #expect(words.isDisjoint(with: terms), "#\(id): \(terms)")
        }
    }

    @Test func domainWordsThatEnglishAlsoUsesStayKeyTerms() throws {
        // The glossary names `filters`; `HttpRequest` and `process_request` name requests; `extends` is a template tag.
        let domain: [Int: Set<String>] = [12: ["integer", "database", "attribute"], 14: ["requests"], 20: ["filters", "extends", "tags"], 25: ["queries"]]
        for (id, words) in domain {
            let entry = try #require(Self.grader.searcher.corpus.entry(id: id))
            let terms = Self.grader.referenceTerms(of: entry, limit: 12).map { $0.surface.lowercased() }
            #expect(words.isSubset(of: terms), "#\(id): \(terms)")
        }
    }

    @Test func aWordInsideACompoundKeyTermIsNoKeyTermOfItsOwn() throws {
        let entry = try #require(Self.grader.searcher.corpus.entry(id: 10))
        let terms = Self.grader.referenceTerms(of: entry, limit: 12).map(\.surface)
        #expect(terms.contains("createsuperuser") && !terms.contains("superuser"), "\(terms)")
        let grade = try #require(Self.grader.grade("Create an admin account with python manage.py createsuperuser and log in at /admin", forEntry: 10))
        #expect(!grade.missed.contains("superuser"), "missed: \(grade.missed)")
        #expect(grade.covered.filter { $0 == "createsuperuser" }.count == 1, "covered: \(grade.covered)")
    }

    // MARK: The five answers a learner typed (issue 9)

    @Test func runserverAndLocalhostIsAGoodAnswer() throws {
        let grade = try #require(Self.hybrid.grade("python manage.py runserver, then open localhost:8000", forEntry: 8))
        #expect(!grade.missed.contains("command"), "missed: \(grade.missed)")
        #expect([Rating.good, .easy].contains(grade.suggested), "score \(grade.score), suggested \(String(describing: grade.suggested))")
    }

    @Test func favouritePackagesAreRatedByTheLearner() throws {
        let grade = try #require(
            Self.hybrid.grade(
                "django-rest-framework, django-debug-toolbar, django-filter, celery and django-allauth", forEntry: 24))
        #expect(grade.selfRated)
        #expect(grade.suggested == nil)
        #expect(grade.missed.isEmpty, "nothing is 'missed' in a question with no single answer")
    }

    @Test func britishSpellingCoversTheAmericanTerm() throws {
        let grade = try #require(
            Self.hybrid.grade(
                "A mixin is a class you inherit from to pick up extra behaviour and attributes alongside the main parent class.", forEntry: 32))
        #expect(grade.covered.contains { $0.lowercased().hasPrefix("behaviour") }, "covered: \(grade.covered)")
        #expect(!grade.missed.contains { $0.lowercased().hasPrefix("behavior") })
    }

    @Test func anIdentifierContainingTheTermCoversIt() throws {
        let grade = try #require(
            Self.hybrid.grade(
                "Each model gets a manager, objects, and you can subclass Manager and override get_queryset to change the QuerySet it returns.",
                forEntry: 11))
        #expect(!grade.missed.contains("QuerySets"), "missed: \(grade.missed)")
    }

    @Test func aMadeUpServerAnswerIsSuggestedAgain() throws {
        let grade = try #require(
            Self.hybrid.grade(
                "You run python manage.py startserver --prod and it launches the same server as in production.", forEntry: 8))
        #expect(grade.suggested == .again, "score \(grade.score), contradictions \(grade.contradictions)")
    }

    // MARK: Wrong facts

    @Test func aSubcommandTheCorpusWritesAsCodeElsewhereIsAMisrememberedCommand() throws {
        let grade = try #require(Self.grader.grade("run python manage.py migrate and Django makes the app folder", forEntry: 7))
        #expect(grade.contradictions == ["says `manage.py migrate` where the reference says `manage.py startapp`"])
        let right = try #require(Self.grader.grade("python manage.py startapp blog, then add it to INSTALLED_APPS", forEntry: 7))
        #expect(right.contradictions.isEmpty, "\(right.contradictions)")
        let more = try #require(Self.grader.grade("python manage.py startapp blog, then python manage.py migrate", forEntry: 7))
        #expect(more.contradictions.isEmpty, "another subcommand beside the right one: \(more.contradictions)")
    }

    @Test func aKeyTermCoveredDirectlyCoversNothingMoreAsASynonym() throws {
        let grade = try #require(Self.grader.grade("DTL is how Django renders pages", forEntry: 20))
        #expect(grade.covered.filter { $0.hasPrefix("DTL") } == ["DTL"], "\(grade.covered)")
        #expect(grade.missed.contains("variables"))
    }

    @Test func aNameTheCorpusUsesThroughoutIsNoWrongFact() throws {
        // Entry 4 names JavaScript (for the template layer); Python, which most entries use, is no
        // wrong language for the view.
        let grade = try #require(
            Self.grader.grade(
                "The model is the data, the template is the HTML and CSS the user sees, and the view is the Python logic between them.",
                forEntry: 4))
        #expect(grade.contradictions.isEmpty, "\(grade.contradictions)")
        #expect(Self.grader.searcher.documentFrequency(of: "Python") >= Contradictions.subjectNameEntries)
    }

    @Test func aWrongLanguageAndCompanyAreShown() throws {
        let grade = try #require(
            Self.hybrid.grade(
                "Django is a JavaScript framework maintained by Facebook, first released in 2005.", forEntry: 1))
        #expect(grade.contradictions.contains { $0.hasPrefix("says JavaScript where the reference says") })
        #expect(grade.suggested == .again)
        let right = try #require(Self.hybrid.grade("Django is a Python web framework, first released in 2005.", forEntry: 1))
        #expect(right.contradictions.isEmpty, "\(right.contradictions)")
    }
}

/// Grading rules on a corpus made up for the purpose, so each rule can fail on its own.
@Suite("Grader rules")
struct GraderRuleTests {
    static let corpus = try! CorpusParser().parse(
        """
        # Kitchen
        ## All
        ### 1. What is a sourdough starter?
        A sourdough starter is flour and water fermented by wild yeast and lactobacilli. Bakers feed the starter daily. The starter leavens bread without commercial yeast. Hydration, temperature and acidity shape its flavour. Rye flour ferments faster than wheat. A healthy starter doubles within hours.
        ### 2. What are `freeze_dough` and `proof_dough`?
        `freeze_dough` stops the fermentation for storage in the freezer. `proof_dough` lets the dough rise in a warm place before baking.
        ### 3. What is a dutch oven?
        A heavy pot with a lid that traps steam.
        """, source: "kitchen.md")
    static let glossary = try! GlossaryParser().parse(
        """
        # Kitchen glossary
        ## Related
        - saccharomyces: yeast
        """, source: "kitchen.glossary.md")
    static let grader = Grader(searcher: Searcher(corpus: corpus, glossary: glossary))

    @Test func theLongTailEarnsAFifthOfTheScore() throws {
        let entry = Self.corpus.entry(id: 1)!
        let (all, ordinary) = Self.grader.referenceTermsAndOrdinaryWords(of: entry, limit: Int.max)
        let keys = Self.grader.referenceTerms(of: entry)
        try #require(all.count > keys.count, "the reference has terms beyond the key terms")
        // The tail is the reference's other terms and its ordinary verbs and adverbs, which are never key terms.
        let tailOnly = (all.dropFirst(keys.count) + ordinary).map(\.surface).joined(separator: " ")
        let grade = try #require(Self.grader.grade(tailOnly, forEntry: 1))
        #expect(grade.covered.isEmpty)
        #expect(abs(grade.recall - Grader.tailShare) < 1e-9, "every tail term and no key term: recall \(grade.recall)")
        let keysOnly = keys.map(\.surface).joined(separator: " ")
        let keyGrade = try #require(Self.grader.grade(keysOnly, forEntry: 1))
        #expect(abs(keyGrade.recall - (1 - Grader.tailShare)) < 1e-9, "every key term and no tail term: recall \(keyGrade.recall)")
    }

    @Test func aRelatedFeatureEarnsHalfAKeyTerm() throws {
        let keys = Self.grader.referenceTerms(of: Self.corpus.entry(id: 1)!)
        let yeast = try #require(keys.first { $0.term == "yeast" }, "key terms: \(keys.map(\.term))")
        let total = keys.reduce(0) { $0 + $1.weight }
        let related = try #require(Self.grader.grade("saccharomyces", forEntry: 1))
        #expect(related.covered == ["saccharomyces (for yeast)"])
        #expect(abs(related.recall - (1 - Grader.tailShare) * Grader.relatedTermCredit * yeast.weight / total) < 1e-9)
    }

    @Test func swappedRolesAreCaught() throws {
        let swapped = try #require(
            Self.grader.grade(
                "freeze_dough lets the dough rise in a warm place, and proof_dough stops it for the freezer.", forEntry: 2))
        #expect(
            swapped.contradictions.contains { $0.hasPrefix("says of freeze_dough what the reference says of proof_dough") },
            "\(swapped.contradictions)")
        let right = try #require(
            Self.grader.grade(
                "freeze_dough stops fermentation for the freezer, while proof_dough lets it rise somewhere warm.", forEntry: 2))
        #expect(right.contradictions.isEmpty, "\(right.contradictions)")
        #expect(right.score > swapped.score)
    }

    @Test func rolesAreToldApartOnlyAmongAFewNamedThings() {
        let finder = Self.grader.contradictionFinder
        let two = "`cold_box` keeps the dough in the freezer. `warm_box` lets the dough rise before baking."
        let three = two + " `slice_tool` cuts the loaf thin."
        let four = three + " `oven_rack` holds the tray while it bakes."
        let answer = "cold_box lets the dough rise before baking"
        #expect(!finder.swappedRoles(in: answer, reference: two).isEmpty, "two things side by side: a swap")
        #expect(!finder.swappedRoles(in: answer, reference: three).isEmpty, "three things side by side: a swap")
        #expect(finder.swappedRoles(in: answer, reference: four).isEmpty, "more than \(Contradictions.mostRoles) things: no swap told")
    }

    @Test func anExamplesPlaceholderIsNoNamedThing() {
        #expect(Contradictions.codeWords(in: "Set `x` to `10`, then call `save()`, `full_clean()` and `Q()`.") == ["save", "full_clean", "q"])
    }

    @Test func anAbbreviationIsNoCommandAndAQualifiedNameIsTheSameName() {
        #expect(!Contradictions.isCodeName("e.g") && !Contradictions.isCodeName("i.e"))
        #expect(Contradictions.isCodeName("manage.py") && Contradictions.isCodeName("os.close"))
        let finder = Self.grader.contradictionFinder
        let reference = Contradictions.words("Close it with os.close stdout.fileno first.")
        #expect(finder.commands(in: Contradictions.words("call os.close sys.stdout.fileno"), reference: reference).isEmpty)
        #expect(finder.commands(in: Contradictions.words("call os.close stderr.fileno"), reference: reference).count == 1)
        #expect(finder.commands(in: Contradictions.words("e.g blahcmd"), reference: Contradictions.words("for instance e.g othercmd")).isEmpty)
    }

    @Test func aClaimTheReferenceNeverMakesIsADoubtUnlessNegated() throws {
        let claim = try #require(Self.grader.grade("A dutch oven is a deprecated heavy pot.", forEntry: 3))
        #expect(claim.contradictions.isEmpty)
        #expect(claim.doubts == ["it calls something deprecated, which the reference does not"])
        #expect(!claim.suggestionSure && claim.preselected == nil)
        let negated = try #require(Self.grader.grade("A dutch oven is a heavy pot with a lid, not deprecated at all.", forEntry: 3))
        #expect(negated.doubts.allSatisfy { !$0.contains("deprecated") })
    }

    /// A claim the reference merely does not make may be true, so it makes the grader unsure
    /// rather than marking the answer wrong.
    @Test func sweepingClaimsTheReferenceNeverMakesAreDoubts() throws {
        let removed = try #require(Self.grader.grade("A heavy pot with a lid; it was removed from kitchens and only works on gas.", forEntry: 3))
        #expect(removed.doubts.contains("it claims “was removed”, which the reference does not"), "\(removed.doubts)")
        #expect(removed.doubts.contains("it claims “only works”, which the reference does not"))
        #expect(removed.contradictions.isEmpty)
        #expect(removed.preselected == nil)
    }

    @Test func correctExtraDetailKeepsTheScore() throws {
        let plain = try #require(Self.grader.grade("A heavy pot with a lid that traps steam.", forEntry: 3))
        let detailed = try #require(
            Self.grader.grade(
                "A heavy pot with a lid that traps steam. It is usually cast iron and goes into a hot oven for crusty bread.", forEntry: 3))
        #expect(detailed.score >= plain.score, "plain \(plain.score), with detail \(detailed.score)")
    }

    @Test func aBriefTrueAnswerOutranksALongOneAboutSomethingElse() throws {
        let brief = try #require(Self.grader.grade("fermented flour", forEntry: 1))
        let elsewhere = try #require(
            Self.grader.grade(
                "lactobacilli, hydration and temperature are the settings of a dutch oven, a heavy pot whose lid traps steam", forEntry: 1))
        #expect(brief.recall < elsewhere.recall, "the long answer shares more of the reference's words")
        #expect(brief.precision > elsewhere.precision)
        #expect(brief.score > elsewhere.score, "brief \(brief.score), elsewhere \(elsewhere.score)")
    }

    @Test func onTopicCreditGrowsWithPrecisionAndNeverReachesAFullAnswer() throws {
        let onTopic = try #require(Self.grader.grade("wild yeast feeds on flour", forEntry: 1))
        let diluted = try #require(Self.grader.grade("wild yeast feeds on flour in a heavy pot with a lid that traps steam", forEntry: 1))
        #expect(onTopic.recall == diluted.recall, "the same reference words")
        #expect(onTopic.precision > diluted.precision)
        #expect(onTopic.score > diluted.score, "on topic \(onTopic.score), diluted \(diluted.score)")
        #expect(onTopic.score < 80, "a brief answer is not a full one: \(onTopic.score)")
    }

    @Test func restatingTheQuestionOrOneWordEarnsLittleOnTopicCredit() throws {
        let restated = try #require(Self.grader.grade("a sourdough starter", forEntry: 1))
        #expect(restated.score == 0, "the question's own words say nothing")
        let oneWord = try #require(Self.grader.grade("lactobacilli", forEntry: 1))
        let threeWords = try #require(Self.grader.grade("lactobacilli daily within hours", forEntry: 1))
        #expect(oneWord.recall == threeWords.recall, "everyday words of the entry are no key or tail terms")
        #expect(oneWord.precision == 1 && threeWords.precision == 1)
        #expect(oneWord.score < threeWords.score, "one word is not yet an answer: \(oneWord.score) vs \(threeWords.score)")
    }

    @Test func anIdentifierBuiltOfTheEntrysWordsIsOnTopic() throws {
        let grade = try #require(Self.grader.grade("a lid_pot", forEntry: 3))
        #expect(grade.precision == 1, "lid and pot are the entry's words")
        let foreign = try #require(Self.grader.grade("a wok_burner", forEntry: 3))
        #expect(foreign.precision == 0)
    }
}
