#include "write/epub/css.hpp"

#include <fstream>
#include <sstream>

#include "base/utf8.hpp"

namespace bookc::epub {

std::string layout_css(const config::Layout& layout, base::DiagSink& diags) {
    if (layout.dir.empty()) return default_css();
    std::string path = layout.dir + "/epub.css";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.warning_at(path, 0, 0, "layout '" + layout.name +
                                         "' has no epub.css; the built-in EPUB stylesheet is used");
        return default_css();
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string css = base::sanitize_utf8(ss.str());
    if (css.rfind("\xEF\xBB\xBF", 0) == 0) css.erase(0, 3);  // a BOM would precede @charset rules
    return css;
}

std::string font_face_css(const std::string& family, const std::string& href, const std::string& format) {
    std::string fam;
    for (char c : family)
        if (c != '"' && c != '\\' && c != '\n' && c != ';' && c != '{' && c != '}') fam += c;
    return "@font-face {\n  font-family: \"" + fam + "\";\n  font-style: normal;\n  font-weight: normal;\n"
           "  src: url(\"" + href + "\") format(\"" + format + "\");\n}\n\n";
}

}  // namespace bookc::epub
