/// Common English words that carry no topic, dropped before indexing and search.
///
/// Based on the usual English lists, minus words that are technical in Django prose (`all`, `get`,
/// `set`, `first`, `last`, `filter`, `order`, `count`, `values`, `none`, `only`, `using`), and plus
/// the chatty words learners put around a question (`please`, `tell`, `explain me`).
/// `AND`, `OR` and `NOT` written in capitals are operators, not stop words: see `Analyzer`.
enum StopWords {
    static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "am", "an", "and", "any", "are", "aren't",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing",
        "don't", "down", "during", "each", "either", "else", "etc", "even", "ever", "every", "few",
        "for", "from", "further", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "i'd", "i'll", "i'm",
        "i've", "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "let's", "me",
        "might", "more", "most", "must", "mustn't", "my", "myself", "no", "nor", "not", "of", "off", "on",
        "once", "one", "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same",
        "shan't", "she", "should", "shouldn't", "so", "some", "such", "than", "that", "that's", "the",
        "their", "theirs", "them", "themselves", "then", "there", "there's", "these", "they", "they're",
        "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was",
        "wasn't", "we", "we're", "were", "weren't", "what", "what's", "whats", "when", "where", "which",
        "while", "who", "whom", "whose", "why", "will", "with", "won't", "would", "wouldn't", "yet",
        "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself", "yourselves",
        "also", "really", "something", "anything", "thing", "things", "way", "ways", "much", "many",
        "please", "tell", "thanks", "thank", "hi", "hello", "hey", "ok", "okay", "eg", "ie", "vs",
        "versus", "s", "t", "d", "ll", "m", "re", "ve",
    ]

    /// Words kept when written in capitals, because then they name query operators (`Q` objects).
    static let operators: Set<String> = ["and", "or", "not"]
}
