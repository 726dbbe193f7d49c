// cli.h — what the command files of the CLI share (main.cpp defines it).
#pragma once
#include "portfolio/spaser.h"
#include "project/model.h"
#include <string>

namespace clausier::cli {

// Reads a project file; on failure `error` is one French sentence naming the file.
bool read_project_file(const std::string& path, Project& p, std::string& error);
// Reads a SPASER file (`.spaser.json`, portfolio/spaser.h); on failure `error` names the file (portfolio.cpp).
bool read_spaser_file(const std::string& path, Spaser& s, std::string& error);

}  // namespace clausier::cli
