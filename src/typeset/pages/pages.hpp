// Pages (private to typeset/): breaking flows into pages, running heads and folios,
// the title page and the table of contents.
#pragma once
#include <string>
#include <vector>

#include "display/display.hpp"
#include "typeset/flow/flow.hpp"

namespace bookc::typeset::pages {

// Left edge of the text block on a page: the inner margin is on the left of a recto.
float text_left(const flow::Styles& st, bool recto);

// Breaks a chapter's list into pages. Page 0 is a recto (right-hand page) in a facing
// layout, so the result does not depend on where the chapter lands in the book.
std::vector<display::Page> paginate(const flow::VList& list, const flow::Styles& st);

// Prepared running-head material (a one-line text, laid out once).
struct HeadText {
    std::vector<display::GlyphRun> runs;  // on the baseline y = 0, x from 0
    float width = 0;
};
HeadText head_text(const std::string& text, const flow::Styles& st, FontTable& fonts,
                   base::DiagSink& diags, float max_width);

// Adds a running head (text on the outer side over a thin rule) and the folio at the foot's
// outer corner. Opening pages get only add_foot_folio. `recto`: right-hand page.
void add_running_head(display::Page& page, const flow::Styles& st, bool recto, const HeadText& head,
                      const HeadText& folio);
void add_foot_folio(display::Page& page, const flow::Styles& st, bool recto, const HeadText& folio,
                    bool centred = true);

std::string roman(int n);  // lower-case roman numerals

// Title page: title, subtitle, authors.
display::Page title_page(const model::BookMeta& meta, const flow::Styles& st, FontTable& fonts,
                         base::DiagSink& diags);
display::Page blank_page(const flow::Styles& st);
// A part's title page.
display::Page part_page(const std::string& title, const std::string& dest, const flow::Styles& st,
                        FontTable& fonts, base::DiagSink& diags);

struct TocEntry {
    std::string title;
    std::string dest;
    int level = 1;     // 0 = part, 1 = chapter, 2 = section
    std::string page;  // the page label shown
};
// The table of contents: pages whose entries link to their destinations.
std::vector<display::Page> toc_pages(const std::vector<TocEntry>& entries, const flow::Styles& st,
                                     FontTable& fonts, base::DiagSink& diags);

}  // namespace bookc::typeset::pages
