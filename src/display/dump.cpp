// A stable text dump of a display list: one item per line, numbers rounded to 0.01.
// Used by golden tests and for debugging (`page N` headers, then indented items).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "display/display.hpp"

namespace bookc::display {

namespace {

std::string num(float v) {
    double r = std::round(double(v) * 100.0) / 100.0;
    if (r == 0) r = 0;  // no "-0"
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed, 2);  // no locale
    std::string s(buf, res.ptr);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

std::string color(const Color& c) {
    auto h = [](float v) {
        int i = int(std::lround(std::clamp(double(v), 0.0, 1.0) * 255));
        char buf[3];
        std::snprintf(buf, sizeof buf, "%02x", i);
        return std::string(buf);
    };
    return "#" + h(c.r) + h(c.g) + h(c.b);
}

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\', out += c;
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out + "\"";
}

const char* label_style(LabelStyle s) {
    switch (s) {
        case LabelStyle::Decimal:
            return "decimal";
        case LabelStyle::LowerRoman:
            return "lower-roman";
        case LabelStyle::UpperRoman:
            return "upper-roman";
        case LabelStyle::None:
            return "none";
    }
    return "?";
}

void outline(std::string& out, const std::vector<OutlineEntry>& v, int depth) {
    for (const auto& e : v) {
        out += std::string(std::size_t(depth) * 2, ' ') + "outline " + quote(e.title) + " -> " +
               e.dest + "\n";
        outline(out, e.children, depth + 1);
    }
}

std::string tag(int t) { return t < 0 ? "" : " #" + std::to_string(t); }

struct ItemDump {
    std::string& out;
    void operator()(const GlyphRun& r) const {
        float w = 0;
        for (const auto& g : r.glyphs) w += g.advance;
        out += "  text f" + std::to_string(r.font) + " " + num(r.size) + " " + color(r.color) +
               " at " + num(r.x) + "," + num(r.y) + " w=" + num(w) +
               " n=" + std::to_string(r.glyphs.size()) + tag(r.tag) + (r.copy ? "" : " nocopy") +
               " " + quote(r.text) + "\n";
    }
    void operator()(const Rule& r) const {
        out += "  rule " + num(r.x1) + "," + num(r.y1) + " - " + num(r.x2) + "," + num(r.y2) +
               " w=" + num(r.width) + " " + color(r.color) + (r.dotted ? " dotted" : "") + "\n";
    }
    void operator()(const Rect& r) const {
        out += "  rect " + num(r.x) + "," + num(r.y) + " " + num(r.w) + "x" + num(r.h);
        if (r.fill) out += " fill=" + color(r.fill_color);
        if (r.stroke_width > 0) out += " stroke=" + num(r.stroke_width) + color(r.stroke_color);
        out += "\n";
    }
    void operator()(const Cells& c) const {
        int n = 0;
        for (auto d : c.dark) n += d != 0;
        out += "  cells " + num(c.x) + "," + num(c.y) + " " + std::to_string(c.columns) + "x" +
               std::to_string(c.rows) + " of " + num(c.size) + " dark=" + std::to_string(n) + " " +
               color(c.color) + tag(c.tag) + "\n";
    }
    void operator()(const Image& i) const {
        out += "  image " + quote(i.key) + " " + (i.format == ImageFormat::Png ? "png" : "jpeg") +
               " " + std::to_string(i.pixel_width) + "x" + std::to_string(i.pixel_height) + " at " +
               num(i.x) + "," + num(i.y) + " " + num(i.w) + "x" + num(i.h) +
               " bytes=" + std::to_string(i.data ? i.data->size() : 0) + tag(i.tag) + "\n";
    }
    void operator()(const Link& l) const {
        out += "  link " + num(l.x) + "," + num(l.y) + " " + num(l.w) + "x" + num(l.h) +
               (l.uri.empty() ? "" : " uri=" + l.uri) + (l.dest.empty() ? "" : " dest=" + l.dest) +
               "\n";
    }
    void operator()(const Anchor& a) const {
        out += "  anchor " + a.name + " y=" + num(a.y) + "\n";
    }
};

}  // namespace

std::string dump(const Document& doc) {
    std::string out;
    const auto& m = doc.meta;
    out += "meta title=" + quote(m.title) + " author=" + quote(m.author) +
           " subject=" + quote(m.subject) + " keywords=" + quote(m.keywords) +
           " lang=" + quote(m.language) + " creator=" + quote(m.creator) +
           " date=" + quote(m.date) + "\n";
    for (std::size_t i = 0; i < doc.fonts.size(); ++i) {
        const auto& f = doc.fonts[i];
        auto slash = f.path.find_last_of('/');
        out += "font " + std::to_string(i) + " " +
               (slash == std::string::npos ? f.path : f.path.substr(slash + 1)) + "#" +
               std::to_string(f.face_index) + " " + f.postscript_name +
               " upem=" + std::to_string(f.units_per_em) + "\n";
    }
    for (const auto& l : doc.page_labels)
        out += "label page=" + std::to_string(l.first_page) + " " + label_style(l.style) +
               " prefix=" + quote(l.prefix) + " start=" + std::to_string(l.start) + "\n";
    outline(out, doc.outline, 0);
    for (std::size_t i = 0; i < doc.structure.size(); ++i) {
        const auto& e = doc.structure[i];
        out += "struct #" + std::to_string(i) + " " + e.role + " in " +
               (e.parent < 0 ? std::string("document") : "#" + std::to_string(e.parent)) +
               (e.alt.empty() ? "" : " alt=" + quote(e.alt)) + "\n";
    }
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        const auto& page = doc.pages[p];
        out += "page " + std::to_string(p + 1) + " " + num(page.width) + "x" + num(page.height) +
               " items=" + std::to_string(page.items.size()) + "\n";
        for (const auto& item : page.items) std::visit(ItemDump{out}, item);
    }
    return out;
}

}  // namespace bookc::display
