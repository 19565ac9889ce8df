import Foundation

/// Why a model file could not be used. Each case names the file and says what is wrong with it.
public enum SentenceEncoderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bundled model is neither beside the executable nor in the source checkout.
    case bundledModelMissing
    case fileMissing(URL)
    case unreadable(URL, reason: String)
    /// The file does not start with the model file's magic bytes.
    case notAModelFile(URL)
    case unsupportedVersion(URL, found: UInt32, supported: UInt32)
    /// The file has the right magic and version but its contents do not add up (truncated, a tensor
    /// of the wrong shape, an implausible header, a broken vocabulary).
    case corrupt(URL, reason: String)

    public var description: String {
        switch self {
        case .bundledModelMissing:
            "the sentence encoder's model file (all-MiniLM-L6-v2.encoder) is neither beside the executable nor in the source checkout; rebuild the package or set DJANGO_TUTOR_MODEL to the file"
        case .fileMissing(let url):
            "\(url.path): no such model file"
        case .unreadable(let url, let reason):
            "\(url.path): cannot read the model file: \(reason)"
        case .notAModelFile(let url):
            "\(url.path): not a sentence encoder model file (wrong magic bytes); write one with scripts/convert-encoder-model"
        case .unsupportedVersion(let url, let found, let supported):
            "\(url.path): model file version \(found), but this build reads version \(supported); rerun scripts/convert-encoder-model"
        case .corrupt(let url, let reason):
            "\(url.path): corrupt model file: \(reason)"
        }
    }
}
