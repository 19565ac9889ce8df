"""The model file's checksum, as SentenceEmbedding's ModelFile checks it (Sources/SentenceEmbedding/XXHash64.swift).

XXH64 in plain Python (no package needed): the checksum is XXH64 of every byte after the 64-byte header,
seeded with XXH64 of the header's first 48 bytes (magic, version, dimensions, epsilon); it is stored as
u64 little-endian at byte 48, and bytes 56..63 are zero. `seal(path)` marks a file version 2 and stores its
checksum; scripts/convert-encoder-model calls it after writing, and `python3 scripts/lib/encoder_checksum.py
FILE` seals an existing file.
"""
import struct
import sys

MASK = (1 << 64) - 1
P1, P2, P3, P4, P5 = (0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x85EBCA77C2B2AE63,
                      0x27D4EB2F165667C5)
VERSION, HEADER, SEALED = 2, 64, 48


def _rotl(value, bits):
    return ((value << bits) | (value >> (64 - bits))) & MASK


def _round(accumulator, word):
    return (_rotl((accumulator + word * P2) & MASK, 31) * P1) & MASK


def xxh64(data, seed=0):
    data = memoryview(data)
    count, offset = len(data), 0
    if count >= 32:
        lanes = [(seed + P1 + P2) & MASK, (seed + P2) & MASK, seed, (seed - P1) & MASK]
        stripes = count // 32
        words = struct.unpack_from(f"<{4 * stripes}Q", data)
        a, b, c, d = lanes
        for index in range(0, 4 * stripes, 4):
            a = _round(a, words[index])
            b = _round(b, words[index + 1])
            c = _round(c, words[index + 2])
            d = _round(d, words[index + 3])
        offset = 32 * stripes
        h = (_rotl(a, 1) + _rotl(b, 7) + _rotl(c, 12) + _rotl(d, 18)) & MASK
        for lane in (a, b, c, d):
            h = (((h ^ _round(0, lane)) * P1) + P4) & MASK
    else:
        h = (seed + P5) & MASK
    h = (h + count) & MASK
    while offset + 8 <= count:
        h ^= _round(0, struct.unpack_from("<Q", data, offset)[0])
        h = (_rotl(h, 27) * P1 + P4) & MASK
        offset += 8
    if offset + 4 <= count:
        h ^= (struct.unpack_from("<I", data, offset)[0] * P1) & MASK
        h = (_rotl(h, 23) * P2 + P3) & MASK
        offset += 4
    while offset < count:
        h ^= (data[offset] * P5) & MASK
        h = (_rotl(h, 11) * P1) & MASK
        offset += 1
    h ^= h >> 33
    h = (h * P2) & MASK
    h ^= h >> 29
    h = (h * P3) & MASK
    return h ^ (h >> 32)


def checksum(data):
    return xxh64(memoryview(data)[HEADER:], seed=xxh64(memoryview(data)[:SEALED]))


def seal(path):
    with open(path, "r+b") as file:
        data = bytearray(file.read())
        assert data[:8] == b"MINILMEN" and len(data) >= HEADER, f"{path}: not a model file"
        struct.pack_into("<I", data, 8, VERSION)
        struct.pack_into("<QQ", data, SEALED, 0, 0)
        struct.pack_into("<Q", data, SEALED, checksum(data))
        file.seek(0)
        file.write(data[:HEADER])


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        seal(argument)
        print(f"sealed {argument}")
