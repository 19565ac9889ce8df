/// Kinds of named things an answer can get wrong outright: a reference that names one of a kind
/// (Python, 2005, PostgreSQL) is contradicted by an answer that names others of that kind and
/// none of its own. General knowledge of software, not of one corpus.
enum NamedThing {
    enum Kind: String, CaseIterable {
        case language, company, database, framework, year

        var names: Set<String> {
            switch self {
            case .language:
                [
                    "python", "javascript", "typescript", "ruby", "php", "java", "golang", "c#", "c++", "rust", "kotlin",
                    "perl", "scala", "elixir", "haskell", "erlang", "lua", "dart", "clojure",
                ]
            case .company:
                [
                    "google", "facebook", "microsoft", "apple", "amazon", "netflix", "twitter", "ibm", "oracle", "adobe",
                    "mozilla", "instagram", "spotify", "pinterest", "youtube", "dropbox", "openai",
                ]
            case .database:
                [
                    "sqlite", "postgresql", "postgres", "mysql", "mariadb", "mongodb", "redis", "cassandra", "dynamodb",
                    "couchdb", "neo4j", "memcached", "elasticsearch",
                ]
            case .framework:
                [
                    "flask", "rails", "laravel", "react", "angular", "vue", "fastapi", "symfony", "jinja2",
                    "celery", "sqlalchemy", "jquery", "bootstrap",
                ]
            case .year:
                []
            }
        }

        func members(in words: [String]) -> Set<String> {
            switch self {
            case .year:
                Set(words.filter { $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20")) && $0.allSatisfy(\.isNumber) })
            default:
                Set(words.filter(names.contains))
            }
        }
    }

    /// How the names are written, for messages.
    static let display: [String: String] = [
        "python": "Python", "javascript": "JavaScript", "typescript": "TypeScript", "ruby": "Ruby", "php": "PHP",
        "java": "Java", "golang": "Go", "rust": "Rust", "kotlin": "Kotlin", "google": "Google", "facebook": "Facebook",
        "microsoft": "Microsoft", "apple": "Apple", "amazon": "Amazon", "oracle": "Oracle",
        "mozilla": "Mozilla", "instagram": "Instagram", "youtube": "YouTube", "dropbox": "Dropbox",
        "sqlite": "SQLite", "postgresql": "PostgreSQL", "postgres": "Postgres", "mysql": "MySQL", "mariadb": "MariaDB",
        "mongodb": "MongoDB", "redis": "Redis", "flask": "Flask", "rails": "Rails", "laravel": "Laravel",
        "react": "React", "angular": "Angular", "vue": "Vue", "celery": "Celery", "jinja2": "Jinja2",
    ]
}
