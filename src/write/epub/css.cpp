#include "write/epub/css.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/read_file.hpp"
#include "base/utf8.hpp"

namespace bookc::epub {

namespace {

bool read_css(const std::string& path, std::string& out) {
    std::string raw;  // a regular file only: a FIFO named epub.css must not hang the build
    if (!base::read_file(path, raw)) return false;
    out = base::sanitize_utf8(raw);
    if (out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);  // a BOM would precede @charset rules
    return true;
}

// A layout's epub.css may begin with `@import "../handbook/epub.css";` lines: each imported
// file is inlined in its place, so layouts share one design and state only what differs.
// Imports stay inside the layouts folder (the parent of the layout's own folder).
std::string inline_imports(const std::string& css, const std::filesystem::path& dir,
                           const std::filesystem::path& root, int depth, base::DiagSink& diags,
                           const std::string& path) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
        std::size_t p = css.find_first_not_of(" \t\r\n", pos);
        while (p != std::string::npos && css.compare(p, 2, "/*") == 0) {  // comments before it
            std::size_t end = css.find("*/", p + 2);
            p = end == std::string::npos ? end : css.find_first_not_of(" \t\r\n", end + 2);
        }
        if (p == std::string::npos || css.compare(p, 8, "@import ") != 0) break;
        out += css.substr(pos, p - pos);
        std::size_t q1 = css.find('"', p),
                    q2 = q1 == std::string::npos ? q1 : css.find('"', q1 + 1);
        std::size_t semi = q2 == std::string::npos ? q2 : css.find(';', q2);
        if (semi == std::string::npos) break;
        std::string target = css.substr(q1 + 1, q2 - q1 - 1);
        std::error_code ec;
        std::filesystem::path file = std::filesystem::weakly_canonical(dir / target, ec);
        std::string rel = file.lexically_relative(root).generic_string();
        std::string text;
        if (depth >= 4 || rel.empty() || rel.rfind("..", 0) == 0 ||
            !read_css(file.string(), text)) {
            diags.warning_at(path, 0, 0, "cannot import `" + target + "` into the EPUB stylesheet",
                             {"imports must name a stylesheet inside the layouts folder"});
        } else {
            out += inline_imports(text, file.parent_path(), root, depth + 1, diags, file.string());
            out += '\n';
        }
        pos = semi + 1;
    }
    return out + css.substr(pos);
}

}  // namespace

std::string layout_css(const config::Layout& layout, base::DiagSink& diags) {
    if (layout.dir.empty()) return default_css();
    std::string path = layout.dir + "/epub.css";
    std::string css;
    if (!read_css(path, css)) {
        diags.warning_at(
            path, 0, 0,
            "layout '" + layout.name + "' has no epub.css; the built-in EPUB stylesheet is used");
        return default_css();
    }
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::weakly_canonical(layout.dir, ec);
    return inline_imports(css, dir, dir.parent_path(), 0, diags, path);
}

std::string font_face_css(const std::string& family, const std::string& href,
                          const std::string& format) {
    std::string fam;
    for (char c : family)
        if (c != '"' && c != '\\' && c != '\n' && c != ';' && c != '{' && c != '}') fam += c;
    return "@font-face {\n  font-family: \"" + fam +
           "\";\n  font-style: normal;\n  font-weight: normal;\n"
           "  src: url(\"" +
           href + "\") format(\"" + format + "\");\n}\n\n";
}

}  // namespace bookc::epub
