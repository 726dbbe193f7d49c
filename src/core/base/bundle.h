// bundle.h — the data files compiled into the program (clause library, legal tables, CPV codes, workshop
// scenarios), so that the native CLI and the single-file web page carry the same data and need no file
// system. The table is generated at build time by cmake/embed.cmake from the repository's data folders.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace clausier {

// The content of a bundled file by its repository path ("clauses/nettoyage.json"), or empty if absent.
// The view stays valid for the life of the program.
std::string_view bundle_file(std::string_view path);
// Paths of the bundled files starting with `prefix`, sorted.
std::vector<std::string> bundle_list(std::string_view prefix);

// Adds a file to the bundle at run time (or replaces one that was not read yet), for the readers that come
// after: data loaded once (the clause library, for one) must be given before its first use. The benchmark loads its generated
// 1,000- and 10,000-clause libraries this way; the shipped program never calls it.
void bundle_put(std::string path, std::string content);

}  // namespace clausier
