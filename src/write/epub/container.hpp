// The OCF container: a ZIP whose first entry is the uncompressed `mimetype`, written with
// libzip into memory with fixed timestamps and a fixed entry order (same input, same bytes).
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace bookc::epub {

struct ZipEntry {
    std::string path;
    std::string data;
};

// `modified` ("YYYY-MM-DDThh:mm:ssZ") becomes every entry's DOS timestamp. Entries are
// written as: mimetype (stored), META-INF/container.xml, then the others sorted by path.
// Every entry but mimetype is deflated (level 9), images and fonts included.
// Returns nullopt with `error` set when libzip fails.
std::optional<std::string> zip_package(std::vector<ZipEntry> entries, const std::string& modified,
                                       std::string& error);

}  // namespace bookc::epub
