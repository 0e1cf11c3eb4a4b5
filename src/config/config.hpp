// Configuration: book.toml (what the book is) and layouts/<name>/layout.toml (how it looks).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag.hpp"

namespace bookc::config {

enum class CommentSort { Source, Likes, Date };

struct CommentOptions {
    bool include = true;
    int max_per_chapter = -1;  // -1: all
    CommentSort sort = CommentSort::Source;
    int min_likes = 0;
    bool avatars = false;  // fetch comment authors' avatars (remote) and show them in the EPUB
};

// [images]: what happens to remote (http/https) images.
enum class RemoteImages { Fetch, Link, Error };

struct ImageOptions {
    RemoteImages remote = RemoteImages::Fetch;
    int max_bytes = 20 * 1024 * 1024;  // per image; a larger download is aborted
    int timeout = 30;                  // seconds for one whole download
    int connect_timeout = 10;          // seconds
    int parallel = 4;                  // downloads at a time
    // Set by the command line, not book.toml:
    std::string cache_dir;  // empty: <book>/.bookc-cache
    bool offline = false;   // use only what the cache holds
};

// One entry of [[chapters]] / chapters = [...]: a file or a glob, relative to the book folder.
struct ChapterSpec {
    std::string pattern;
    std::string title;       // override, empty = from the source
    std::string format;      // "", "markdown", "html", "text": forces the format
    std::uint32_t line = 0;  // line in book.toml, for diagnostics
};

// Longest chapter pattern accepted in book.toml, in bytes and in `*` (an error beyond).
inline constexpr std::size_t kMaxPatternBytes = 1024;
inline constexpr std::size_t kMaxPatternStars = 64;

struct PartSpec {
    std::string title;  // empty: chapters not in a part
    std::vector<ChapterSpec> chapters;
};

// [limits]: the largest file of each kind that is read (a user raises them in book.toml).
// book.toml itself is read up to kBookTomlLimit, which it cannot raise.
inline constexpr std::size_t kMB = 1024 * 1024;
inline constexpr std::size_t kBookTomlLimit = 4 * kMB;
struct Limits {
    std::size_t article = 16 * kMB;  // article_mb: each chapter file
    std::size_t image = 64 * kMB;    // image_mb: each image (and the cover)
    std::size_t toml = 1 * kMB;      // toml_mb: layout.toml
    std::size_t font = 64 * kMB;     // font_mb: each font file in the book's fonts/
    // What an image may hold once decoded, checked from its header before any pixel is
    // decoded (a 2 KB PNG can claim 1,000,000 × 1,000,000 pixels); larger images are a
    // warning and their placeholder stands in for them.
    std::uint64_t image_pixels = 50'000'000;  // image_megapixels: width × height
    std::uint64_t image_decoded = 256 * kMB;  // image_decoded_mb: width × height × bytes a pixel
};

struct BookConfig {
    std::string path;  // path of book.toml as shown to users; empty when there is none
    // [book]
    std::string title;
    std::string subtitle;
    std::vector<std::string> authors;
    std::string language = "zh-CN";
    // The language of Latin text in a Chinese, Japanese or Korean book (EPUB `lang` on
    // Latin paragraphs and runs: text-to-speech voice, no inter-character justification).
    std::string second_language = "en";
    std::string identifier;
    std::string date;
    std::string description;
    std::vector<std::string> subjects;
    std::string cover;   // image path relative to the book folder
    std::string layout;  // layout name or path (relative to the book folder); empty = handbook
    std::uint32_t layout_line = 0, layout_col = 0;  // where book.toml sets it
    std::string slug;
    // chapter order; empty = every article file in natural order
    std::vector<PartSpec> parts;
    // [comments]
    CommentOptions comments;
    // [clean]
    std::vector<std::string> boilerplate_markers;  // empty = defaults (see load)
    bool default_markers = true;                   // keep the default list as well
    bool normalize_punctuation = true;             // half-width ,;:?!() between Han → full-width
    // [epub]
    bool epub_embed_fonts = false;
    // [images]
    ImageOptions images;
    // [limits]
    Limits limits;
};

// [book] slug: the output file name without extension. One path component of Unicode letters
// and digits, `-`, `_` and `.`, not starting with `.`, at most kMaxSlugBytes bytes of UTF-8.
inline constexpr std::size_t kMaxSlugBytes = 128;
// "" when `slug` is acceptable, else what is wrong ("must not start with `.`", …).
std::string slug_problem(std::string_view slug);
// The default slug from the book folder's name: unsafe characters become `-`; "book" when
// nothing is left.
std::string slug_from_folder(std::string_view folder);

// Reads BOOK_DIR/book.toml. Without the file, returns defaults (title = folder name).
// Problems (syntax, unknown keys, wrong types) are errors naming the key and its line;
// returns nullopt when the file could not be used at all.
std::optional<BookConfig> load_book_config(const std::string& book_dir, base::DiagSink& diags);

// ---------------------------------------------------------------- layouts
struct Color {
    float r = 0, g = 0, b = 0;
};

struct FontRole {
    std::vector<std::string> families;  // first is preferred, the rest are the fallback chain
    std::string weight = "regular";     // "regular" | "bold"
};

struct Layout {
    std::string name;
    std::string dir;  // folder of layout.toml (for epub.css and fonts)
    // page, in points
    double page_width = 419.53;  // A5
    double page_height = 595.28;
    double margin_top = 56, margin_bottom = 56;
    double margin_inner = 50, margin_outer = 42;
    bool facing = true;  // inner/outer alternate; chapters open on a right page
    // text
    double body_size = 10.5;  // pt
    double leading = 1.75;    // line height as a multiple of body_size
    double indent_em = 2.0;
    double heading_scale[6] = {1.7, 1.4, 1.2, 1.1, 1.0, 1.0};
    double code_size_ratio = 0.85;
    double comment_size_ratio = 0.86;
    double footnote_size_ratio = 0.8;
    FontRole body{{"Noto Serif CJK SC"}, "regular"};
    FontRole heading{{"Noto Sans CJK SC"}, "bold"};
    FontRole mono{{"Noto Sans Mono CJK SC"}, "regular"};
    FontRole fallback{{"Noto Sans CJK SC", "DejaVu Sans"}, "regular"};
    // An OpenType MATH font (Debian 12's Noto Sans Math has no MATH table; DejaVu Math
    // TeX Gyre, fonts-dejavu-extra, has one and suits a serif body).
    FontRole math{{"DejaVu Math TeX Gyre"}, "regular"};
    Color text{0.1f, 0.1f, 0.1f};
    Color accent{0.55f, 0.12f, 0.10f};
    Color muted{0.45f, 0.45f, 0.45f};
    Color rule{0.7f, 0.7f, 0.7f};
    bool running_heads = true;
    int toc_depth = 1;  // contents: 1 = parts and chapters, 2 = and their sections
    // [code]: how code blocks with a language are highlighted ("print": colours and weights
    // that stay apart in greyscale; "none": not at all, in either output), and whether
    // every code block's lines are numbered (a block's own attribute wins).
    std::string code_theme = "print";
    bool code_line_numbers = false;
};

// Data folder (layouts/, fonts/): $BOOKC_DATA_DIR, else the compiled-in default.
std::string data_dir();

// `name_or_path`: a layout name under <data>/layouts/, or a folder / layout.toml path.
// Empty = "handbook". Errors go to `diags`; returns nullopt when the layout is unusable.
// layout.toml must be a regular file of at most `toml_limit` bytes.
std::optional<Layout> load_layout(const std::string& name_or_path, base::DiagSink& diags,
                                  std::size_t toml_limit = Limits{}.toml);

// The layout of a book: `cli_layout` (--layout, trusted: any name or path) when given, else
// book.toml's `layout`. A path in book.toml is relative to the book folder and must lead
// inside it or inside the bundled layouts; otherwise it is an error at book.toml's line
// and nothing is read.
std::optional<Layout> load_book_layout(const BookConfig& cfg, const std::string& book_dir,
                                       const std::string& cli_layout, base::DiagSink& diags);

}  // namespace bookc::config
