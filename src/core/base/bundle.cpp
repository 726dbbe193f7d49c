// bundle.cpp — access to the bundled files: views of the program's own data, nothing to decode or copy.
#include "base/bundle.h"
#include "base/bundle_data.h"
#include <algorithm>
#include <map>
#include <mutex>

namespace clausier {
namespace {

using bundle_detail::Entry;
using bundle_detail::kEntries;
using bundle_detail::kEntryCount;

struct Cache {
    std::mutex mutex;
    std::map<std::string, std::string, std::less<>> added;   // bundle_put; node-based, so views stay valid
};

Cache& cache() {
    static Cache c;
    return c;
}

const Entry* find_entry(std::string_view path) {
    const Entry* end = kEntries + kEntryCount;
    const Entry* e = std::find_if(kEntries, end, [&](const Entry& x) { return path == x.path; });
    return e == end ? nullptr : e;
}

}  // namespace

std::string_view bundle_file(std::string_view path) {
    Cache& c = cache();
    std::lock_guard<std::mutex> lock(c.mutex);
    if (auto it = c.added.find(path); it != c.added.end()) return it->second;
    const Entry* e = find_entry(path);
    return e ? std::string_view(e->data, e->size) : std::string_view();
}

std::vector<std::string> bundle_list(std::string_view prefix) {
    Cache& c = cache();
    std::lock_guard<std::mutex> lock(c.mutex);
    std::vector<std::string> out;
    const auto starts = [&](std::string_view p) { return p.substr(0, prefix.size()) == prefix; };
    for (std::size_t i = 0; i < kEntryCount; ++i)
        if (starts(kEntries[i].path) && !c.added.count(std::string_view(kEntries[i].path))) out.emplace_back(kEntries[i].path);
    for (const auto& [path, content] : c.added)
        if (starts(path)) out.push_back(path);
    std::sort(out.begin(), out.end());
    return out;
}

void bundle_put(std::string path, std::string content) {
    Cache& c = cache();
    std::lock_guard<std::mutex> lock(c.mutex);
    c.added.insert_or_assign(std::move(path), std::move(content));
}

}  // namespace clausier
