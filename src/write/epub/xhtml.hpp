// Chapter documents: the model's blocks, inlines, footnotes and readers' comments as
// EPUB 3 XHTML, built with pugixml (never by string concatenation).
#pragma once
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/model.hpp"
#include "write/epub/plan.hpp"
#include "write/epub/xml.hpp"

namespace bookc::epub {

// Renders one chapter (text/<id>.xhtml). Adds the ids it creates to `cp` and the code
// points of its text to `chars`.
std::string render_chapter(const model::Book& book, const Plan& plan, ChapterPlan& cp,
                           std::set<char32_t>* chars);

// Inline and block rendering for one chapter document; comments.cpp uses it too.
class ChapterWriter {
public:
    ChapterWriter(const model::Book& book, const Plan& plan, ChapterPlan& cp)
        : book_(book), plan_(plan), cp_(cp) {}

    void blocks(pugi::xml_node parent, const model::Blocks& blocks, int depth = 0);
    void block(pugi::xml_node parent, const model::Block& b, int depth);
    void inlines(pugi::xml_node parent, const model::Inlines& ins);
    void footnotes(pugi::xml_node parent);
    void comments(pugi::xml_node parent);  // comments.cpp

private:
    void inline_one(pugi::xml_node parent, const model::Inlines& ins, std::size_t i);
    void text(pugi::xml_node parent, std::string_view s);
    void image(pugi::xml_node parent, const model::Inline& in);
    void footnote_ref(pugi::xml_node parent, const model::Inline& in);
    void list(pugi::xml_node parent, const model::Block& b, int depth);
    void table(pugi::xml_node parent, const model::Block& b);
    void code_block(pugi::xml_node parent, const model::Block& b);  // code.cpp
    bool figure(pugi::xml_node parent, const model::Block& b);
    void media_note(pugi::xml_node parent, const model::Block& b);
    void equation(pugi::xml_node parent, const model::Block& b);
    void comment(pugi::xml_node parent, const model::Comment& c);
    int heading_level(const model::Block& b);  // h2–h6, no level skipped

    const model::Book& book_;
    const Plan& plan_;
    ChapterPlan& cp_;
    char32_t last_ = 0;  // last character written (for soft breaks)
    bool in_link_ = false;
    std::vector<std::pair<int, int>> open_headings_;  // (source level, h level) of the headings
                                                      // the next one may be nested in
    pugi::xml_node group_;  // the group of the footnote marker just written (noteref_group.hpp)
    std::map<int, std::vector<std::string>> refs_;  // footnote index → ids of its references
    // The chapter's footnotes by number and by label (the first of each), built on first use
    // so that each reference is found without a scan of every footnote.
    std::map<int, int> note_by_number_;
    std::map<std::string, int> note_by_label_;
    bool notes_indexed_ = false;
};

}  // namespace bookc::epub
