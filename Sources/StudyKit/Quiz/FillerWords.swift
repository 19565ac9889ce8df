/// Words that name no concept an answer should contain, left out of grading's key terms.
///
/// They are not stop words — a query may use them — but in a small corpus any rare word looks
/// specific to its entry, so without this list a grader would ask learners for "slightly",
/// "via" or "therefore". Matched on the lower-cased surface form.
enum FillerWords {
    static let all: Set<String> = [
        "able", "across", "action", "actions", "adding", "additional", "adopts", "allow", "allows", "also",
        "answer", "applies", "approach", "around", "available", "aware", "basic", "beyond", "build", "called",
        "case", "cases", "comes", "common", "compare", "content", "correct", "credit", "deliberately",
        "difficult", "discrete", "efficiently", "elsewhere", "end", "enhance", "entire", "especially",
        "essential", "exactly", "existing", "extra", "first", "focusing", "following", "frequently",
        "general", "generally", "good", "great", "heavily", "however", "important", "inside", "least",
        "like", "list", "major", "make", "makes", "making", "many", "meaning", "means", "need", "needed",
        "needs", "offer", "offers", "official", "often", "pass", "period", "place", "plus", "popular",
        "possible", "quickly", "rather", "remain", "responder", "respondent", "set", "ships", "simple",
        "single", "slightly", "start", "terse", "therefore", "though", "time", "traditionally", "typical",
        "typically", "use", "used", "useful", "uses", "using", "usually", "various", "via", "want", "way",
        "well", "whereas", "within", "without", "work", "works",
    ]
}
