#include "write/epub/plan.hpp"

#include <cstdio>
#include <regex>

#include "write/epub/assets.hpp"
#include "write/epub/identity.hpp"
#include "write/epub/xml.hpp"

namespace bookc::epub {

namespace {

std::string numbered(const char* prefix, int n, int total) {
    char buf[32];
    std::snprintf(buf, sizeof buf, total >= 100 ? "%s%03d" : "%s%02d", prefix, n);
    return buf;
}

bool valid_modified(const std::string& s) {
    static const std::regex re(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)");
    return std::regex_match(s, re);
}

bool valid_date(const std::string& s) {
    static const std::regex re(R"(\d{4}(-\d{2}(-\d{2})?)?)");
    return std::regex_match(s, re);
}

void collect_images(const model::Inlines& ins, std::set<int>& out) {
    for (const auto& in : ins) {
        if (in.kind == model::InlineKind::Image && in.asset >= 0) out.insert(in.asset);
        collect_images(in.children, out);
    }
}

void collect_images(const model::Blocks& blocks, std::set<int>& out) {
    for (const auto& b : blocks) {
        collect_images(b.inlines, out);
        collect_images(b.children, out);
        for (const auto& row : b.rows)
            for (const auto& cell : row) collect_images(cell.content, out);
    }
}

void collect_images(const model::Chapter& ch, std::set<int>& out) {
    collect_images(ch.title_inlines, out);
    collect_images(ch.blocks, out);
    for (const auto& fn : ch.footnotes) collect_images(fn.blocks, out);
    if (ch.comments)
        for (const auto& c : ch.comments->comments) {
            if (c.avatar_asset >= 0) out.insert(c.avatar_asset);
            collect_images(c.body, out);
            collect_images(c.reply, out);
        }
}

int min_heading_level(const model::Blocks& blocks, const model::Block* skip) {
    int lvl = 7;
    for (const auto& b : blocks)
        if (b.kind == model::BlockKind::Heading && &b != skip)
            lvl = std::min(lvl, std::max(1, b.level));
    return lvl;
}

// Ids the model gave (when usable) are kept; they are reserved first so that a fallback
// ("<chapter>-h<n>", by heading index) never takes one of them.
void reserve_heading_ids(ChapterPlan& cp, const model::Blocks& blocks) {
    for (const auto& b : blocks) {
        if (b.kind == model::BlockKind::Heading && &b != cp.title_block && is_safe_id(b.id) &&
            !cp.ids.count(b.id)) {
            cp.ids.insert(b.id);
            cp.heading_ids[&b] = b.id;
        }
        reserve_heading_ids(cp, b.children);
    }
}

void assign_heading_ids(ChapterPlan& cp, const model::Blocks& blocks, bool top, int& counter) {
    for (const auto& b : blocks) {
        if (b.kind == model::BlockKind::Heading && &b != cp.title_block) {
            ++counter;
            auto it = cp.heading_ids.find(&b);
            std::string id = it != cp.heading_ids.end()
                                 ? it->second
                                 : cp.unique_id(cp.id + "-h" + std::to_string(counter));
            cp.heading_ids[&b] = id;
            if (top && std::max(1, b.level) == cp.section_level)
                cp.sections.push_back({id, xml_clean(model::plain_text(b.inlines))});
        }
        assign_heading_ids(cp, b.children, false, counter);
    }
}

// '/'-separated path normalisation: drops "." and resolves "..".
std::string normalize_path(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i <= path.size()) {
        std::size_t j = path.find('/', i);
        if (j == std::string::npos) j = path.size();
        std::string seg = path.substr(i, j - i);
        if (seg == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        i = j + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string percent_decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() &&
            std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// A web URL as a valid URI: characters URIs do not allow (quotes, spaces, angle brackets,
// non-ASCII, a stray '%' or second '#') are percent-encoded. Empty when there is no host.
std::string web_uri(const std::string& url) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    bool fragment = false;
    for (std::size_t i = 0; i < url.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(url[i]);
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  std::string_view("-._~:/?@!$&'()*+,;=[]").find(static_cast<char>(c)) !=
                      std::string_view::npos;
        if (c == '%' && i + 2 < url.size() &&
            std::isxdigit(static_cast<unsigned char>(url[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(url[i + 2])))
            ok = true;
        if (c == '#' && !fragment) {
            fragment = true;
            ok = true;
        }
        if (ok) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

}  // namespace

std::string ChapterPlan::unique_id(const std::string& base) {
    if (ids.insert(base).second) return base;
    int& n = next_suffix[base];
    if (n < 2) n = 2;
    std::string id;
    do id = base + "-" + std::to_string(n++);
    while (!ids.insert(id).second);
    return id;
}

bool is_web_url(std::string_view url) {
    std::string u = lower_ascii(std::string(url.substr(0, 8)));
    return u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0;
}

Plan make_plan(const model::Book& book, const config::BookConfig& cfg, base::DiagSink& diags) {
    Plan plan;
    const auto& m = book.meta;
    plan.lang = is_language_tag(m.language)     ? m.language
                : is_language_tag(cfg.language) ? cfg.language
                                                : "zh-CN";
    if (is_language_tag(cfg.second_language)) plan.latin_lang = cfg.second_language;
    plan.title = xml_clean(!m.title.empty() ? m.title : !cfg.title.empty() ? cfg.title : "未命名");
    plan.subtitle = xml_clean(!m.subtitle.empty() ? m.subtitle : cfg.subtitle);
    for (const auto& a : (m.authors.empty() ? cfg.authors : m.authors))
        if (!xml_clean(a).empty()) plan.authors.push_back(xml_clean(a));
    std::string ident = !m.identifier.empty() ? m.identifier : cfg.identifier;
    plan.identifier = !xml_clean(ident).empty()
                          ? xml_clean(ident)
                          : default_identifier(plan.title, plan.authors, plan.lang);
    if (valid_modified(m.modified)) {
        plan.modified = m.modified;
    } else {
        if (!m.modified.empty())
            diags.warning({}, "EPUB: build date '" + xml_clean(m.modified) +
                                  "' is not of the form YYYY-MM-DDThh:mm:ssZ; using 1980-01-01");
        plan.modified = "1980-01-01T00:00:00Z";
    }
    if (valid_date(m.date)) plan.date = m.date;
    plan.description = xml_clean(!m.description.empty() ? m.description : cfg.description);
    for (const auto& s : (m.subjects.empty() ? cfg.subjects : m.subjects))
        if (!xml_clean(s).empty()) plan.subjects.push_back(xml_clean(s));

    // Names the package itself uses; chapter ids must not collide with them.
    std::set<std::string> used = {"nav",   "ncx",        "css",         "font-body",
                                  "cover", "cover-page", "cover-image", "titlepage",
                                  "toc",   "book-id",    "title",       "subtitle"};
    int total = static_cast<int>(book.chapter_count());
    int titled_parts = 0;
    for (const auto& p : book.parts)
        if (!xml_clean(p.title).empty()) ++titled_parts;

    int ci = 0;
    for (const auto& part : book.parts) {
        int part_index = -1;
        if (!xml_clean(part.title).empty()) {
            PartPlan pp;
            pp.title = xml_clean(part.title);
            int n = static_cast<int>(plan.parts.size()) + 1;
            pp.id = numbered("part", n, titled_parts);
            used.insert(pp.id);
            pp.href = "text/" + pp.id + ".xhtml";
            part_index = static_cast<int>(plan.parts.size());
            plan.parts.push_back(pp);
            plan.top.push_back({true, part_index});
        }
        for (const auto& ch : part.chapters) {
            ++ci;
            ChapterPlan cp;
            cp.chapter = &ch;
            cp.part = part_index;
            std::string id = is_safe_id(ch.id) ? ch.id : numbered("ch", ci, total);
            if (used.count(id)) {
                std::string base = id;
                for (int n = 2; used.count(id); ++n) id = base + "-" + std::to_string(n);
            }
            used.insert(id);
            cp.id = id;
            cp.ids.insert(id);
            cp.href = "text/" + id + ".xhtml";
            cp.title =
                xml_clean(!ch.title.empty() ? ch.title : model::plain_text(ch.title_inlines));
            if (cp.title.empty()) cp.title = "第 " + std::to_string(ci) + " 章";
            // A first heading that repeats the chapter title is the title itself.
            for (const auto& b : ch.blocks) {
                if (b.kind == model::BlockKind::Heading) {
                    if (xml_clean(model::plain_text(b.inlines)) == cp.title) cp.title_block = &b;
                    break;
                }
                if (b.kind != model::BlockKind::Paragraph || b.role != "lead") break;
            }
            int lvl = min_heading_level(ch.blocks, cp.title_block);
            cp.section_level = lvl == 7 ? 2 : lvl;
            int counter = 0;
            reserve_heading_ids(cp, ch.blocks);
            assign_heading_ids(cp, ch.blocks, true, counter);
            for (std::size_t f = 0; f < ch.footnotes.size(); ++f) {
                const auto& fn = ch.footnotes[f];
                int num = fn.number > 0 ? fn.number : static_cast<int>(f) + 1;
                std::string fid = is_safe_id(fn.id) ? fn.id : "fn-" + std::to_string(num);
                cp.footnote_ids.push_back(cp.unique_id(fid));
            }
            int index = static_cast<int>(plan.chapters.size());
            if (!ch.rel_path.empty()) plan.chapter_by_path[normalize_path(ch.rel_path)] = index;
            if (part_index >= 0)
                plan.parts[part_index].chapters.push_back(index);
            else
                plan.top.push_back({false, index});
            plan.chapters.push_back(std::move(cp));
        }
    }

    // Assets: only those a chapter (or the cover) uses, of a type every reader supports.
    std::set<int> wanted;
    book.for_each_chapter([&](const model::Chapter& ch) { collect_images(ch, wanted); });
    if (m.cover_asset >= 0) wanted.insert(m.cover_asset);
    for (int idx : wanted) {
        if (idx < 0 || idx >= static_cast<int>(book.assets.size())) continue;
        const auto& a = book.assets[idx];
        if (!a.data || a.data->empty()) {
            diags.warning({}, "EPUB: image '" + xml_clean(a.rel_path) + "' has no data; left out");
            continue;
        }
        if (!is_core_image_type(a.media_type)) {
            diags.warning({}, "EPUB: image '" + xml_clean(a.rel_path) + "' is " +
                                  xml_clean(a.media_type) +
                                  ", not a type EPUB readers must support (PNG, JPEG, GIF, SVG); "
                                  "its alt text is shown instead");
            continue;
        }
        AssetPlan ap;
        ap.index = idx;
        ap.media_type = a.media_type;
        if (a.media_type == "image/svg+xml") {
            auto clean = sanitize_svg(*a.data);
            if (!clean) {
                diags.warning({}, "EPUB: SVG image '" + xml_clean(a.rel_path) +
                                      "' is not well-formed; its alt text is shown instead");
                continue;
            }
            ap.data = std::move(*clean);
        } else {
            ap.data = *a.data;
        }
        char buf[32];
        std::snprintf(buf, sizeof buf, "img-%03d", idx + 1);
        ap.id = buf;
        ap.href = "images/" + ap.id + "." + image_extension(a.media_type);
        plan.assets[idx] = std::move(ap);
    }
    if (m.cover_asset >= 0 && plan.assets.count(m.cover_asset)) plan.cover_asset = m.cover_asset;
    return plan;
}

LinkTarget resolve_link(const Plan& plan, const ChapterPlan& from, const std::string& raw) {
    LinkTarget t;
    std::string url = xml_clean(raw);
    // Trim and refuse whitespace/control tricks ("java\tscript:").
    std::string compact;
    for (char c : url)
        if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
    if (compact.empty()) return t;
    std::string low = lower_ascii(compact);
    if (low.rfind("http://", 0) == 0 || low.rfind("https://", 0) == 0 ||
        low.rfind("mailto:", 0) == 0) {
        std::size_t rest = low.find(':') + 1;
        while (rest < compact.size() && compact[rest] == '/') ++rest;
        if (rest >= compact.size() || compact[rest] == '?' || compact[rest] == '#')
            return t;  // no host
        // As browsers do: tabs and newlines dropped, outer spaces trimmed, inner ones encoded.
        std::string clean;
        for (char c : url)
            if (c != '\t' && c != '\n' && c != '\r') clean += c;
        auto b = clean.find_first_not_of(' '), e = clean.find_last_not_of(' ');
        t.kind = LinkTarget::External;
        t.href = web_uri(clean.substr(b, e - b + 1));
        return t;
    }
    // Any other scheme (javascript:, data:, file:, vbscript:, ...) is refused.
    auto colon = compact.find(':');
    auto slash = compact.find_first_of("/?#");
    if (colon != std::string::npos && (slash == std::string::npos || colon < slash)) return t;
    if (compact[0] == '/') return t;  // absolute paths point outside the book

    std::string path = compact, frag;
    if (auto hash = path.find('#'); hash != std::string::npos) {
        frag = percent_decode(path.substr(hash + 1));
        path = path.substr(0, hash);
    }
    if (auto q = path.find('?'); q != std::string::npos) path = path.substr(0, q);
    const ChapterPlan* target = nullptr;
    if (path.empty()) {
        target = &from;
    } else {
        std::string dir = from.chapter ? from.chapter->rel_path : "";
        auto s = dir.rfind('/');
        dir = s == std::string::npos ? "" : dir.substr(0, s + 1);
        auto it = plan.chapter_by_path.find(normalize_path(dir + percent_decode(path)));
        if (it == plan.chapter_by_path.end()) return t;
        target = &plan.chapters[it->second];
    }
    std::string file = target->href.substr(5);  // strip "text/": links go between text/ files
    if (!frag.empty() && target->ids.count(frag)) {
        t.href = file + "#" + frag;
    } else if (target == &from) {
        if (frag.empty()) return t;  // a bare "" or "?x" link
        t.href = file;               // unknown anchor: the chapter itself
    } else {
        t.href = file;
    }
    t.kind = LinkTarget::Internal;
    return t;
}

}  // namespace bookc::epub
