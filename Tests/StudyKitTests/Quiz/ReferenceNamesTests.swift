import Foundation
import Testing

@testable import StudyKit

@Suite("Reference names")
struct ReferenceNamesTests {
    @Test func documentedNamesPass() {
        let answer = """
            python manage.py startapp blog, then manage.py makemigrations and django-admin startproject mysite .; \
            {% for book in books %}{{ book.title|lower }}{% endfor %} {% load static %} \
            from django.db.models import Q; django.contrib.auth.models.User; manage.py shell_plus
            """
        #expect(ReferenceNames.django.unknownNames(in: answer) == [])
    }

    @Test func inventedNamesAreSaidOnceEach() {
        let answer = "manage.py startmodel; manage.py startmodel; {% foreach x in xs %} {{ x|capitalize }} import django.contrib.rest"
        #expect(
            ReferenceNames.django.unknownNames(in: answer) == [
                "`manage.py startmodel` is not a Django command", "`{% foreach %}` is not a Django template tag",
                "`|capitalize` is not a Django template filter", "`django.contrib.rest` is not a Django module",
            ])
    }

    @Test func proseAfterTheToolIsNoCommand() {
        #expect(ReferenceNames.django.unknownNames(in: "you use manage.py to run it, and django-admin in the terminal") == [])
    }
}

@Suite("A library's documented names")
struct LibraryNamesTests {
    static let names = try! ReferenceNamesParser().parse(
        """
        # Python

        Prose about where the names come from.

        ## Modules
        os
        os.path
        sys

        ## Types
        str

        ## Members
        os.remove
        os.path.join
        sys.stdout
        str.join

        ## Special names
        __init__
        __eq__
        """, source: "python.names.md")

    @Test func theFileGivesItsLists() {
        #expect(Self.names.library == "Python")
        #expect(Self.names.modules == ["os", "os.path", "sys"])
        #expect(Self.names.types == ["str"])
        #expect(Self.names.members == ["os.remove", "os.path.join", "sys.stdout", "str.join"])
        #expect(Self.names.specialNames == ["__init__", "__eq__"])
    }

    @Test func documentedNamesPass() {
        let answer = "Call os.remove(path) or os.path.join(a, b); \", \".join(parts) is str.join; define __eq__ and __init__."
        #expect(Self.names.unknownNames(in: answer) == [])
    }

    @Test func anUndocumentedMemberOfAModuleOrTypeIsNamed() {
        #expect(
            Self.names.unknownNames(in: "Use os.delete(path), or os.path.joinpath(a, b); str.hex(144) gives hex; decorate with @os.memoize.") == [
                "`os.delete` is not in Python's documentation of `os`", "`os.path.joinpath` is not in Python's documentation of `os.path`",
                "`str.hex` is not in Python's documentation of `str`", "`os.memoize` is not in Python's documentation of `os`",
            ])
    }

    @Test func anUndocumentedSpecialNameIsNamed() {
        #expect(Self.names.unknownNames(in: "Set __circular__ = True in the module.") == ["`__circular__` is not a special name Python's documentation knows"])
    }

    /// A learner's variables and their own classes' methods, an object's attributes, file names
    /// and addresses are not the library's names.
    @Test func namesALearnerChoosesAreNotChecked() {
        let answer = """
            lst.totuple() on my own class; sys.stdout.close(); edit math.py or see www.python.org, docs.python.org/3/ \
            and python-list@python.org; x.y.z
            """
        #expect(Self.names.unknownNames(in: answer) == [])
    }

    @Test func aDjangoCorpusKeepsItsOwnChecks() {
        #expect(ReferenceNames.django.unknownNames(in: "os.delete(path); __circular__") == [])
    }
}

@Suite("Documented names file")
struct ReferenceNamesParserTests {
    static func error(_ text: String) -> CorpusError? {
        do {
            _ = try ReferenceNamesParser().parse(text, source: "x.names.md")
            return nil
        } catch {
            return error
        }
    }

    @Test func aNameThatIsNoIdentifierIsReportedWithItsLine() {
        let error = Self.error("# Python\n\n## Members\nos.remove\nos..remove\n")
        #expect(error?.line == 5)
        #expect(error?.kind == .malformedNames)
        #expect(error?.description.hasPrefix("x.names.md:5: `os..remove` is not a name.") == true)
    }

    @Test func anUnknownListIsReportedWithItsLine() {
        #expect(Self.error("# Python\n## Functions\nlen\n")?.line == 2)
    }

    @Test func aSpecialNameNeedsItsUnderscores() {
        #expect(Self.error("# Python\n## Special names\n__init\n")?.line == 3)
        #expect(Self.error("# Python\n## Special names\n____\n")?.line == 3)
    }

    @Test func theTitleComesFirst() {
        #expect(Self.error("os\n# Python\n")?.line == 1)
        #expect(Self.error("")?.line == nil)
        #expect(Self.error("## Modules\nos\n")?.line == 1)
    }

    @Test func thePythonFAQsNamesAreRead() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Evaluation/python-faq/python-faq.md").standardized
        let names = try #require(try ReferenceNamesParser().parseCompanion(ofCorpusAt: corpus))
        #expect(names.library == "Python")
        #expect(names.members.isSuperset(of: ["os.remove", "list.append", "str.join", "os.path.join", "collections.OrderedDict"]))
        #expect(names.specialNames.isSuperset(of: ["__init__", "__eq__", "__pycache__"]))
        #expect(names.unknownNames(in: "os.delete(path)") == ["`os.delete` is not in Python's documentation of `os`"])
    }
}
