// Test-only: a document assembled from a project, as plain text (each block's text, list items, table header
// and cells, one per line), for tests that look for a sentence whatever the block holding it.
#pragma once
#include "document/assemble.h"
#include "law/legal.h"
#include <string>

namespace clausier::testing {

inline std::string document_text(const Project& p, DocumentKind kind) {
    const Document d = assemble_document(p, kind, project_procedure(p), {});
    std::string out;
    for (const Block& b : d.blocks) {
        out += inline_text(b.text) + "\n";
        for (const Inline& i : b.items) out += inline_text(i) + "\n";
        for (const Inline& h : b.header) out += inline_text(h) + "\n";
        for (const auto& row : b.rows) for (const Inline& c : row) out += inline_text(c) + "\n";
    }
    return out;
}

}  // namespace clausier::testing
