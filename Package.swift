// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "django-tutor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "django-tutor", targets: ["django-tutor"]),
        .library(name: "StudyKit", targets: ["StudyKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(
            name: "StudyKit",
            dependencies: ["SentenceEmbedding", "COpenBLAS", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(
            name: "SentenceEmbedding",
            dependencies: ["COpenBLAS"],
            resources: [.copy("Resources/all-MiniLM-L6-v2.encoder")],
            // Optimised in debug builds too: the tests encode hundreds of evaluation queries, which
            // unoptimised code makes twenty times slower.
            swiftSettings: [.unsafeFlags(["-O"])]
        ),
        .executableTarget(
            name: "encoder-bench",
            dependencies: ["SentenceEmbedding"]
        ),
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .executableTarget(
            name: "django-tutor",
            dependencies: [
                "StudyKit",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "StudyKitTests",
            dependencies: ["StudyKit"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SentenceEmbeddingTests",
            dependencies: ["SentenceEmbedding"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["StudyKit"]
        ),
    ]
)

// libFuzzer targets (`Fuzz/`), declared only for `scripts/fuzz`, which builds them with
// `-sanitize=fuzzer`: their `main` hands over to libFuzzer's driver, which no other build links.
if Context.environment["DJANGO_TUTOR_FUZZ"] != nil {
    package.targets.append(.systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"))
    let fuzzTargets = [
        "CorpusParserFuzz", "GlossaryFuzz", "PhrasingsFuzz", "RubricFuzz", "EntryVectorsFuzz", "LexicalIndexFuzz", "QueryFuzz", "GraderFuzz",
        "RendererFuzz", "ReferenceNamesFuzz",
    ]
    for name in fuzzTargets {
        package.targets.append(.executableTarget(name: name, dependencies: ["StudyKit", "CLibFuzzer"], path: "Fuzz/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
