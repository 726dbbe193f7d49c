// bundle_data.h — the table cmake/embed.cmake generates: one gzip member per bundled file.
#pragma once
#include <cstddef>

namespace clausier::bundle_detail {

struct Entry {
    const char* path;
    const char* gzip;        // the file's bytes, gzip-compressed
    std::size_t gzip_size;
    std::size_t size;        // once decompressed
};

extern const Entry kEntries[];
extern const std::size_t kEntryCount;

}  // namespace clausier::bundle_detail
