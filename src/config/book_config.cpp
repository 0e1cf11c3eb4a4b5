#include "config/config.hpp"

#include <sys/stat.h>
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "base/read_file.hpp"

#define TOML_EXCEPTIONS 1
#include <toml++/toml.h>

namespace fs = std::filesystem;

namespace bookc::config {

namespace {

// A BCP 47 tag's shape: a primary subtag of 2–3 letters, then subtags of 1–8 letters or
// digits, separated by hyphens ("en", "en-GB", "zh-Hant-TW").
bool language_tag(std::string_view tag) {
    std::size_t i = 0, n = 0;
    while (i < tag.size() && std::isalpha(static_cast<unsigned char>(tag[i]))) ++i, ++n;
    if (n < 2 || n > 3) return false;
    while (i < tag.size()) {
        if (tag[i++] != '-') return false;
        n = 0;
        while (i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i]))) ++i, ++n;
        if (n < 1 || n > 8) return false;
    }
    return true;
}

// Reads one table strictly: every key must be known, every value of the right type.
class TableReader {
public:
    TableReader(const toml::table& t, std::string section, const std::string& path,
                base::DiagSink& diags)
        : t_(t), section_(std::move(section)), path_(path), diags_(diags) {}

    void string(const char* key, std::string& out) {
        known_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) return;
        if (auto v = n->value<std::string>(); v && n->is_string())
            out = *v;
        else
            type_error(key, *n, "a string");
    }

    void boolean(const char* key, bool& out) {
        known_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) return;
        if (n->is_boolean())
            out = *n->value<bool>();
        else
            type_error(key, *n, "true or false");
    }

    void integer(const char* key, int& out, int min, int max) {
        known_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) return;
        if (!n->is_integer()) return type_error(key, *n, "a whole number");
        std::int64_t v = *n->value<std::int64_t>();
        if (v < min || v > max) {
            diags_.error_at(path_, line(*n), col(*n),
                            "`" + name(key) + "` must be between " + std::to_string(min) + " and " +
                                std::to_string(max));
            return;
        }
        out = static_cast<int>(v);
    }

    // A string or a list of strings.
    void strings(const char* key, std::vector<std::string>& out) {
        known_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) return;
        if (n->is_string()) {
            out = {*n->value<std::string>()};
            return;
        }
        const toml::array* a = n->as_array();
        if (!a) return type_error(key, *n, "a list of strings");
        out.clear();
        for (const auto& e : *a) {
            if (!e.is_string()) return type_error(key, e, "a list of strings");
            out.push_back(*e.value<std::string>());
        }
    }

    // Date: a TOML date or a "YYYY-MM-DD" string.
    void date(const char* key, std::string& out) {
        known_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) return;
        if (n->is_string()) {
            out = *n->value<std::string>();
        } else if (n->is_date()) {
            auto d = *n->value<toml::date>();
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
            out = buf;
        } else if (n->is_date_time()) {
            auto d = n->as_date_time()->get().date;
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
            out = buf;
        } else {
            type_error(key, *n, "a date (YYYY-MM-DD)");
        }
    }

    void skip(const char* key) { known_.insert(key); }

    void check_unknown() {
        for (const auto& [k, v] : t_) {
            std::string key(k.str());
            if (known_.count(key)) continue;
            std::vector<std::string> hints;
            std::string list;
            for (const auto& kk : known_) list += (list.empty() ? "" : ", ") + kk;
            if (!list.empty()) hints.push_back("known keys here: " + list);
            diags_.error_at(path_, k.source().begin.line, k.source().begin.column,
                            "unknown key `" + name(key) + "`", hints);
        }
    }

    std::uint32_t line(const toml::node& n) const { return n.source().begin.line; }
    std::uint32_t col(const toml::node& n) const { return n.source().begin.column; }

    void type_error(const std::string& key, const toml::node& n, const char* want) {
        diags_.error_at(path_, line(n), col(n), "`" + name(key) + "` must be " + want);
    }

    std::string name(const std::string& key) const {
        return section_.empty() ? key : section_ + "." + key;
    }

private:
    const toml::table& t_;
    std::string section_;
    const std::string& path_;
    base::DiagSink& diags_;
    std::set<std::string> known_;
};

void read_chapter_list(const toml::node& n, const std::string& section, PartSpec& part,
                       const std::string& path, base::DiagSink& diags) {
    const toml::array* a = n.as_array();
    if (!a) {
        diags.error_at(
            path, n.source().begin.line, n.source().begin.column,
            "`" + section + "` must be a list of files, globs or {file, title, format} tables");
        return;
    }
    for (const auto& e : *a) {
        ChapterSpec spec;
        spec.line = e.source().begin.line;
        if (e.is_string()) {
            spec.pattern = *e.value<std::string>();
        } else if (const toml::table* t = e.as_table()) {
            TableReader r(*t, section, path, diags);
            r.string("file", spec.pattern);
            r.string("title", spec.title);
            r.string("format", spec.format);
            r.check_unknown();
            if (spec.pattern.empty()) {
                diags.error_at(path, spec.line, e.source().begin.column,
                               "a chapter entry in `" + section + "` needs `file`");
                continue;
            }
            static const std::set<std::string> formats = {"", "markdown", "html", "text"};
            if (!formats.count(spec.format)) {
                diags.error_at(path, spec.line, e.source().begin.column,
                               "unknown format `" + spec.format + "` in `" + section + "`",
                               {"use one of: markdown, html, text"});
                continue;
            }
        } else {
            diags.error_at(path, spec.line, e.source().begin.column,
                           "`" + section + "` entries must be file names, globs or tables");
            continue;
        }
        // The glob matcher is linear, but a pattern still has to be one a person wrote.
        std::size_t stars =
            static_cast<std::size_t>(std::count(spec.pattern.begin(), spec.pattern.end(), '*'));
        if (spec.pattern.size() > kMaxPatternBytes || stars > kMaxPatternStars) {
            diags.error_at(path, spec.line, e.source().begin.column,
                           "chapter pattern is too long (" + std::to_string(spec.pattern.size()) +
                               " bytes, " + std::to_string(stars) + " `*`; at most " +
                               std::to_string(kMaxPatternBytes) + " bytes and " +
                               std::to_string(kMaxPatternStars) + " `*`)");
            continue;
        }
        part.chapters.push_back(std::move(spec));
    }
}

}  // namespace

std::optional<BookConfig> load_book_config(const std::string& book_dir, base::DiagSink& diags) {
    BookConfig cfg;
    std::error_code ec;
    fs::path dir(book_dir);
    fs::path abs = fs::weakly_canonical(dir, ec);
    std::string folder = abs.filename().string();
    if (folder.empty()) folder = abs.parent_path().filename().string();
    cfg.title = folder;
    cfg.slug = slug_from_folder(folder);

    fs::path file = dir / "book.toml";
    struct stat lst {};
    if (::lstat(file.c_str(), &lst) != 0) return cfg;  // no book.toml (a dangling link is one)
    cfg.path = file.string();
    std::size_t errors_before = diags.errors();

    // book.toml must be a file of the book: a symbolic link to a file elsewhere is refused
    // before it is opened, so its content never appears in a message.
    fs::path real = fs::canonical(file, ec);
    fs::path dir_real = fs::canonical(dir, ec);
    std::string real_s = real.string(), dir_s = dir_real.string();
    if (!dir_s.empty() && dir_s.back() != '/') dir_s += '/';
    if (real_s.empty() || dir_s.empty() || real_s.compare(0, dir_s.size(), dir_s) != 0) {
        diags.error_at(cfg.path, 0, 0,
                       "book.toml is a symbolic link to a file outside the book folder",
                       {"copy the file into the book folder"});
        return std::nullopt;
    }
    std::string text;
    if (std::string problem = base::read_regular_file(real.string(), kBookTomlLimit, text);
        !problem.empty()) {
        diags.error_at(cfg.path, 0, 0, "book.toml is " + problem);
        return std::nullopt;
    }

    toml::table root;
    try {
        root = toml::parse(text, cfg.path);
    } catch (const toml::parse_error& e) {
        diags.error_at(cfg.path, e.source().begin.line, e.source().begin.column,
                       std::string(e.description()));
        return std::nullopt;
    }

    TableReader top(root, "", cfg.path, diags);
    top.skip("book");
    top.skip("chapters");
    top.skip("parts");
    top.skip("comments");
    top.skip("clean");
    top.skip("epub");
    top.skip("images");
    top.skip("limits");
    top.check_unknown();

    auto section = [&](const char* name) -> const toml::table* {
        const toml::node* n = root.get(name);
        if (!n) return nullptr;
        if (const toml::table* t = n->as_table()) return t;
        diags.error_at(cfg.path, n->source().begin.line, n->source().begin.column,
                       std::string("`") + name + "` must be a table ([" + name + "])");
        return nullptr;
    };

    if (const toml::table* b = section("book")) {
        TableReader r(*b, "book", cfg.path, diags);
        r.string("title", cfg.title);
        r.string("subtitle", cfg.subtitle);
        r.strings("authors", cfg.authors);
        r.strings("author", cfg.authors);
        r.string("language", cfg.language);
        r.string("second_language", cfg.second_language);
        r.string("identifier", cfg.identifier);
        r.date("date", cfg.date);
        r.string("description", cfg.description);
        r.strings("subjects", cfg.subjects);
        r.string("cover", cfg.cover);
        r.string("layout", cfg.layout);
        if (const toml::node* n = b->get("layout")) {
            cfg.layout_line = n->source().begin.line;
            cfg.layout_col = n->source().begin.column;
        }
        r.string("slug", cfg.slug);
        r.check_unknown();
        if (const toml::node* n = b->get("second_language"); n && n->is_string()) {
            if (!language_tag(cfg.second_language)) {
                diags.error_at(cfg.path, n->source().begin.line, n->source().begin.column,
                               "`book.second_language` is not a language tag",
                               {"the language of the book's Latin text, such as \"en\" or \"fr\""});
                cfg.second_language = "en";
            }
        }
        if (const toml::node* n = b->get("slug"); n && n->is_string()) {
            if (std::string problem = slug_problem(cfg.slug); !problem.empty())
                diags.error_at(cfg.path, n->source().begin.line, n->source().begin.column,
                               "`book.slug` " + problem,
                               {"the slug names the output files (OUT/<slug>.epub, .pdf): one name "
                                "of letters, digits, `-`, `_` and `.`, not starting with `.`"});
        }
    }
    if (const toml::node* n = root.get("chapters")) {
        PartSpec part;
        read_chapter_list(*n, "chapters", part, cfg.path, diags);
        cfg.parts.push_back(std::move(part));
    }
    if (const toml::node* n = root.get("parts")) {
        const toml::array* a = n->as_array();
        if (!a || !a->is_array_of_tables()) {
            diags.error_at(cfg.path, n->source().begin.line, n->source().begin.column,
                           "`parts` must be an array of tables ([[parts]])");
        } else {
            for (const auto& e : *a) {
                const toml::table& t = *e.as_table();
                PartSpec part;
                TableReader r(t, "parts", cfg.path, diags);
                r.string("title", part.title);
                r.skip("chapters");
                r.check_unknown();
                if (const toml::node* c = t.get("chapters"))
                    read_chapter_list(*c, "parts.chapters", part, cfg.path, diags);
                else
                    diags.error_at(cfg.path, t.source().begin.line, t.source().begin.column,
                                   "a [[parts]] entry needs `chapters`");
                cfg.parts.push_back(std::move(part));
            }
        }
    }
    if (const toml::table* c = section("comments")) {
        TableReader r(*c, "comments", cfg.path, diags);
        r.boolean("include", cfg.comments.include);
        r.integer("max", cfg.comments.max_per_chapter, -1, 100000);
        r.integer("min_likes", cfg.comments.min_likes, 0, 100000000);
        std::string sort;
        r.string("sort", sort);
        r.boolean("avatars", cfg.comments.avatars);
        r.check_unknown();
        if (sort == "likes")
            cfg.comments.sort = CommentSort::Likes;
        else if (sort == "date")
            cfg.comments.sort = CommentSort::Date;
        else if (sort == "source" || sort.empty())
            cfg.comments.sort = CommentSort::Source;
        else {
            const toml::node* n = c->get("sort");
            diags.error_at(cfg.path, n->source().begin.line, n->source().begin.column,
                           "unknown comment order `" + sort + "`",
                           {"use one of: likes, date, source"});
        }
    }
    if (const toml::table* c = section("clean")) {
        TableReader r(*c, "clean", cfg.path, diags);
        r.strings("markers", cfg.boilerplate_markers);
        r.boolean("default_markers", cfg.default_markers);
        r.boolean("normalize_punctuation", cfg.normalize_punctuation);
        r.check_unknown();
    }
    if (const toml::table* c = section("epub")) {
        TableReader r(*c, "epub", cfg.path, diags);
        r.boolean("embed_fonts", cfg.epub_embed_fonts);
        r.check_unknown();
    }
    if (const toml::table* c = section("images")) {
        TableReader r(*c, "images", cfg.path, diags);
        std::string remote;
        r.string("remote", remote);
        r.integer("max_bytes", cfg.images.max_bytes, 1, 1 << 30);
        r.integer("timeout", cfg.images.timeout, 1, 3600);
        r.integer("connect_timeout", cfg.images.connect_timeout, 1, 3600);
        r.integer("parallel", cfg.images.parallel, 1, 16);
        r.check_unknown();
        if (remote == "fetch" || !c->get("remote") || !c->get("remote")->is_string())
            cfg.images.remote = RemoteImages::Fetch;
        else if (remote == "link")
            cfg.images.remote = RemoteImages::Link;
        else if (remote == "error")
            cfg.images.remote = RemoteImages::Error;
        else {
            const toml::node* n = c->get("remote");
            diags.error_at(cfg.path, n->source().begin.line, n->source().begin.column,
                           "unknown value `" + remote + "` for `images.remote`",
                           {"use one of: fetch, link, error"});
        }
    }
    if (const toml::table* c = section("limits")) {
        TableReader r(*c, "limits", cfg.path, diags);
        int article = 0, image = 0, toml_mb = 0, font = 0, megapixels = 0, decoded = 0;
        r.integer("article_mb", article, 1, 4096);
        r.integer("image_mb", image, 1, 4096);
        r.integer("toml_mb", toml_mb, 1, 64);
        r.integer("font_mb", font, 1, 4096);
        r.integer("image_megapixels", megapixels, 1, 1000);
        r.integer("image_decoded_mb", decoded, 1, 4096);
        r.check_unknown();
        if (megapixels)
            cfg.limits.image_pixels = static_cast<std::uint64_t>(megapixels) * 1'000'000;
        if (decoded) cfg.limits.image_decoded = static_cast<std::uint64_t>(decoded) * kMB;
        if (article) cfg.limits.article = static_cast<std::size_t>(article) * kMB;
        if (image) cfg.limits.image = static_cast<std::size_t>(image) * kMB;
        if (toml_mb) cfg.limits.toml = static_cast<std::size_t>(toml_mb) * kMB;
        if (font) cfg.limits.font = static_cast<std::size_t>(font) * kMB;
    }
    if (cfg.language.empty()) cfg.language = "zh-CN";
    if (diags.errors() > errors_before) return std::nullopt;
    return cfg;
}

}  // namespace bookc::config
