// Helpers for the EPUB writer tests: model builders, a sample book that uses every model
// element, unzipping a package in memory (libzip), keeping packages for epubcheck.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "base/diag.hpp"
#include "config/config.hpp"
#include "font/font.hpp"
#include "model/model.hpp"

namespace bookc::epubtest {

model::Inline T(std::string text);
model::Inline Em(std::vector<model::Inline> c);
model::Inline Strong(std::vector<model::Inline> c);
model::Inline Strike(std::vector<model::Inline> c);
model::Inline Code(std::string text);
model::Inline Link(std::string url, std::vector<model::Inline> c);
model::Inline Img(std::string url, std::string alt, int asset);
model::Inline Br();
model::Inline Soft();
model::Inline FnRef(std::string label, int number);

model::Block Para(std::vector<model::Inline> in, std::string role = {});
model::Block Heading(int level, std::string text, std::string id = {});
model::Block CodeBlock(std::string text, std::string lang);
model::Block Quote(std::vector<model::Block> children);
model::Block List(bool ordered, std::vector<model::Block> items, int start = 1, bool tight = true);
model::Block Item(std::vector<model::Block> children, int task = -1);
model::Block Hr();

model::Comment MakeComment(std::string author, int likes, std::string date, std::string text,
                           std::string reply = {});

// A tiny valid PNG (1x1) and a small SVG.
std::string tiny_png();
std::string tiny_svg();

// Two parts, three chapters, every block and inline kind, footnotes, comments, images.
model::Book sample_book();

config::Layout default_layout();  // the handbook layout folder of the checkout

struct Built {
    std::string bytes;
    base::DiagSink diags;
};
Built build(const model::Book& book, const config::BookConfig& cfg = {},
            const config::Layout& layout = default_layout());
// Entries of a ZIP, in archive order.
struct ZipFile {
    std::string name;
    std::string data;
    int method = 0;  // 0 stored, 8 deflate
};
std::vector<ZipFile> unzip(const std::string& bytes);
std::map<std::string, std::string> unzip_map(const std::string& bytes);

// Parses XML; fails the test when it is not well-formed.
void parse_xml(pugi::xml_document& doc, const std::string& text, const std::string& name);

// Writes the package to test::kept_epubs_dir()/<name>.epub, where the validate label's
// epubcheck run expects it (tests/validate/epubcheck_test.cpp lists the names): epubcheck
// takes half a minute a book, so the writer's own tests stay fast.
void keep_for_epubcheck(const std::string& bytes, const std::string& name);

}  // namespace bookc::epubtest
