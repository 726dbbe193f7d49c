// The deflate/gzip decoder behind the compressed bundle: known streams of every block type, and corrupt,
// truncated or oversized input refused with a French message instead of a crash.
#include "base/inflate.h"
#include "export/zip.h"
#include <catch2/catch.hpp>

using namespace clausier;

namespace {

std::string unhex(std::string_view hex) {
    std::string out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(char(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
    return out;
}

// Produced by zlib (raw deflate, level 9): a dynamic-Huffman block of French text and 100,000 zero bytes.
const std::string kFrench = unhex(
    "dd8db10d8330144457b9266d1429252bb0c4071fc6d2c7528c4dcd1a74b49ee36f924962af91eeeede936e2472c845252462ff9e17"
    "a3174fd88d64d5953e3be2fdc203ca1dceeabc32b7d0dd6d12d5ae0fd0d6a5239684c36a0a4b20e6553e859018adf289f18fdf7e");
const std::string kFrenchText =
    "Le titulaire s’engage à réduire de 30 % les déchets d’emballage ; l’acheteur vérifie chaque année. "
    "Le titulaire s’engage à réduire de 30 % les déchets d’emballage ; l’acheteur vérifie chaque année. "
    "Le titulaire s’engage à réduire de 30 % les déchets d’emballage ; l’acheteur vérifie chaque année. ";
const std::string kZeros = unhex(
    "edc13101000000c2a0f54f6d0d0fa000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00000000000000805703");
// From gzip (fixed-Huffman block, with a file timestamp): "hello hello hello\n".
const std::string kHelloGz = unhex("1f8b0800a17d026b0203cb48cdc9c957c840905c003b7c8adf1200000000");

}  // namespace

TEST_CASE("Inflate decodes stored, fixed and dynamic blocks", "[inflate]") {
    std::string out, error;
    REQUIRE(inflate_raw(kFrench, out, error));
    CHECK(out == kFrenchText);

    REQUIRE(inflate_raw(kZeros, out, error));
    CHECK(out == std::string(100000, '\0'));

    // Hand-made fixed-Huffman block: 'a', then a copy of length 3 at distance 1 (overlapping).
    REQUIRE(inflate_raw(unhex("4b040200"), out, error));
    CHECK(out == "aaaa");

    // A final stored block holding "hello", then an empty stored block is not needed.
    REQUIRE(inflate_raw(std::string("\x01\x05\x00\xfa\xff", 5) + "hello", out, error));
    CHECK(out == "hello");

    std::size_t used = 0;
    REQUIRE(inflate_raw(kFrench + "trailing bytes", out, error, 1 << 20, &used));
    CHECK(used == kFrench.size());
}

TEST_CASE("Gunzip checks the header, the CRC and the length", "[inflate]") {
    std::string out, error;
    REQUIRE(gunzip(kHelloGz, out, error));
    CHECK(out == "hello hello hello\n");

    std::string bad_crc = kHelloGz;
    bad_crc[bad_crc.size() - 8] ^= 1;
    CHECK_FALSE(gunzip(bad_crc, out, error));
    CHECK(error.find("CRC-32") != std::string::npos);
    CHECK(out.empty());

    std::string bad_len = kHelloGz;
    bad_len[bad_len.size() - 4] ^= 1;
    CHECK_FALSE(gunzip(bad_len, out, error));
    CHECK(error.find("longueur") != std::string::npos);

    CHECK_FALSE(gunzip("not a gzip file at all", out, error));
    CHECK(error.find("gzip") != std::string::npos);
}

TEST_CASE("Inflate refuses corrupt, truncated and oversized streams", "[inflate]") {
    std::string out, error;
    CHECK_FALSE(inflate_raw(unhex("07"), out, error));                 // block type 3
    CHECK(error.rfind("Décompression impossible", 0) == 0);
    CHECK_FALSE(inflate_raw(unhex("4b044200"), out, error));           // distance 2 after one byte
    CHECK(error.find("référence arrière") != std::string::npos);
    CHECK_FALSE(inflate_raw(std::string("\x01\x05\x00\xfa\xfe", 5) + "hello", out, error));   // LEN/NLEN mismatch
    CHECK_FALSE(inflate_raw(std::string("\x01\x05\x00\xfa\xff", 5) + "hel", out, error));     // stored data cut
    CHECK_FALSE(inflate_raw("", out, error));
    CHECK_FALSE(inflate_raw(kZeros, out, error, 1000));                // a small stream that expands too much
    CHECK(error.find("volumineuses") != std::string::npos);

    for (size_t cut = 0; cut < kFrench.size(); ++cut) {
        INFO("cut at " << cut);
        CHECK_FALSE(inflate_raw(kFrench.substr(0, cut), out, error));
    }
    // Every single-byte corruption either fails cleanly or decodes to something; it never reads out of bounds.
    int refused = 0;
    for (size_t i = 0; i < kFrench.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            std::string s = kFrench;
            s[i] = char(s[i] ^ (1 << bit));
            if (!inflate_raw(s, out, error, 1 << 16)) ++refused;
            else CHECK(out.size() <= (1u << 16));
        }
    CHECK(refused > 0);
}
