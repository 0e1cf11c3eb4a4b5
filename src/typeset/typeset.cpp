// typeset_book: chapters are flowed and paginated independently (in parallel; each
// opens on a recto, so its pages do not depend on where it lands), then assembled with
// the front matter, running heads, folios, the table of contents, outline and labels.
#include "typeset/typeset.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "typeset/flow/flow.hpp"
#include "typeset/pages/pages.hpp"

#ifndef BOOKC_VERSION
#define BOOKC_VERSION ""
#endif

namespace bookc::typeset {

namespace {

struct ChapterJob {
    const model::Chapter* chapter = nullptr;
    std::string dest;
    std::string title;
};

struct ChapterOut {
    std::vector<display::Page> pages;
    std::vector<display::StructElem> structure;  // chapter-local indices
    base::DiagSink diags;
    std::vector<std::pair<std::string, std::string>> sections;
    pages::HeadText head;
};

void run_chapter(const ChapterJob& job, const model::Book& book, const flow::Styles& st,
                 FontTable& table, ChapterOut& out) {
    try {
        flow::Builder b(st, table, out.diags);
        b.book = &book;
        b.dest_prefix = job.dest + "/";
        flow::flow_chapter(b, *job.chapter, job.dest);
        out.pages = pages::paginate(b.list, st);
        out.structure = std::move(b.list.structure);
        out.sections = std::move(b.sections);
        out.head = pages::head_text(job.title, st, table, out.diags, st.measure * 0.75f);
    } catch (const std::exception& e) {
        out.diags.error(job.chapter->title_span,
                        std::string("internal error while typesetting this chapter: ") + e.what());
    }
}

std::string chapter_title(const model::Chapter& ch) {
    if (!ch.title.empty()) return ch.title;
    if (!ch.title_inlines.empty()) return model::plain_text(ch.title_inlines);
    return ch.rel_path;
}

void run_all(const std::vector<ChapterJob>& jobs, const model::Book& book, const flow::Styles& st,
             FontTable& table, std::vector<ChapterOut>& outs) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < jobs.size();)
            run_chapter(jobs[i], book, st, table, outs[i]);
    };
    std::size_t n = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), 8);
    n = std::min(n, jobs.size());
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < n; ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
}

// Internal links: a relative URI naming another chapter's file ("02-x.md#sec") becomes a
// link to that chapter's destination; links to destinations that do not exist (a missing
// footnote, an unknown #id) are dropped, the text stays.
void resolve_links(std::vector<display::Page>& pages, const std::vector<ChapterJob>& jobs) {
    std::unordered_map<std::string, std::string> by_file;
    for (const auto& j : jobs) {
        const std::string& rel = j.chapter->rel_path;
        if (rel.empty()) continue;
        by_file.emplace(rel, j.dest);
        auto slash = rel.rfind('/');
        if (slash != std::string::npos) by_file.emplace(rel.substr(slash + 1), j.dest);
    }
    std::unordered_set<std::string> anchors;
    for (const auto& page : pages)
        for (const auto& it : page.items)
            if (auto a = std::get_if<display::Anchor>(&it)) anchors.insert(a->name);
    for (auto& page : pages) {
        auto& items = page.items;
        for (auto& it : items) {
            auto l = std::get_if<display::Link>(&it);
            if (!l || l->uri.empty() || l->uri.find("://") != std::string::npos ||
                l->uri.rfind("mailto:", 0) == 0)
                continue;
            std::string file = l->uri, frag;
            if (auto hash = file.find('#'); hash != std::string::npos)
                frag = file.substr(hash + 1), file.resize(hash);
            if (file.rfind("./", 0) == 0) file = file.substr(2);
            auto found = by_file.find(file);
            if (found == by_file.end()) continue;
            l->uri.clear();
            l->dest = found->second;
            if (!frag.empty() && anchors.count(found->second + "/" + frag)) l->dest += "/" + frag;
        }
        items.erase(std::remove_if(items.begin(), items.end(),
                                   [&](const display::Item& it) {
                                       auto l = std::get_if<display::Link>(&it);
                                       return l && l->uri.empty() &&
                                              (l->dest.empty() || !anchors.count(l->dest));
                                   }),
                    items.end());
    }
}

// Moves every tag on `pages` by `offset`.
void shift_tags(std::vector<display::Page>& pages, int offset) {
    for (auto& page : pages)
        for (auto& it : page.items) {
            if (auto* r = std::get_if<display::GlyphRun>(&it); r && r->tag >= 0) r->tag += offset;
            if (auto* im = std::get_if<display::Image>(&it); im && im->tag >= 0) im->tag += offset;
            if (auto* c = std::get_if<display::Cells>(&it); c && c->tag >= 0) c->tag += offset;
            if (auto* l = std::get_if<display::Link>(&it); l && l->tag >= 0) l->tag += offset;
        }
}

// Appends `local` (a chapter's structure) to `tree` under `parent` and moves the tags of
// `pages`' items by the same offset.
void graft(std::vector<display::StructElem>& tree, std::vector<display::StructElem> local,
           int parent, std::vector<display::Page>& pages) {
    const int offset = int(tree.size());
    for (auto& e : local) {
        e.parent = e.parent < 0 ? parent : e.parent + offset;
        tree.push_back(std::move(e));
    }
    shift_tags(pages, offset);
}

// Tags the untagged text of a page made outside the flow (title page, contents, part
// title): each baseline becomes one element; `make(k)` makes the leaf element for the
// page's k-th line and returns its index. A link (a contents entry) becomes a Link
// element, in the line it covers, holding that line's text.
template <class Make>
void tag_lines(display::Page& page, std::vector<display::StructElem>& tree, Make make) {
    std::vector<std::pair<float, int>> lines;  // baseline → element
    for (auto& it : page.items) {
        auto* r = std::get_if<display::GlyphRun>(&it);
        if (!r || r->tag >= 0) continue;
        int found = -1;
        for (const auto& [y, t] : lines)
            if (std::abs(y - r->y) < 0.5f) found = t;
        if (found < 0) {
            found = make(lines.size());
            lines.emplace_back(r->y, found);
        }
        r->tag = found;
    }
    for (auto& it : page.items) {
        auto* l = std::get_if<display::Link>(&it);
        if (!l || l->tag >= 0) continue;
        for (const auto& [y, t] : lines) {
            if (!(y > l->y && y < l->y + l->h)) continue;
            tree.push_back({"Link", t, {}});
            l->tag = int(tree.size()) - 1;
            for (auto& jt : page.items)
                if (auto* r = std::get_if<display::GlyphRun>(&jt);
                    r && r->tag == t && r->x >= l->x - 0.01f && r->x <= l->x + l->w)
                    r->tag = l->tag;
            break;
        }
    }
}

// A new element of `tree`; its index.
int add(std::vector<display::StructElem>& tree, std::string role, int parent) {
    tree.push_back({std::move(role), parent, {}});
    return int(tree.size()) - 1;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

}  // namespace

display::Document typeset_book(const model::Book& book, const config::Layout& layout,
                               font::FontDb& fonts, const base::SourceMap&, base::DiagSink& diags) {
    display::Document doc;
    FontTable table;
    const flow::Styles st = flow::make_styles(layout, fonts, diags);
    const bool facing = layout.facing;
    // Font indices in a fixed order, whatever order the threads first use them in.
    for (const FontChain* chain : {&st.body, &st.bold, &st.sans, &st.sans_bold, &st.mono})
        for (const auto& f : chain->fonts) table.index_of(f);

    // Chapters, in reading order.
    std::vector<ChapterJob> jobs;
    for (const auto& part : book.parts)
        for (const auto& ch : part.chapters) {
            ChapterJob j;
            j.chapter = &ch;
            j.dest = ch.id.empty() ? "ch-" + std::to_string(jobs.size() + 1) : ch.id;
            j.title = chapter_title(ch);
            jobs.push_back(std::move(j));
        }
    std::vector<ChapterOut> outs(jobs.size());
    run_all(jobs, book, st, table, outs);
    for (const auto& o : outs)
        for (const auto& d : o.diags.all()) diags.push(d);

    // Body: parts and chapters, each opening on a recto. Page numbers are arabic from 1.
    std::vector<display::Page> body;
    std::vector<display::StructElem> body_tree;  // the body's structure; front matter goes first
    std::vector<pages::TocEntry> toc;
    auto to_recto = [&] {
        if (facing && body.size() % 2 == 1) body.push_back(pages::blank_page(st));
    };
    pages::HeadText book_head =
        pages::head_text(book.meta.title, st, table, diags, st.measure * 0.75f);
    std::size_t ci = 0;
    for (std::size_t pi = 0; pi < book.parts.size(); ++pi) {
        const auto& part = book.parts[pi];
        display::OutlineEntry part_entry;
        bool titled = !part.title.empty();
        int part_elem = -1;
        if (titled) {
            to_recto();
            std::string dest = "part-" + std::to_string(pi + 1);
            body.push_back(pages::part_page(part.title, dest, st, table, diags));
            part_elem = int(body_tree.size());
            body_tree.push_back({"Part", -1, {}});
            tag_lines(body.back(), body_tree, [&](std::size_t k) {
                return add(body_tree, k == 0 ? "H1" : "P", part_elem);
            });
            toc.push_back({part.title, dest, 0, std::to_string(body.size())});
            part_entry.title = part.title;
            part_entry.dest = dest;
        }
        for (std::size_t k = 0; k < part.chapters.size(); ++k, ++ci) {
            ChapterOut& out = outs[ci];
            to_recto();
            std::size_t first = body.size();
            toc.push_back({jobs[ci].title, jobs[ci].dest, 1, std::to_string(first + 1)});
            if (layout.toc_depth >= 2)
                for (const auto& section : out.sections) {
                    // Named, not a structured binding: clang 14 cannot capture those in lambdas.
                    const std::string& title = section.first;
                    const std::string& dest = section.second;
                    for (std::size_t p = 0; p < out.pages.size(); ++p) {
                        const auto& items = out.pages[p].items;
                        if (std::any_of(items.begin(), items.end(), [&](const display::Item& it) {
                                auto a = std::get_if<display::Anchor>(&it);
                                return a && a->name == dest;
                            })) {
                            toc.push_back({title, dest, 2, std::to_string(first + p + 1)});
                            break;
                        }
                    }
                }
            graft(body_tree, std::move(out.structure), part_elem, out.pages);
            for (std::size_t p = 0; p < out.pages.size(); ++p) {
                std::size_t index = body.size();
                bool recto = !facing || index % 2 == 0;
                auto folio =
                    pages::head_text(std::to_string(index + 1), st, table, diags, st.measure);
                if (p == 0)
                    pages::add_foot_folio(out.pages[p], st, recto, folio);
                else if (layout.running_heads)
                    pages::add_running_head(out.pages[p], st, recto,
                                            recto || !facing ? out.head : book_head, folio);
                body.push_back(std::move(out.pages[p]));
            }
            display::OutlineEntry ce;
            ce.title = jobs[ci].title;
            ce.dest = jobs[ci].dest;
            for (const auto& [title, dest] : out.sections) ce.children.push_back({title, dest, {}});
            (titled ? part_entry.children : doc.outline).push_back(std::move(ce));
        }
        if (titled) doc.outline.push_back(std::move(part_entry));
    }

    // Front matter: title page, its verso, the contents; arabic numbering starts after.
    std::vector<display::Page> front;
    front.push_back(pages::title_page(book.meta, st, table, diags));
    tag_lines(front.back(), doc.structure,
              [&](std::size_t k) { return add(doc.structure, k == 0 ? "H1" : "P", -1); });
    if (facing) front.push_back(pages::blank_page(st));
    std::size_t toc_first = front.size();
    int toc_elem = -1;
    for (auto& p : pages::toc_pages(toc, st, table, diags)) {
        front.push_back(std::move(p));
        // The contents' heading, then a TOCI for each entry's line.
        const bool first_page = toc_elem < 0;
        tag_lines(front.back(), doc.structure, [&](std::size_t k) {
            if (first_page && k == 0) {
                const int h = add(doc.structure, "H1", -1);
                toc_elem = add(doc.structure, "TOC", -1);
                return h;
            }
            return add(doc.structure, "P", add(doc.structure, "TOCI", toc_elem));
        });
    }
    for (std::size_t i = toc_first; i < front.size(); ++i) {
        bool recto = !facing || i % 2 == 0;
        pages::add_foot_folio(
            front[i], st, recto,
            pages::head_text(pages::roman(int(i + 1)), st, table, diags, st.measure));
    }
    if (facing && front.size() % 2 == 1) front.push_back(pages::blank_page(st));
    doc.outline.insert(doc.outline.begin(), display::OutlineEntry{"目录", "toc", {}});

    doc.page_labels.push_back({0, display::LabelStyle::LowerRoman, "", 1});
    if (!body.empty())
        doc.page_labels.push_back({int(front.size()), display::LabelStyle::Decimal, "", 1});
    // The body's structure follows the front matter's.
    const int body_offset = int(doc.structure.size());
    for (auto& e : body_tree) {
        if (e.parent >= 0) e.parent += body_offset;
        doc.structure.push_back(std::move(e));
    }
    shift_tags(body, body_offset);
    doc.pages = std::move(front);
    doc.pages.reserve(doc.pages.size() + body.size());
    for (auto& p : body) doc.pages.push_back(std::move(p));
    resolve_links(doc.pages, jobs);
    doc.fonts = table.faces();

    auto& m = doc.meta;
    m.title = book.meta.title;
    m.author = join(book.meta.authors, ", ");
    m.subject = book.meta.description;
    m.keywords = join(book.meta.subjects, ", ");
    m.language = book.meta.language;
    m.creator =
        std::string("bookc") + (std::string(BOOKC_VERSION).empty() ? "" : " " BOOKC_VERSION);
    m.date = book.meta.modified;
    return doc;
}

}  // namespace bookc::typeset
