import Testing

@testable import StudyKit

@Suite("TextWrapper")
struct TextWrapperTests {
    static let lines = [
        "模型是关于数据的唯一、确定的信息来源。它包含您存储的数据的基本字段和行为。通常，每个模型映射到一个数据库表。",
        "モデルは、データに関する唯一かつ決定的な情報源です。保存しているデータの基本的なフィールドと動作が含まれています。",
        "모델은 데이터에 대한 단일하고 확실한 정보 소스입니다. 저장하는 데이터의 필수 필드와 동작을 포함합니다. 일반적으로 각 모델은 단일 데이터베이스 테이블에 매핑됩니다.",
        "Ｄｊａｎｇｏ　ｍｏｄｅｌｓ　ａｒｅ　ｆｕｌｌｗｉｄｔｈ　ｔｅｘｔ　ｗｈｉｃｈ　ｔａｋｅｓ　ｔｗｏ　ｃｏｌｕｍｎｓ　ｅａｃｈ",
        "🐍 🚀 🎉 👩‍💻 👍🏽 🇫🇷 ❤️ 🙂 🐍 🚀 🎉 👩‍💻 👍🏽 🇫🇷 ❤️ 🙂 🐍 🚀 🎉 👩‍💻 👍🏽 🇫🇷 ❤️ 🙂 🐍 🚀 🎉",
        "Cafe\u{301} na\u{308}ive re\u{301}sume\u{301} with combining marks that take no column at all, so more fit",
    ]

    @Test(arguments: lines)
    func wrapsWideTextToTheWidth(text: String) {
        let wrapped = TextWrapper(width: 40).wrap(text, indent: "     ")
        #expect(wrapped.count > 1)
        for line in wrapped {
            #expect(TextStyle.visibleWidth(line) <= 40, "\(TextStyle.visibleWidth(line)) columns: \(line)")
        }
        // Nothing lost: the pieces join back into the text (spaces aside).
        let joined = wrapped.map { $0.dropFirst(5) }.joined()
        #expect(joined.filter { $0 != " " } == text.filter { $0 != " " })
    }

    @Test func breaksBetweenIdeographsButKeepsNarrowWordsWhole() {
        #expect(TextWrapper(width: 20).wrap("select_related 漢字漢字漢字漢字") == ["select_related 漢字", "漢字漢字漢字"])
    }

    @Test func truncatesByColumns() {
        #expect(TextRenderer.truncate("漢字漢字漢字", to: 7) == "漢字漢…")
        #expect(TextStyle.visibleWidth(TextRenderer.truncate("🙂🙂🙂🙂", to: 6)) <= 6)
    }
}
