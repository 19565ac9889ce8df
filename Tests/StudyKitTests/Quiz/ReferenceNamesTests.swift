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
