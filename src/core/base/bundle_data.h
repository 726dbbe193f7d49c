// bundle_data.h — the table cmake/embed.cmake generates: every bundled file's bytes, as in the repository.
#pragma once
#include <cstddef>

namespace clausier::bundle_detail {

struct Entry {
    const char* path;
    const char* data;   // the file's bytes
    std::size_t size;
};

extern const Entry kEntries[];
extern const std::size_t kEntryCount;

}  // namespace clausier::bundle_detail
