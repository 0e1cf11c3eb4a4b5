// The package plan: every name the EPUB uses (file names, manifest ids, anchor ids),
// decided once from the model before anything is rendered, so that links between
// documents resolve and the same book always gets the same names (never random).
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/diag.hpp"
#include "config/config.hpp"
#include "model/model.hpp"

namespace bookc::epub {

struct SectionRef {
    std::string id;     // anchor in the chapter document
    std::string title;  // plain text
};

struct ChapterPlan {
    const model::Chapter* chapter = nullptr;
    std::string id;     // manifest id and <section> id, e.g. "ch01"
    std::string href;   // relative to the package folder: "text/ch01.xhtml"
    std::string title;  // plain text
    int part = -1;      // index in Plan::parts, -1 when the chapter is in no titled part
    const model::Block* title_block = nullptr;  // a leading heading repeating the title (skipped)
    int section_level = 2;                      // model heading level of the chapter's sections
    std::map<const model::Block*, std::string> heading_ids;
    std::vector<SectionRef> sections;
    std::vector<std::string> footnote_ids;  // parallel to chapter->footnotes
    std::set<std::string> ids;              // every id used in the document so far
    bool has_math = false;                  // the document holds MathML (OPF "mathml")
    // A fresh id based on `base`, unique within this document: `base`, else `base-N` with the
    // smallest free N >= 2. Ids are never released, so the search for a base resumes where
    // it stopped last time (20,000 references to one footnote were quadratic).
    std::string unique_id(const std::string& base);
    std::map<std::string, int> next_suffix;  // base → first N not yet known to be taken
};

struct PartPlan {
    std::string title;
    std::string id;             // "part01"
    std::string href;           // "text/part01.xhtml"
    std::vector<int> chapters;  // indexes in Plan::chapters
};

struct AssetPlan {
    int index = -1;  // in Book::assets
    std::string id;  // manifest id
    std::string href;
    std::string media_type;
    std::string data;  // bytes to store (SVG: sanitised)
};

struct Plan {
    std::string lang;
    std::string latin_lang = "en";  // [book] second_language: the language of Latin runs
    std::string title;
    std::string subtitle;
    std::vector<std::string> authors;
    std::string identifier;
    std::string modified;
    std::string date;  // YYYY-MM-DD or empty
    std::string description;
    std::vector<std::string> subjects;
    std::vector<PartPlan> parts;  // titled parts only
    // Reading order: part pages are not chapters; `top` lists what the TOC shows at the
    // top level: {true, part index} or {false, chapter index}.
    std::vector<ChapterPlan> chapters;
    std::vector<std::pair<bool, int>> top;
    std::map<int, AssetPlan> assets;             // usable, referenced assets by model index
    int cover_asset = -1;                        // model index, -1: generated cover
    std::map<std::string, int> chapter_by_path;  // source rel_path → chapter index
    bool code_line_numbers = false;              // the layout numbers every code block's lines
};

Plan make_plan(const model::Book& book, const config::BookConfig& cfg, base::DiagSink& diags);

// A link target as the package sees it.
struct LinkTarget {
    enum Kind { None, External, Internal } kind = None;
    std::string href;
};
// Resolves a link written in `from` (a chapter): http(s)/mailto links are external; links to
// another chapter's source file (or an anchor in it) become package-relative hrefs between
// text/ documents; anything else (javascript:, data:, files not in the book) is None.
LinkTarget resolve_link(const Plan& plan, const ChapterPlan& from, const std::string& url);
bool is_web_url(std::string_view url);  // http:// or https://

}  // namespace bookc::epub
