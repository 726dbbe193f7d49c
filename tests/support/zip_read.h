// zip_read.h — reads back the archives of the DOCX and ODT writers (export/zip.h) for the tests: through the
// central directory, checking every local header, size and CRC, as a strict consumer would.
#pragma once
#include "export/zip.h"

namespace test_support {

struct ZipPart {
    std::string name;
    std::string data;          // stored entries only
    int method = 0;            // 0 = stored, 8 = deflate (data then left empty)
    uint32_t offset = 0;       // offset of the local header
};

// Lists the archive and loads its stored entries. On failure, `error` says what is wrong (French).
bool zip_read(std::string_view archive, std::vector<ZipPart>& out, std::string& error);

}  // namespace test_support
