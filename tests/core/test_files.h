// test_files.h — reading the repository's fixture files from the tests (natively, and under Node's file
// system in the wasm build).
#pragma once
#include <dirent.h>
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace test_files {

// The source tree's absolute path for a path relative to it.
inline std::string source(const std::string& relative) { return std::string(CLAUSIER_SOURCE_DIR) + "/" + relative; }

// The bytes of a file ("" when it cannot be read).
inline std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The names of the files of `dir` that start with `prefix` and end with `suffix`, sorted; hidden files and
// README.md are left out.
inline std::vector<std::string> names(const std::string& dir, const std::string& prefix = "", const std::string& suffix = "") {
    std::vector<std::string> out;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d)) {
            const std::string name = e->d_name;
            if (name.empty() || name[0] == '.' || name == "README.md" || name.rfind(prefix, 0) != 0) continue;
            if (name.size() < suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
            out.push_back(name);
        }
        closedir(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace test_files
