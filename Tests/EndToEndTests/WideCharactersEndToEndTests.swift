import Foundation
import Testing

@testable import StudyKit

/// CJK, fullwidth, Hangul and emoji take two columns each: output must still fit `COLUMNS`.
@Suite("wide characters (end to end)")
struct WideCharactersEndToEndTests {
    static let corpus = """
        # 模型 Django

        ## 基础
        ### 1. 什么是模型？模型是关于数据的唯一、确定的信息来源，它包含您存储的数据的基本字段和行为吗？

        模型是关于数据的唯一、确定的信息来源。它包含您存储的数据的基本字段和行为。通常，每个模型映射到一个数据库表。

        ### 2. 모델은 무엇입니까? 모델은 데이터에 대한 단일하고 확실한 정보 소스입니까?

        모델은 데이터에 대한 단일하고 확실한 정보 소스입니다. 저장하는 데이터의 필수 필드와 동작을 포함합니다.

        ### 3. Ｗｈａｔ　ｉｓ　ａ　ｆｕｌｌｗｉｄｔｈ　ｍｏｄｅｌ　🐍🚀🎉👩‍💻👍🏽🇫🇷❤️🙂🐍🚀🎉？

        Ｄｊａｎｇｏ　ｍｏｄｅｌｓ 🐍 🚀 🎉 👩‍💻 👍🏽 🇫🇷 ❤️ 🙂 🐍 🚀 🎉 👩‍💻 👍🏽 🇫🇷 ❤️ 🙂 モデルは、データに関する唯一かつ決定的な情報源です。

        """

    @Test(arguments: [["show", "1"], ["show", "2"], ["show", "3"], ["list"]])
    func linesFitFortyColumns(arguments: [String]) throws {
        let folder = TutorProcess.newScratchFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("wide.md")
        try Data(Self.corpus.utf8).write(to: url)
        let outcome = try TutorProcess.run(arguments + ["--corpus", url.path], environment: ["COLUMNS": "40"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for line in outcome.stdout.split(separator: "\n") {
            #expect(TextStyle.visibleWidth(String(line)) <= 40, "\(TextStyle.visibleWidth(String(line))) columns: \(line)")
        }
    }
}
