#include "base/source.hpp"

#include <algorithm>

namespace bookc::base {

void SourceFile::index_lines() {
    line_starts.clear();
    line_starts.push_back(0);
    for (std::uint32_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') line_starts.push_back(i + 1);
}

LineCol SourceFile::line_col(std::uint32_t offset) const {
    if (offset > text.size()) offset = static_cast<std::uint32_t>(text.size());
    auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - line_starts.begin());  // 1-based
    std::uint32_t start = line ? line_starts[line - 1] : 0;
    std::uint32_t col = 1;
    for (std::uint32_t i = start; i < offset; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
    return {static_cast<std::uint32_t>(line ? line : 1), col};
}

FileId SourceMap::add(std::string path, std::string rel_path, std::string text) {
    auto f = std::make_unique<SourceFile>();
    f->id = static_cast<FileId>(files_.size());
    f->path = std::move(path);
    f->rel_path = std::move(rel_path);
    f->text = std::move(text);
    f->index_lines();
    files_.push_back(std::move(f));
    return files_.back()->id;
}

}  // namespace bookc::base
