#include "load/front_matter.hpp"

#include <algorithm>
#include <cctype>

#include <yaml-cpp/yaml.h>

#include "load/text.hpp"

namespace bookc::load {

namespace {
// Length of the line at `i` including its newline; `line` gets it without "\r\n".
std::size_t line_at(std::string_view s, std::size_t i, std::string_view& line) {
    std::size_t e = s.find('\n', i);
    std::size_t next = e == std::string_view::npos ? s.size() : e + 1;
    line = s.substr(i, (e == std::string_view::npos ? s.size() : e) - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return next - i;
}

std::string scalar_or_join(const YAML::Node& n) {
    if (!n) return {};
    if (n.IsScalar()) return n.as<std::string>();
    if (n.IsSequence()) {
        std::string out;
        for (const auto& x : n) {
            if (!x.IsScalar()) continue;
            if (!out.empty()) out += ", ";
            out += x.as<std::string>();
        }
        return out;
    }
    return {};
}
}  // namespace

std::size_t front_matter_length(std::string_view text) {
    std::string_view line;
    std::size_t i = line_at(text, 0, line);
    if (trim_ascii(line) != "---" || line.size() < 3 || line.substr(0, 3) != "---") return 0;
    bool first = true;
    while (i < text.size()) {
        std::size_t len = line_at(text, i, line);
        std::string_view t = trim_ascii(line);
        if ((t == "---" || t == "...") && line.substr(0, 3) == t.substr(0, 3)) return i + len;
        if (first && !t.empty() && t[0] != '#') {
            // A thematic break that opens an article is not front matter: the first
            // line of real front matter is "key: value" (or a YAML flow / list item).
            first = false;
            std::size_t k = 0;
            while (k < t.size() && (std::isalnum(static_cast<unsigned char>(t[k])) || t[k] == '_' ||
                                    t[k] == '-' || static_cast<unsigned char>(t[k]) >= 0x80))
                ++k;
            bool key = k > 0 && k < t.size() &&
                       (t[k] == ':' || (t[k] == ' ' && t.find(':') != std::string_view::npos &&
                                        trim_ascii(t.substr(k)).front() == ':'));
            if (!key && t[0] != '{') return 0;
        }
        i += len;
    }
    return 0;
}

FrontMatter read_front_matter(ChapterContext& ctx, std::string_view text) {
    FrontMatter fm;
    std::size_t len = front_matter_length(text);
    if (!len) return fm;
    fm.present = true;
    fm.body_offset = static_cast<std::uint32_t>(len);
    std::string_view first;
    std::size_t yaml_begin = line_at(text, 0, first);
    std::string_view yaml = text.substr(yaml_begin, len - yaml_begin);
    // Drop the closing fence line.
    std::size_t close = yaml.rfind("\n", yaml.size() >= 2 ? yaml.size() - 2 : 0);
    yaml = close == std::string_view::npos ? std::string_view() : yaml.substr(0, close + 1);
    // yaml-cpp recurses on nesting: refuse absurd nesting before handing it over.
    int depth = 0, max_depth = 0;
    for (char c : yaml) {
        if (c == '[' || c == '{') max_depth = std::max(max_depth, ++depth);
        if ((c == ']' || c == '}') && depth > 0) --depth;
    }
    if (max_depth > 64 || yaml.size() > 256 * 1024) {
        ctx.diags.warning(ctx.span(static_cast<std::uint32_t>(yaml_begin),
                                   static_cast<std::uint32_t>(yaml_begin)),
                          "front matter is too large or too deeply nested; it was ignored");
        return fm;
    }
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        std::uint32_t off = static_cast<std::uint32_t>(yaml_begin);
        if (!e.mark.is_null()) {
            // Map the YAML line/column to a byte offset in the file.
            std::uint32_t line =
                ctx.file.line_col(off).line - 1 + static_cast<std::uint32_t>(e.mark.line);
            if (line < ctx.file.line_starts.size())
                off = ctx.file.line_starts[line] + static_cast<std::uint32_t>(e.mark.column);
        }
        ctx.diags.error(ctx.span(off, off), "invalid front matter: " + e.msg);
        return fm;
    }
    if (!root.IsMap()) {
        if (!root.IsNull())
            ctx.diags.warning(ctx.span(static_cast<std::uint32_t>(yaml_begin),
                                       static_cast<std::uint32_t>(yaml_begin)),
                              "front matter is not a key: value map; it was ignored");
        return fm;
    }
    try {
        fm.title = scalar_or_join(root["title"]);
        fm.author = scalar_or_join(root["author"]);
        if (fm.author.empty()) fm.author = scalar_or_join(root["authors"]);
        fm.date = scalar_or_join(root["date"]);
        fm.description = scalar_or_join(root["description"]);
        if (fm.description.empty()) fm.description = scalar_or_join(root["summary"]);
        const YAML::Node tags = root["tags"];
        if (tags && tags.IsSequence()) {
            for (const auto& t : tags)
                if (t.IsScalar()) fm.tags.push_back(t.as<std::string>());
        } else if (tags && tags.IsScalar()) {
            std::string_view all = tags.Scalar();
            std::size_t i = 0;
            while (i <= all.size()) {
                std::size_t j = all.find(',', i);
                if (j == std::string_view::npos) j = all.size();
                std::string_view one = trim(all.substr(i, j - i));
                if (!one.empty()) fm.tags.emplace_back(one);
                i = j + 1;
            }
        }
        // Keys bookc does not use are named, so a typo (titel:) is not silently lost.
        static constexpr std::string_view kKnown[] = {"title",       "author",  "authors", "date",
                                                      "description", "summary", "tags"};
        for (const auto& kv : root) {
            std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
            if (std::find(std::begin(kKnown), std::end(kKnown), key) != std::end(kKnown)) continue;
            std::uint32_t off = static_cast<std::uint32_t>(yaml_begin);
            if (kv.first.Mark().line >= 0) {
                std::uint32_t line = ctx.file.line_col(off).line - 1 +
                                     static_cast<std::uint32_t>(kv.first.Mark().line);
                if (line < ctx.file.line_starts.size())
                    off = ctx.file.line_starts[line] +
                          static_cast<std::uint32_t>(kv.first.Mark().column);
            }
            ctx.diags.warning(
                ctx.span(off, off),
                "front matter key `" + key + "` is not understood; it is ignored",
                {"bookc reads title, author(s), date, description (or summary) and tags"});
        }
        if (root["title"] && root["title"].Mark().line >= 0) {
            std::uint32_t line = ctx.file.line_col(static_cast<std::uint32_t>(yaml_begin)).line -
                                 1 + static_cast<std::uint32_t>(root["title"].Mark().line);
            if (line < ctx.file.line_starts.size()) {
                std::uint32_t off = ctx.file.line_starts[line] +
                                    static_cast<std::uint32_t>(root["title"].Mark().column);
                fm.title_span = ctx.span(off, off + static_cast<std::uint32_t>(fm.title.size()));
            }
        }
    } catch (const YAML::Exception& e) {
        ctx.diags.warning(ctx.span(static_cast<std::uint32_t>(yaml_begin),
                                   static_cast<std::uint32_t>(yaml_begin)),
                          "front matter could not be read: " + e.msg);
    }
    return fm;
}

}  // namespace bookc::load
