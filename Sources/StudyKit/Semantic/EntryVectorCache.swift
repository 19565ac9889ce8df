import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Entry vectors of corpora other than the built-in one, computed once and kept as files named by
/// a fingerprint of everything they depend on (the passages' text and the model), so an edited
/// corpus or another model never reads stale vectors. The file's own header says the same, with a
/// checksum over the rest (`EntryVectorCacheFile`): a file that fails any check is refused and
/// computed again.
///
/// The directory and its files are the user's alone (0700, 0600), as the progress database is. A
/// file is written under a temporary name and renamed, so a reader never sees half of one; a
/// temporary left by a write that was killed is removed by the next write, and only the
/// `keptFiles` most recently used files are kept (each edit of a corpus leaves one).
public struct EntryVectorCache: Sendable {
    public let directory: URL

    /// The files kept: a few corpora, or a few versions of one being edited.
    public static let keptFiles = 8
    /// A temporary file older than this is left from a write that never finished: a write takes
    /// well under a second once the vectors are computed.
    static let staleAge: TimeInterval = 600

    public init(directory: URL) {
        self.directory = directory
    }

    /// What a look in the cache found.
    public enum Lookup: Equatable, Sendable {
        case hit(EntryVectors)
        /// No file yet: the vectors are computed and stored, without a word.
        case miss
        /// A file that cannot be read or was refused, in a sentence that names it and says what
        /// is wrong; the vectors are computed again.
        case refused(String)
    }

    /// The cached vectors for `corpus`, or nil when there are none or the file was refused.
    public func cached(for corpus: Corpus, phrasings: Phrasings, embedder: any TextEmbedder) -> EntryVectors? {
        if case .hit(let vectors) = lookup(for: corpus, phrasings: phrasings, embedder: embedder) { return vectors }
        return nil
    }

    public func lookup(for corpus: Corpus, phrasings: Phrasings, embedder: any TextEmbedder) -> Lookup {
        let path = file(for: corpus, phrasings: phrasings, embedder: embedder).path
        // Non-blocking, so that a FIFO put in the file's place cannot hang the start.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let error = errno
            return error == ENOENT ? .miss : .refused(problem(error, reading: path))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .refused(problem(errno, reading: path)) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .refused("\(path): not a regular file; the entry vectors are computed again")
        }
        let key = EntryVectorCacheFile.Key(corpus: corpus, phrasings: phrasings, modelIdentifier: embedder.modelIdentifier)
        do throws(EntryVectorCacheFile.Refusal) {
            let size = Int(status.st_size)
            guard size >= EntryVectorCacheFile.headerSize else {
                throw EntryVectorCacheFile.Refusal(description: "the file is \(size) bytes, shorter than a header")
            }
            // The header first: the size it promises is checked before the rest is read.
            guard let header = readExactly(EntryVectorCacheFile.headerSize, from: descriptor) else {
                return .refused(problem(errno, reading: path))
            }
            let payload = try EntryVectorCacheFile.payload(described: header, for: key, fileSize: size)
            guard let data = readExactly(payload.count, from: descriptor) else { return .refused(problem(errno, reading: path)) }
            let vectors = try EntryVectorCacheFile.vectors(
                data, checksum: payload.checksum, entryCount: corpus.entries.count, dimension: embedder.dimension)
            // Marked as used: eviction keeps the most recently used files.
            _ = futimens(descriptor, nil)
            return .hit(vectors)
        } catch {
            return .refused("\(path): refused (\(error)); the entry vectors are computed again")
        }
    }

    /// Why a cache file could not be read or written, in words that say what to do.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Stores `vectors`, then removes temporaries left by killed writes and the files used least
    /// recently past `keptFiles`. A cache that cannot be written only costs the next start its
    /// time, so the caller may only warn.
    public func store(_ vectors: EntryVectors, for corpus: Corpus, phrasings: Phrasings, embedder: any TextEmbedder) throws(Failure) {
        do {
            try AppDirectories.create(directory)
        } catch {
            throw Failure(description: "cannot create \(directory.path) (\(SystemError.reason(error)))")
        }
        makePrivate(directory.path)
        let target = file(for: corpus, phrasings: phrasings, embedder: embedder)
        let key = EntryVectorCacheFile.Key(corpus: corpus, phrasings: phrasings, modelIdentifier: embedder.modelIdentifier)
        let bytes = EntryVectorCacheFile.encode(vectors, for: key)
        let temporary = directory.appendingPathComponent(
            "\(Self.temporaryPrefix)\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        ).path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure(description: problem(errno, writing: directory.path)) }
        let written = bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
        let writeError = errno
        close(descriptor)
        guard written else {
            unlink(temporary)
            throw Failure(description: problem(writeError, writing: directory.path))
        }
        guard rename(temporary, target.path) == 0 else {
            let error = errno
            unlink(temporary)
            throw Failure(description: problem(error, writing: directory.path))
        }
        tidy(keeping: target.lastPathComponent)
    }

    /// What a temporary file's name starts with: ours, and Foundation's atomic write's (which
    /// earlier versions used).
    static let temporaryPrefix = ".tmp."
    static let foundationTemporaryPrefix = ".dat.nosync"

    /// Removes temporaries older than `staleAge` and the cache files past the `keptFiles` most
    /// recently used (never `kept`, the file just written). Failures cost only disk space.
    func tidy(keeping kept: String, now: Date = Date()) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else { return }
        func modified(_ name: String) -> Date? {
            (try? manager.attributesOfItem(atPath: directory.appendingPathComponent(name).path))?[.modificationDate] as? Date
        }
        for name in names where name.hasPrefix(Self.temporaryPrefix) || name.hasPrefix(Self.foundationTemporaryPrefix) {
            if let date = modified(name), now.timeIntervalSince(date) > Self.staleAge {
                try? manager.removeItem(at: directory.appendingPathComponent(name))
            }
        }
        let files = names.filter { $0.hasSuffix(".vectors") && $0 != kept }.compactMap { name in modified(name).map { (name, $0) } }
        for (name, _) in files.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.keptFiles - 1) {
            try? manager.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// Takes group and others' permissions away from a directory that has them (one an earlier
    /// version created); never adds any.
    private func makePrivate(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & 0o077 != 0, status.st_uid == getuid() else { return }
        _ = chmod(path, status.st_mode & 0o700)
    }

    func problem(_ error: Int32, reading path: String) -> String {
        guard error != 0 else { return "cannot read \(path) (it ended early); the entry vectors are computed again" }
        guard error == EACCES || error == EPERM else {
            return "cannot read \(path) (\(String(cString: strerror(error)))); the entry vectors are computed again"
        }
        return "cannot read \(path): permission denied; \(advice)"
    }

    func problem(_ error: Int32, writing path: String) -> String {
        guard error == EACCES || error == EPERM else {
            return "cannot write in \(path) (\(String(cString: strerror(error))))"
        }
        return "cannot write in \(path): permission denied; \(advice)"
    }

    private var advice: String {
        "give yourself access to it (chmod -R u+rwX \(directory.path)), or remove it"
    }

    func file(for corpus: Corpus, phrasings: Phrasings, embedder: any TextEmbedder) -> URL {
        directory.appendingPathComponent(
            EntryVectors.fingerprint(of: corpus, phrasings: phrasings, modelIdentifier: embedder.modelIdentifier) + ".vectors")
    }
}

/// Reads `count` bytes, or nil (with `errno` set, or 0 at an early end of file).
private func readExactly(_ count: Int, from descriptor: Int32) -> Data? {
    var data = Data(count: count)
    let complete = data.withUnsafeMutableBytes { buffer -> Bool in
        var done = 0
        while done < count {
            let got = read(descriptor, buffer.baseAddress! + done, count - done)
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                if got == 0 { errno = 0 }
                return false
            }
            done += got
        }
        return true
    }
    return complete ? data : nil
}

private func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
    var done = 0
    while done < bytes.count {
        let wrote = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
        if wrote < 0 && errno == EINTR { continue }
        guard wrote > 0 else { return false }
        done += wrote
    }
    return true
}

extension EntryVectors {
    /// A 64-bit FNV-1a hash, in hex, of the model, the passage scheme, every entry's question,
    /// answer and phrasings, and the questions the corpus does not answer: what the vectors are a
    /// function of. Hashing the texts rather than the passages themselves keeps start-up quick;
    /// `passageScheme` names the way passages are cut.
    public static func fingerprint(of corpus: Corpus, phrasings: Phrasings, modelIdentifier: String) -> String {
        var hasher = TextHasher()
        hasher.mix(modelIdentifier)
        hasher.mix(passageScheme)
        hasher.mix(corpus, phrasings)
        return String(hasher.hash, radix: 16)
    }

    /// The same hash of the texts alone: what a cache file's header says it was computed for.
    static func textFingerprint(of corpus: Corpus, phrasings: Phrasings) -> UInt64 {
        var hasher = TextHasher()
        hasher.mix(corpus, phrasings)
        return hasher.hash
    }
}

/// FNV-1a over texts, a zero byte between them.
private struct TextHasher {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func mix(_ text: String) {
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        hash = hash &* 0x0000_0100_0000_01b3  // a zero byte between texts
    }

    /// Every entry's question, answer and phrasings, and the questions not covered.
    mutating func mix(_ corpus: Corpus, _ phrasings: Phrasings) {
        for entry in corpus.entries {
            mix(entry.question)
            mix(entry.answer)
            // Counted, so that no text can move between two lists unnoticed.
            let ownPhrasings = phrasings.of(entry: entry.id)
            mix("\(ownPhrasings.count) phrasings")
            for phrasing in ownPhrasings { mix(phrasing) }
        }
        mix("\(phrasings.uncovered.count) questions not covered")
        for question in phrasings.uncovered { mix(question) }
    }
}
