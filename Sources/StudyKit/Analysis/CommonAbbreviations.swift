/// Abbreviations every developer writes for common words (`js`, `db`, `config`): an answer that
/// says "js" says "JavaScript". General knowledge of the field, not of any one corpus.
enum CommonAbbreviations {
    static let expansions: [String: String] = [
        "js": "javascript", "db": "database", "dbs": "databases", "config": "configuration", "configs": "configurations",
        "info": "information", "auth": "authentication", "authn": "authentication", "authz": "authorization", "env": "environment",
        "envs": "environments", "repo": "repository", "repos": "repositories", "dev": "development", "prod": "production",
        "docs": "documentation", "doc": "documentation", "param": "parameter", "params": "parameters", "args": "arguments",
        "arg": "argument", "func": "function", "funcs": "functions", "fn": "function", "var": "variable", "vars": "variables",
        "msg": "message", "msgs": "messages", "req": "request", "reqs": "requests", "resp": "response", "impl": "implementation",
        "perf": "performance", "lib": "library", "libs": "libraries", "pkg": "package", "pkgs": "packages", "dir": "directory",
        "dirs": "directories", "attr": "attribute", "attrs": "attributes", "obj": "object", "objs": "objects", "ref": "reference",
        "refs": "references", "sync": "synchronous", "async": "asynchronous", "deps": "dependencies", "dep": "dependency",
        "i18n": "internationalization", "l10n": "localization", "tmpl": "template", "ui": "interface", "mgmt": "management",
        "admin": "administration", "spec": "specification", "stdlib": "standard library", "regex": "regular expression",
    ]
}
