// migrate.h — brings a project document of any earlier schema version up to kProjectSchemaVersion.
// Each step is a small function from version N to N+1; a file newer than this build is refused rather
// than damaged.
#pragma once
#include "project/model.h"

namespace clausier {

// Checks the format marker and the version, migrates `doc` in place. False with a French sentence in
// `error` when the document is not a Clausier project or comes from a newer version.
bool migrate_project(json& doc, std::string& error);

}  // namespace clausier
