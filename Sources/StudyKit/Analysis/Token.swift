/// A piece of text found by the `Tokenizer`, before case folding, stop words and stemming.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A plain word or number: `Django`, `queries`, `404`.
        case word
        /// A code identifier kept whole: `select_related`, `settings.py`, `django-admin`, `HttpRequest`.
        case compound
        /// One piece of the compound before it: `select`, `related`.
        case part
        /// Two adjacent characters of a Chinese, Japanese or Korean run, or a lone one: `数据`.
        case cjk
    }

    let text: Substring
    let kind: Kind
}
