// inflate.h — a small decoder for the deflate format (RFC 1951) and its gzip wrapper (RFC 1952). The bundled
// data files are stored gzip-compressed (cmake/embed.cmake) and decoded on first use (bundle.cpp); nothing else
// in the program needs a general-purpose decompressor, so this is the whole of it.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace clausier {

// Decodes a raw deflate stream into `out`. On corrupt or truncated input, or when the output would exceed
// `max_out` bytes, returns false with a French message in `error`. `consumed` (if given) receives the number
// of input bytes the stream used.
bool inflate_raw(std::string_view in, std::string& out, std::string& error, std::size_t max_out = 256u << 20,
                 std::size_t* consumed = nullptr);

// Decodes a single-member gzip file, checking its CRC-32 (zip.h) and length.
bool gunzip(std::string_view in, std::string& out, std::string& error, std::size_t max_out = 256u << 20);

}  // namespace clausier
