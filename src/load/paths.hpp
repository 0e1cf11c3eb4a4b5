// Private to load/: paths inside the book folder. Nothing outside BOOK_DIR is ever read:
// relative paths are normalised lexically, then symlinks are resolved and checked again.
#pragma once
#include <string>
#include <string_view>

namespace bookc::load {

// Joins `base_rel` (a folder relative to the book, "" for the root) and `rel` and
// normalises "." and ".."; returns false when the result leaves the book folder.
bool join_inside(std::string_view base_rel, std::string_view rel, std::string& out);

// Canonical path of `p` ("" when it does not exist).
std::string real_path(const std::string& p);
// True when `real` (canonical) is `root_real` or below it.
bool is_within(const std::string& real, const std::string& root_real);

std::string dir_of(std::string_view rel);        // "a/b/c.md" → "a/b", "c.md" → ""
std::string file_stem(std::string_view rel);     // "a/2-x.md" → "2-x"
std::string extension_of(std::string_view rel);  // "a/b.MD" → ".md"
std::string base_name(std::string_view path);    // last component, trailing '/' ignored

// "%E5%9B%BE.png" → "图.png" (invalid escapes are kept as written).
std::string percent_decode(std::string_view s);

}  // namespace bookc::load
