// package.h — the published DCE package: one JSON file the buyer puts beside the DCE on its buyer profile, that a
// firm (or the consular chamber helping it) opens in the Entreprise mode without the buyer's project file. It
// carries what is published and nothing else: a manifest (reference, buyer, object, lots, deadline, procedure)
// and the firm sheet and the consultation file as documents of the model (document.h). The buyer's sourcing
// notes, checks and internal fields never enter it.
#pragma once
#include "document/document.h"
#include "project/model.h"

namespace clausier {

constexpr const char* kPackageFormat = "clausier-dce";
constexpr int kPackageSchemaVersion = 1;

struct PackageManifest {
    std::string reference, buyer, object, procedure, contract;
    std::string deadline;                 // "15 janvier 2027 à 12:00", as the RC states it ("" = not set)
    std::string buyer_profile_url;
    std::vector<std::string> lots;        // "Lot 1 – Mairie"
};

struct DcePackage {
    PackageManifest manifest;
    Document firm_sheet;                  // the « entreprise » document
    Document dce;                         // the consultation file
};

// The package of a project, as canonical JSON text (sorted keys, final newline).
std::string write_package(const Project& p);
// Reads a package back. On failure `out` is untouched and `error` holds one French sentence.
bool read_package(std::string_view text, DcePackage& out, std::string& error);
// Whether a JSON text announces itself as a package (its "format"), without reading the rest.
bool is_package_text(std::string_view text);

// The document model as JSON and back (runs, blocks, tables, contents); unknown keys are ignored.
json document_to_json(const Document& d);
bool document_from_json(const json& j, Document& out, std::string& error);

}  // namespace clausier
