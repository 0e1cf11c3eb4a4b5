#include "load/plaintext.hpp"

#include <algorithm>

#include "base/utf8.hpp"
#include "load/boilerplate.hpp"
#include "load/text.hpp"

namespace bookc::load {

namespace {

using model::Block;
using model::BlockKind;

struct Line {
    std::uint32_t begin, end;  // trimmed content
    std::string_view text;
};

bool ends_sentence(std::string_view l) {
    static constexpr std::string_view kEnds[] = {"。", "！", "？", "…", "”", "」", "』", "：", "；",
                                                 "）", ".",  "!",  "?", ":", ";",  ")",  "\""};
    for (auto e : kEnds)
        if (ends_with(l, e)) return true;
    return false;
}

bool has_inner_punct(std::string_view l) {
    static constexpr std::string_view kPunct[] = {"。", "，", "！", "？", "；",
                                                  ",",  ".",  "!",  "?",  ";"};
    for (auto p : kPunct)
        if (l.find(p) != std::string_view::npos) return true;
    return false;
}

}  // namespace

bool is_image_file_line(std::string_view line) {
    line = trim(line);
    if (line.empty() || line.size() > 200) return false;
    for (char c : line)
        if (c == ' ' || c == '\t' || c == '/' || c == '\\') return false;
    std::string low = to_lower_ascii(line);
    for (std::string_view ext : {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg"})
        if (ends_with(low, ext) && low.size() > ext.size()) return true;
    return false;
}

PlainTextResult load_plain_text(ChapterContext& ctx) {
    PlainTextResult r;
    std::string_view text = ctx.file.text;
    std::vector<Line> lines;
    std::size_t i = 0;
    if (starts_with(text, "\xEF\xBB\xBF")) i = 3;
    while (i < text.size()) {
        std::size_t e = text.find('\n', i);
        if (e == std::string_view::npos) e = text.size();
        std::string_view raw = text.substr(i, e - i);
        std::string_view t = trim(raw);
        auto b = static_cast<std::uint32_t>(t.empty() ? i : t.data() - text.data());
        lines.push_back({b, b + static_cast<std::uint32_t>(t.size()), t});
        i = e + 1;
    }
    // Title: the first non-empty line.
    std::size_t k = 0;
    while (k < lines.size() && lines[k].text.empty()) ++k;
    if (k == lines.size()) return r;
    r.title = std::string(lines[k].text);
    r.title_span = ctx.span(lines[k].begin, lines[k].end);
    ++k;
    // Boilerplate tail.
    std::size_t body_from = k < lines.size() ? lines[k].begin : text.size();
    std::size_t cut = find_boilerplate(text, body_from, ctx.cfg);
    // Blocks of consecutive non-empty lines.
    std::vector<std::vector<Line>> groups;
    bool open = false;
    for (; k < lines.size() && lines[k].begin < cut; ++k) {
        if (lines[k].text.empty()) {
            open = false;
            continue;
        }
        if (is_image_file_line(lines[k].text)) continue;
        if (!open) groups.emplace_back();
        open = true;
        groups.back().push_back(lines[k]);
    }
    bool first = true;
    auto paragraph = [&](const std::vector<Line>& ls, std::size_t from, std::size_t to) {
        Block p;
        p.kind = BlockKind::Paragraph;
        p.span = ctx.span(ls[from].begin, ls[to - 1].end);
        for (std::size_t j = from; j < to; ++j) {
            if (j > from) {
                model::Inline br;
                br.kind = model::InlineKind::SoftBreak;
                br.span = ctx.span(ls[j - 1].end, ls[j].begin);
                p.inlines.push_back(br);
            }
            append_text(p.inlines, ls[j].text, ctx.span(ls[j].begin, ls[j].end));
        }
        return p;
    };
    for (std::size_t g = 0; g < groups.size(); ++g) {
        auto& ls = groups[g];
        // 简介: lead paragraph.
        if (first) {
            first = false;
            for (std::string_view label : {"简介:", "简介：", "摘要:", "摘要："}) {
                if (!starts_with(ls[0].text, label)) continue;
                std::string_view rest = trim(ls[0].text.substr(label.size()));
                auto b = static_cast<std::uint32_t>(rest.data() - text.data());
                Block lead;
                lead.kind = BlockKind::Paragraph;
                lead.role = "lead";
                lead.span = ctx.span(ls[0].begin, ls[0].end);
                append_text(lead.inlines, rest,
                            ctx.span(b, b + static_cast<std::uint32_t>(rest.size())));
                if (!rest.empty()) r.blocks.push_back(std::move(lead));
                ls.erase(ls.begin());
                break;
            }
            if (ls.empty()) continue;
        }
        // A lone short line without sentence punctuation, followed by a longer paragraph:
        // a section heading.
        if (ls.size() == 1 && g + 1 < groups.size() && count_codepoints(ls[0].text) <= 30 &&
            !ends_sentence(ls[0].text) && !has_inner_punct(ls[0].text) &&
            count_codepoints(groups[g + 1][0].text) > count_codepoints(ls[0].text) * 2) {
            Block h;
            h.kind = BlockKind::Heading;
            h.level = 2;
            h.span = ctx.span(ls[0].begin, ls[0].end);
            append_text(h.inlines, ls[0].text, h.span);
            r.blocks.push_back(std::move(h));
            continue;
        }
        // Paragraph breaks inside the block: after a sentence end, or after a line much
        // shorter than the longest one (hard-wrapped text has lines of similar width).
        std::size_t widest = 0;
        for (const auto& l : ls) widest = std::max(widest, count_codepoints(l.text));
        std::size_t from = 0;
        for (std::size_t j = 0; j < ls.size(); ++j) {
            bool last = j + 1 == ls.size();
            bool brk =
                last || ends_sentence(ls[j].text) || count_codepoints(ls[j].text) * 10 < widest * 7;
            if (brk) {
                r.blocks.push_back(paragraph(ls, from, j + 1));
                from = j + 1;
            }
        }
    }
    return r;
}

}  // namespace bookc::load
