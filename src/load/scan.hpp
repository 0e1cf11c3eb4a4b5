// Private to load/: finding the articles of a book folder.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace bookc::load {

// Every file below `book_dir` that is not a folder (recursively; symbolic links to folders
// are not followed; FIFOs and devices are listed so that loading them reports them), as
// '/'-separated paths relative to it, in natural order. Hidden files and folders and the top-level
// output folder dist/ are skipped.
std::vector<std::string> list_files(const std::string& book_dir);

bool is_article_extension(std::string_view ext);  // ".md", ".markdown", ".html", ".htm", ".txt"

// Natural order: digit runs compare as numbers ("2-x" < "10-x"), path by path component.
bool natural_less(std::string_view a, std::string_view b);

bool has_glob(std::string_view pattern);  // contains * ? or [
// Glob on '/'-separated paths, one component at a time with fnmatch(3): * and ? stay within
// one component (? is one UTF-8 character), [abc] / [a-z] / [!a] match one character, a
// backslash is an ordinary character; a whole component `**` matches zero or more
// components (`notes/**/*.md`, `notes/**`). Linear in pattern × path components. Patterns
// longer than kMaxGlobBytes never match (book.toml reports them before).
inline constexpr std::size_t kMaxGlobBytes = 1024;
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace bookc::load
