// Source files and byte spans. Every model node points back into one of these, and
// line:col is computed only when a diagnostic is printed.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bookc::base {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = 0xFFFFFFFFu;

struct Span {
    FileId file = kNoFile;
    std::uint32_t begin = 0;  // byte offset into the file's text
    std::uint32_t end = 0;
    bool valid() const { return file != kNoFile; }
};

struct LineCol {
    std::uint32_t line = 1;  // 1-based
    std::uint32_t col = 1;   // 1-based, in Unicode scalar values
};

// One loaded file. `text` is valid UTF-8: the loader decodes UTF-16 and GB18030 files and
// replaces invalid bytes by U+FFFD before adding the file (load/chapter.cpp), reporting each
// replacement where the U+FFFD now is. Every offset (spans, line_starts) is into `text`;
// nothing maps back to the original bytes.
struct SourceFile {
    FileId id = kNoFile;
    std::string path;      // as shown to users: relative to the current folder when possible
    std::string rel_path;  // relative to the book folder, '/'-separated
    std::string text;
    std::vector<std::uint32_t> line_starts;  // byte offset of each line start

    void index_lines();
    LineCol line_col(std::uint32_t offset) const;
};

// Owns every source file of one run; FileIds index into it.
class SourceMap {
public:
    FileId add(std::string path, std::string rel_path, std::string text);
    const SourceFile& get(FileId id) const { return *files_.at(id); }
    SourceFile& get_mut(FileId id) { return *files_.at(id); }
    std::size_t size() const { return files_.size(); }

private:
    std::vector<std::unique_ptr<SourceFile>> files_;
};

}  // namespace bookc::base
