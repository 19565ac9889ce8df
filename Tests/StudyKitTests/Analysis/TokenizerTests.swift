import Testing

@testable import StudyKit

@Suite("Tokenizer")
struct TokenizerTests {
    func tokens(_ text: String) -> [String] {
        Tokenizer().tokens(in: text).map { token in
            switch token.kind {
            case .word: String(token.text)
            case .compound: "[\(token.text)]"
            case .part: "+\(token.text)"
            case .cjk: "<\(token.text)>"
            }
        }
    }

    @Test func cjkRunsBecomeOverlappingPairsOfCharacters() {
        #expect(tokens("数据库迁移") == ["<数据>", "<据库>", "<库迁>", "<迁移>"])
        #expect(tokens("猫") == ["<猫>"])
        #expect(tokens("日本語のデータベース") == ["<日本>", "<本語>", "<語の>", "<のデ>", "<デー>", "<ータ>", "<タベ>", "<ベー>", "<ース>"])
        #expect(tokens("데이터 베이스") == ["<데이>", "<이터>", "<베이>", "<이스>"])
        // CJK punctuation separates, as spaces do.
        #expect(tokens("模型。视图、表") == ["<模型>", "<视图>", "<表>"])
    }

    @Test func latinWordsBesideCjkAreTokenisedAsBefore() {
        #expect(tokens("Django模型 and select_related查询") == ["Django", "<模型>", "and", "[select_related]", "+select", "+related", "<查询>"])
        #expect(tokens("用settings.py配置HttpRequest") == ["<用>", "[settings.py]", "+settings", "+py", "<配置>", "[HttpRequest]", "+Http", "+Request"])
        #expect(tokens("what's 缓存's") == ["what's", "<缓存>", "s"])
        // Accented Latin, Greek and Cyrillic letters are not CJK.
        #expect(tokens("café naïve λόγος слово") == ["café", "naïve", "λόγος", "слово"])
    }

    @Test func identifiersAreKeptWholeAndSplit() {
        #expect(tokens("select_related") == ["[select_related]", "+select", "+related"])
        #expect(tokens("form_valid()") == ["[form_valid]", "+form", "+valid"])
        #expect(tokens("the _set suffix") == ["the", "[_set]", "+set", "suffix"])
        #expect(tokens("settings.py") == ["[settings.py]", "+settings", "+py"])
        #expect(tokens("django-admin startproject") == ["[django-admin]", "+django", "+admin", "startproject"])
    }

    @Test func camelCaseIsSplit() {
        #expect(tokens("HttpRequest") == ["[HttpRequest]", "+Http", "+Request"])
        #expect(tokens("HTTPRequest") == ["[HTTPRequest]", "+HTTP", "+Request"])
        #expect(tokens("QuerySets") == ["[QuerySets]", "+Query", "+Sets"])
        #expect(tokens("Django ORM") == ["Django", "ORM"])
        #expect(tokens("APIs and URLs") == ["APIs", "and", "URLs"])
    }

    @Test func templateSyntaxAndPunctuationSeparate() {
        #expect(tokens("{% extends %} and {{ name|lower }}") == ["extends", "and", "name", "lower"])
        #expect(tokens("request/response, end.") == ["request", "response", "end"])
        #expect(tokens("/admin") == ["admin"])
    }

    @Test func apostrophesJoinWithoutSplitting() {
        #expect(tokens("what's Django's") == ["what's", "Django's"])
        #expect(tokens("it\u{2019}s") == ["it\u{2019}s"])
    }

    @Test func numbersAndUnicode() {
        #expect(tokens("a 128-bit UUID, 404") == ["a", "[128-bit]", "+128", "+bit", "UUID", "404"])
        #expect(tokens("café naïve") == ["café", "naïve"])
    }
}
