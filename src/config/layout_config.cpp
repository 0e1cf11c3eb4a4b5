#include "config/config.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#define TOML_EXCEPTIONS 1
#include <toml++/toml.h>

#include "base/read_file.hpp"

namespace fs = std::filesystem;

namespace bookc::config {

std::string data_dir() {
    if (const char* env = std::getenv("BOOKC_DATA_DIR"); env && *env) return env;
    return BOOKC_DEFAULT_DATA_DIR;
}

namespace {

struct Ctx {
    const std::string& path;
    base::DiagSink& diags;
    bool ok = true;

    void error(const toml::node& n, const std::string& msg, std::vector<std::string> hints = {}) {
        diags.error_at(path, n.source().begin.line, n.source().begin.column, msg, std::move(hints));
        ok = false;
    }
};

// Largest length accepted: 200 inches, the page size limit of PDF viewers (PDF 1.7 C.2).
constexpr double kMaxLength = 14400;

// A length: a number (points) or a string with a unit: "148mm", "1.5cm", "0.5in", "12pt".
// Finite, not negative and at most kMaxLength points: TOML's `nan`, `inf` and "1e999mm"
// would otherwise pass every later comparison (all false with NaN) into the page geometry,
// and a negative margin would put the text off the page.
bool read_length(Ctx& c, const toml::node& n, const std::string& key, double& out) {
    auto accept = [&](double v) {
        if (!std::isfinite(v) || v < 0 || v > kMaxLength) return false;
        out = v;
        return true;
    };
    if (n.is_number() && accept(*n.value<double>())) return true;
    if (n.is_string()) {
        std::string s = *n.value<std::string>();
        char* end = nullptr;
        double v = std::strtod(s.c_str(), &end);
        std::string unit = end ? std::string(end) : std::string();
        double k = 0;
        if (unit == "pt" || unit.empty())
            k = 1;
        else if (unit == "mm")
            k = 72.0 / 25.4;
        else if (unit == "cm")
            k = 72.0 / 2.54;
        else if (unit == "in")
            k = 72.0;
        if (end != s.c_str() && k > 0 && accept(v * k)) return true;
    }
    c.error(n, "`" + key + "` must be a length such as 12, \"12pt\", \"20mm\", \"2cm\" or \"1in\"",
            {"from 0 to 14400 pt (200 in)"});
    return false;
}

bool read_color(Ctx& c, const toml::node& n, const std::string& key, Color& out) {
    if (n.is_string()) {
        std::string s = *n.value<std::string>();
        if (s.size() == 7 && s[0] == '#') {
            char* end = nullptr;
            unsigned long v = std::strtoul(s.c_str() + 1, &end, 16);
            if (end && *end == 0) {
                out.r = static_cast<float>((v >> 16) & 255) / 255.f;
                out.g = static_cast<float>((v >> 8) & 255) / 255.f;
                out.b = static_cast<float>(v & 255) / 255.f;
                return true;
            }
        }
    }
    c.error(n, "`" + key + "` must be a colour such as \"#1a1a1a\"");
    return false;
}

bool read_families(Ctx& c, const toml::node& n, const std::string& key,
                   std::vector<std::string>& out) {
    std::vector<std::string> v;
    if (n.is_string())
        v.push_back(*n.value<std::string>());
    else if (const toml::array* a = n.as_array()) {
        for (const auto& e : *a) {
            if (!e.is_string()) {
                c.error(e, "`" + key + "` must be a font family name or a list of them");
                return false;
            }
            v.push_back(*e.value<std::string>());
        }
    }
    if (v.empty()) {
        c.error(n, "`" + key + "` must be a font family name or a non-empty list of them");
        return false;
    }
    out = std::move(v);
    return true;
}

double number(Ctx& c, const toml::node& n, const std::string& key, double min, double max,
              double fallback) {
    if (!n.is_number()) {
        c.error(n, "`" + key + "` must be a number");
        return fallback;
    }
    double v = *n.value<double>();
    if (!(v >= min && v <= max)) {  // NaN fails both comparisons: refused too
        c.error(n, "`" + key + "` must be between " + std::to_string(min).substr(0, 5) + " and " +
                       std::to_string(max).substr(0, 6));
        return fallback;
    }
    return v;
}

void apply(Ctx& c, const toml::table& root, Layout& L) {
    static const std::map<std::string, std::set<std::string>> known = {
        {"page",
         {"width", "height", "margin_top", "margin_bottom", "margin_inner", "margin_outer",
          "facing"}},
        {"text",
         {"size", "leading", "indent", "chars_per_line", "heading_scale", "code_size",
          "comment_size", "footnote_size", "running_heads", "toc_depth"}},
        {"fonts", {"body", "heading", "heading_weight", "mono", "math", "fallback"}},
        {"colors", {"text", "accent", "muted", "rule"}},
        {"layout", {"name", "description"}},
        {"code", {"theme", "line_numbers"}},
    };
    for (const auto& [k, v] : root) {
        std::string sec(k.str());
        auto it = known.find(sec);
        if (it == known.end() || !v.is_table()) {
            c.diags.error_at(c.path, k.source().begin.line, k.source().begin.column,
                             "unknown layout section `" + sec + "`",
                             {"known sections: page, text, fonts, colors, code, layout"});
            c.ok = false;
            continue;
        }
        for (const auto& [kk, vv] : *v.as_table()) {
            std::string key(kk.str());
            if (!it->second.count(key)) {
                c.diags.error_at(c.path, kk.source().begin.line, kk.source().begin.column,
                                 "unknown key `" + sec + "." + key + "`");
                c.ok = false;
            }
        }
    }
    auto get = [&](const char* sec, const char* key) -> const toml::node* {
        const toml::table* t = root[sec].as_table();
        return t ? t->get(key) : nullptr;
    };
    auto len = [&](const char* sec, const char* key, double& out) {
        if (const toml::node* n = get(sec, key))
            read_length(c, *n, std::string(sec) + "." + key, out);
    };
    len("page", "width", L.page_width);
    len("page", "height", L.page_height);
    len("page", "margin_top", L.margin_top);
    len("page", "margin_bottom", L.margin_bottom);
    len("page", "margin_inner", L.margin_inner);
    len("page", "margin_outer", L.margin_outer);
    if (const toml::node* n = get("page", "facing")) {
        if (n->is_boolean())
            L.facing = *n->value<bool>();
        else
            c.error(*n, "`page.facing` must be true or false");
    }
    if (const toml::node* n = get("text", "size"))
        L.body_size = number(c, *n, "text.size", 4, 72, L.body_size);
    if (const toml::node* n = get("text", "leading"))
        L.leading = number(c, *n, "text.leading", 1, 4, L.leading);
    if (const toml::node* n = get("text", "indent"))
        L.indent_em = number(c, *n, "text.indent", 0, 10, L.indent_em);
    if (const toml::node* n = get("text", "code_size"))
        L.code_size_ratio = number(c, *n, "text.code_size", 0.3, 2, L.code_size_ratio);
    if (const toml::node* n = get("text", "comment_size"))
        L.comment_size_ratio = number(c, *n, "text.comment_size", 0.3, 2, L.comment_size_ratio);
    if (const toml::node* n = get("text", "footnote_size"))
        L.footnote_size_ratio = number(c, *n, "text.footnote_size", 0.3, 2, L.footnote_size_ratio);
    if (const toml::node* n = get("text", "toc_depth")) {
        if (n->is_integer() && (*n->value<std::int64_t>() == 1 || *n->value<std::int64_t>() == 2))
            L.toc_depth = int(*n->value<std::int64_t>());
        else
            c.error(*n,
                    "`text.toc_depth` must be 1 (parts and chapters) or 2 (and their sections)");
    }
    if (const toml::node* n = get("text", "running_heads")) {
        if (n->is_boolean())
            L.running_heads = *n->value<bool>();
        else
            c.error(*n, "`text.running_heads` must be true or false");
    }
    if (const toml::node* n = get("text", "heading_scale")) {
        const toml::array* a = n->as_array();
        if (!a || a->empty() || a->size() > 6) {
            c.error(*n, "`text.heading_scale` must be a list of 1 to 6 numbers (h1..h6)");
        } else {
            for (std::size_t i = 0; i < a->size(); ++i)
                L.heading_scale[i] =
                    number(c, *a->get(i), "text.heading_scale", 0.5, 5, L.heading_scale[i]);
            for (std::size_t i = a->size(); i < 6; ++i)
                L.heading_scale[i] = L.heading_scale[a->size() - 1];
        }
    }
    // A measure of a whole number of characters keeps Han characters on a grid (clreq A7):
    // the outer margin absorbs the rest.
    if (const toml::node* n = get("text", "chars_per_line")) {
        double chars = number(c, *n, "text.chars_per_line", 5, 200, 0);
        if (chars > 0) {
            double measure = chars * L.body_size;
            double outer = L.page_width - L.margin_inner - measure;
            if (outer < 0)
                c.error(*n, "`text.chars_per_line` does not fit the page width");
            else
                L.margin_outer = outer;
        }
    }
    if (const toml::node* n = get("fonts", "body"))
        read_families(c, *n, "fonts.body", L.body.families);
    if (const toml::node* n = get("fonts", "heading"))
        read_families(c, *n, "fonts.heading", L.heading.families);
    if (const toml::node* n = get("fonts", "mono"))
        read_families(c, *n, "fonts.mono", L.mono.families);
    if (const toml::node* n = get("fonts", "math"))
        read_families(c, *n, "fonts.math", L.math.families);
    if (const toml::node* n = get("fonts", "fallback"))
        read_families(c, *n, "fonts.fallback", L.fallback.families);
    if (const toml::node* n = get("fonts", "heading_weight")) {
        std::string w = n->value<std::string>().value_or("");
        if (w == "regular" || w == "bold")
            L.heading.weight = w;
        else
            c.error(*n, "`fonts.heading_weight` must be \"regular\" or \"bold\"");
    }
    if (const toml::node* n = get("colors", "text")) read_color(c, *n, "colors.text", L.text);
    if (const toml::node* n = get("colors", "accent")) read_color(c, *n, "colors.accent", L.accent);
    if (const toml::node* n = get("colors", "muted")) read_color(c, *n, "colors.muted", L.muted);
    if (const toml::node* n = get("colors", "rule")) read_color(c, *n, "colors.rule", L.rule);

    if (const toml::node* n = get("code", "theme")) {
        std::string t = n->value<std::string>().value_or("");
        if (t == "print" || t == "none")
            L.code_theme = t;
        else
            c.error(*n, "`code.theme` must be \"print\" or \"none\"");
    }
    if (const toml::node* n = get("code", "line_numbers")) {
        if (n->is_boolean())
            L.code_line_numbers = *n->value<bool>();
        else
            c.error(*n, "`code.line_numbers` must be true or false");
    }

    double measure = L.page_width - L.margin_inner - L.margin_outer;
    double height = L.page_height - L.margin_top - L.margin_bottom;
    if (measure < 4 * L.body_size || height < 4 * L.body_size * L.leading) {
        c.diags.error_at(c.path, 0, 0, "the margins leave no room for text on the page");
        c.ok = false;
    }
}

}  // namespace

namespace {
// True when `name` would be taken as a path by load_layout, not as a bundled layout's name.
// (book.toml's names are never looked up in the current folder.)
bool layout_is_path(const std::string& name) {
    std::error_code ec;
    fs::path bundled = fs::path(data_dir()) / "layouts" / name / "layout.toml";
    bool looks_like_path = name.find('/') != std::string::npos || name.find('.') == 0 ||
                           (name.size() > 5 && name.substr(name.size() - 5) == ".toml");
    return looks_like_path || !fs::exists(bundled, ec);
}

bool inside(const fs::path& real, const fs::path& root_real) {
    if (real.empty() || root_real.empty()) return false;
    std::string r = real.string(), root = root_real.string();
    if (r == root) return true;
    if (root.back() != '/') root += '/';
    return r.compare(0, root.size(), root) == 0;
}
}  // namespace

std::optional<Layout> load_book_layout(const BookConfig& cfg, const std::string& book_dir,
                                       const std::string& cli_layout, base::DiagSink& diags) {
    if (!cli_layout.empty()) return load_layout(cli_layout, diags, cfg.limits.toml);
    if (cfg.layout.empty() || !layout_is_path(cfg.layout))
        return load_layout(cfg.layout, diags, cfg.limits.toml);
    // A path in book.toml: relative to the book folder, and only inside it or inside the
    // bundled layouts. Anything else is read only when named on the command line.
    std::error_code ec;
    fs::path p =
        fs::path(cfg.layout).is_absolute() ? fs::path(cfg.layout) : fs::path(book_dir) / cfg.layout;
    fs::path real = fs::weakly_canonical(p, ec);
    fs::path book_real = fs::canonical(book_dir, ec);
    fs::path layouts_real = fs::weakly_canonical(fs::path(data_dir()) / "layouts", ec);
    if (!inside(real, book_real) && !inside(real, layouts_real)) {
        diags.error_at(cfg.path, cfg.layout_line, cfg.layout_col,
                       "`book.layout` is outside the book folder and the bundled layouts; not read",
                       {"put the layout folder inside the book folder, or name it on the command "
                        "line: bookc build --layout PATH"});
        return std::nullopt;
    }
    return load_layout(p.string(), diags, cfg.limits.toml);
}

std::optional<Layout> load_layout(const std::string& name_or_path, base::DiagSink& diags,
                                  std::size_t toml_limit) {
    std::string name = name_or_path.empty() ? "handbook" : name_or_path;
    std::error_code ec;
    fs::path file;
    // A bare name is a bundled layout even when a folder of that name sits in the current
    // folder; anything with a slash, a leading dot or a .toml ending is a path.
    fs::path bundled = fs::path(data_dir()) / "layouts" / name / "layout.toml";
    bool looks_like_path = name.find('/') != std::string::npos || name.find('.') == 0 ||
                           (name.size() > 5 && name.substr(name.size() - 5) == ".toml");
    bool is_path = looks_like_path || (!fs::exists(bundled, ec) && fs::exists(name, ec));
    if (is_path) {
        file = fs::is_directory(name, ec) ? fs::path(name) / "layout.toml" : fs::path(name);
    } else {
        file = bundled;
    }
    if (!fs::exists(file, ec)) {
        std::vector<std::string> hints;
        std::string names;
        for (const auto& e : fs::directory_iterator(fs::path(data_dir()) / "layouts", ec))
            if (fs::exists(e.path() / "layout.toml"))
                names += (names.empty() ? "" : ", ") + e.path().filename().string();
        if (!names.empty()) hints.push_back("available layouts: " + names);
        diags.error_at(file.string(), 0, 0, "layout `" + name + "` not found", hints);
        return std::nullopt;
    }
    Layout L;
    L.name = is_path ? file.parent_path().filename().string() : name;
    L.dir = file.parent_path().string();
    std::string path = file.string();
    std::string text;
    if (std::string problem = base::read_regular_file(path, toml_limit, text); !problem.empty()) {
        diags.error_at(path, 0, 0, "the layout file is " + problem,
                       {"[limits] toml_mb in book.toml raises the size limit"});
        return std::nullopt;
    }
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        diags.error_at(path, e.source().begin.line, e.source().begin.column,
                       std::string(e.description()));
        return std::nullopt;
    }
    Ctx c{path, diags};
    apply(c, root, L);
    if (!c.ok) return std::nullopt;
    return L;
}

}  // namespace bookc::config
