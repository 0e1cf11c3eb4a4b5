// The package's documents other than chapters: cover, title and part pages (front.cpp),
// navigation (nav.cpp: nav.xhtml and toc.ncx), the package document and container.xml
// (package.cpp).
#pragma once
#include <set>
#include <string>
#include <vector>

#include "write/epub/plan.hpp"

namespace bookc::epub {

// text/cover.xhtml: the cover image when the plan has one, else a generated cover
// (title, subtitle, authors).
std::string render_cover(const Plan& plan, std::set<char32_t>* chars);
// text/titlepage.xhtml
std::string render_title_page(const Plan& plan, std::set<char32_t>* chars);
// text/partNN.xhtml
std::string render_part_page(const Plan& plan, const PartPlan& part, std::set<char32_t>* chars);

// nav.xhtml (in the package folder): TOC of parts, chapters and their sections, and landmarks.
std::string render_nav(const Plan& plan, std::set<char32_t>* chars);
// toc.ncx for EPUB 2 reading systems.
std::string render_ncx(const Plan& plan);

struct ManifestItem {
    std::string id;
    std::string href;  // relative to the package folder
    std::string media_type;
    std::string properties;
};
struct SpineItem {
    std::string idref;
    bool linear = true;
};
// content.opf
std::string render_opf(const Plan& plan, const std::vector<ManifestItem>& manifest,
                       const std::vector<SpineItem>& spine, const std::string& cover_image_id);
// META-INF/container.xml pointing at `opf_path`.
std::string render_container(const std::string& opf_path);

}  // namespace bookc::epub
