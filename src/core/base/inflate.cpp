// inflate.cpp — deflate decoding (RFC 1951): canonical Huffman codes decoded through a 9-bit lookup table,
// with a bit-by-bit fallback for the longer codes. Every read and every back-reference is bounds-checked, so
// corrupt input ends with an error, never out of range.
#include "base/inflate.h"
#include "export/zip.h"
#include <algorithm>
#include <cstdint>
#include <cstring>

namespace clausier {
namespace {

constexpr int kMaxBits = 15;
constexpr int kFastBits = 9;

struct Failure {
    const char* message;
};

struct BitReader {
    const unsigned char* data;
    std::size_t size, pos = 0;
    uint64_t buf = 0;
    int count = 0;

    void refill() {
        while (count <= 56 && pos < size) {
            buf |= uint64_t(data[pos++]) << count;
            count += 8;
        }
    }
    uint32_t peek(int n) {
        if (count < n) refill();
        return uint32_t(buf & ((uint64_t(1) << n) - 1));
    }
    void drop(int n) {
        if (count < n) throw Failure{"données compressées tronquées"};
        buf >>= n;
        count -= n;
    }
    uint32_t bits(int n) {
        const uint32_t v = peek(n);
        drop(n);
        return v;
    }
    // Drops the bits left in the current byte and gives back the whole bytes already buffered.
    void align_to_byte() {
        drop(count % 8);
        pos -= std::size_t(count / 8);
        buf = 0;
        count = 0;
    }
    std::size_t consumed() const { return pos - std::size_t(count / 8); }
};

struct Huffman {
    uint16_t count[kMaxBits + 1] = {};
    uint16_t symbol[288] = {};
    uint16_t fast[1 << kFastBits] = {};   // (length << 9) | symbol, 0 when the code is longer than kFastBits

    void build(const uint8_t* lengths, int n) {
        std::memset(count, 0, sizeof count);
        std::memset(fast, 0, sizeof fast);
        for (int s = 0; s < n; ++s) count[lengths[s]]++;
        count[0] = 0;
        int left = 1;
        for (int len = 1; len <= kMaxBits; ++len) {
            left = left * 2 - count[len];
            if (left < 0) throw Failure{"table de Huffman invalide"};
        }
        uint16_t offsets[kMaxBits + 2] = {};
        for (int len = 1; len <= kMaxBits; ++len) offsets[len + 1] = uint16_t(offsets[len] + count[len]);
        for (int s = 0; s < n; ++s)
            if (lengths[s]) symbol[offsets[lengths[s]]++] = uint16_t(s);
        // Canonical codes, bit-reversed because deflate packs them from the most significant bit.
        uint32_t code = 0;
        int index = 0;
        for (int len = 1; len <= kFastBits; ++len) {
            for (int i = 0; i < count[len]; ++i, ++code, ++index) {
                uint32_t reversed = 0;
                for (int b = 0; b < len; ++b) reversed |= ((code >> b) & 1u) << (len - 1 - b);
                for (uint32_t fill = reversed; fill < (1u << kFastBits); fill += 1u << len)
                    fast[fill] = uint16_t((len << 9) | symbol[index]);
            }
            code <<= 1;
        }
    }

    int decode(BitReader& in) const {
        const uint16_t entry = fast[in.peek(kFastBits)];
        if (entry) {
            in.drop(entry >> 9);
            return entry & 0x1FF;
        }
        int code = 0, first = 0, index = 0;
        for (int len = 1; len <= kMaxBits; ++len) {
            code |= int(in.bits(1));
            const int n = count[len];
            if (code - n < first) return symbol[index + (code - first)];
            index += n;
            first = (first + n) << 1;
            code <<= 1;
        }
        throw Failure{"code de Huffman inconnu"};
    }
};

constexpr uint16_t kLengthBase[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                      35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr uint16_t kDistBase[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                    1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr uint8_t kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

struct Output {
    std::string& s;
    std::size_t size = 0, max;

    void reserve_more(std::size_t n) {
        if (n > max - size) throw Failure{"données décompressées trop volumineuses"};
        if (size + n > s.size()) s.resize(std::max<std::size_t>(size + n, std::min(max, s.size() * 2 + 4096)));
    }
    void put(char c) {
        reserve_more(1);
        s[size++] = c;
    }
    void copy_back(std::size_t dist, std::size_t len) {
        if (dist > size) throw Failure{"référence arrière hors des données"};
        reserve_more(len);
        char* p = &s[0];
        for (std::size_t i = 0; i < len; ++i, ++size) p[size] = p[size - dist];
    }
};

void stored_block(BitReader& in, Output& out) {
    in.align_to_byte();
    if (in.size - in.pos < 4) throw Failure{"données compressées tronquées"};
    const unsigned char* p = in.data + in.pos;
    const std::size_t len = p[0] | (p[1] << 8), nlen = p[2] | (p[3] << 8);
    if (len != (~nlen & 0xFFFF)) throw Failure{"bloc non compressé invalide"};
    in.pos += 4;
    if (in.size - in.pos < len) throw Failure{"données compressées tronquées"};
    out.reserve_more(len);
    std::memcpy(&out.s[out.size], in.data + in.pos, len);
    out.size += len;
    in.pos += len;
}

void fixed_tables(Huffman& lit, Huffman& dist) {
    uint8_t lengths[288];
    for (int s = 0; s < 288; ++s) lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
    lit.build(lengths, 288);
    for (int s = 0; s < 30; ++s) lengths[s] = 5;
    dist.build(lengths, 30);
}

void dynamic_tables(BitReader& in, Huffman& lit, Huffman& dist) {
    const int nlit = int(in.bits(5)) + 257, ndist = int(in.bits(5)) + 1, ncode = int(in.bits(4)) + 4;
    if (nlit > 286 || ndist > 30) throw Failure{"en-tête de bloc invalide"};
    static constexpr uint8_t kOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    uint8_t lengths[286 + 30] = {};
    for (int i = 0; i < ncode; ++i) lengths[kOrder[i]] = uint8_t(in.bits(3));
    Huffman code_lengths;
    code_lengths.build(lengths, 19);
    int i = 0;
    while (i < nlit + ndist) {
        const int sym = code_lengths.decode(in);
        if (sym < 16) { lengths[i++] = uint8_t(sym); continue; }
        int repeat = 0;
        uint8_t value = 0;
        if (sym == 16) {
            if (i == 0) throw Failure{"répétition sans longueur précédente"};
            value = lengths[i - 1];
            repeat = 3 + int(in.bits(2));
        } else if (sym == 17) {
            repeat = 3 + int(in.bits(3));
        } else {
            repeat = 11 + int(in.bits(7));
        }
        if (i + repeat > nlit + ndist) throw Failure{"trop de longueurs de code"};
        while (repeat--) lengths[i++] = value;
    }
    if (lengths[256] == 0) throw Failure{"code de fin de bloc absent"};
    lit.build(lengths, nlit);
    dist.build(lengths + nlit, ndist);
}

void compressed_block(BitReader& in, Output& out, const Huffman& lit, const Huffman& dist) {
    for (;;) {
        const int sym = lit.decode(in);
        if (sym < 256) { out.put(char(sym)); continue; }
        if (sym == 256) return;
        const int l = sym - 257;
        if (l >= 29) throw Failure{"longueur invalide"};
        const std::size_t len = kLengthBase[l] + in.bits(kLengthExtra[l]);
        const int d = dist.decode(in);
        if (d >= 30) throw Failure{"distance invalide"};
        out.copy_back(kDistBase[d] + in.bits(kDistExtra[d]), len);
    }
}

}  // namespace

bool inflate_raw(std::string_view in, std::string& out, std::string& error, std::size_t max_out, std::size_t* consumed) {
    BitReader reader{reinterpret_cast<const unsigned char*>(in.data()), in.size()};
    out.clear();
    Output o{out, 0, max_out};
    try {
        Huffman lit, dist;
        bool last = false;
        while (!last) {
            last = reader.bits(1) != 0;
            switch (reader.bits(2)) {
                case 0: stored_block(reader, o); break;
                case 1: fixed_tables(lit, dist); compressed_block(reader, o, lit, dist); break;
                case 2: dynamic_tables(reader, lit, dist); compressed_block(reader, o, lit, dist); break;
                default: throw Failure{"type de bloc invalide"};
            }
        }
    } catch (const Failure& f) {
        out.clear();
        error = std::string("Décompression impossible : ") + f.message + ".";
        return false;
    }
    out.resize(o.size);
    if (consumed) *consumed = reader.consumed();
    return true;
}

bool gunzip(std::string_view in, std::string& out, std::string& error, std::size_t max_out) {
    const auto byte = [&](std::size_t i) { return unsigned(static_cast<unsigned char>(in[i])); };
    const auto le32 = [&](std::size_t i) { return byte(i) | byte(i + 1) << 8 | byte(i + 2) << 16 | uint32_t(byte(i + 3)) << 24; };
    const auto fail = [&](const char* what) {
        out.clear();
        error = std::string("Décompression impossible : ") + what + ".";
        return false;
    };
    if (in.size() < 18 || byte(0) != 0x1F || byte(1) != 0x8B || byte(2) != 8) return fail("ce n'est pas un fichier gzip");
    const unsigned flags = byte(3);
    std::size_t at = 10;
    if (flags & 4) {   // extra field
        if (in.size() < at + 2) return fail("en-tête gzip tronqué");
        at += 2 + (byte(at) | byte(at + 1) << 8);
    }
    for (unsigned flag : {8u, 16u}) {   // file name, comment: zero-terminated
        if (!(flags & flag)) continue;
        while (at < in.size() && in[at] != '\0') ++at;
        ++at;
    }
    if (flags & 2) at += 2;   // header CRC
    if (at + 8 > in.size()) return fail("en-tête gzip tronqué");
    std::size_t used = 0;
    if (!inflate_raw(in.substr(at, in.size() - at - 8), out, error, max_out, &used)) return false;
    const std::size_t trailer = at + used;
    if (trailer + 8 > in.size()) return fail("fin de fichier gzip tronquée");
    if (le32(trailer) != crc32(out)) return fail("somme de contrôle CRC-32 fausse");
    if (le32(trailer + 4) != uint32_t(out.size())) return fail("longueur des données fausse");
    return true;
}

}  // namespace clausier
