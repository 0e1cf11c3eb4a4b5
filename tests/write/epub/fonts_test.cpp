// Embedding the layout's body font: subset to the book's characters, small, valid.
#include <doctest/doctest.h>
#include <hb.h>

#include <fstream>
#include <set>
#include <sstream>

#include "base/utf8.hpp"
#include "epub_support.hpp"
#include "support/need.hpp"
#include "support/test_support.hpp"
#include "write/epub/fonts.hpp"

using namespace bookc;
using namespace bookc::epubtest;

namespace {
const char* kSerif = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";

struct Face {
    hb_blob_t* blob;
    hb_face_t* face;
    explicit Face(const std::string& data) {
        blob = hb_blob_create(data.data(), static_cast<unsigned>(data.size()),
                              HB_MEMORY_MODE_READONLY, nullptr, nullptr);
        face = hb_face_create(blob, 0);
    }
    ~Face() {
        hb_face_destroy(face);
        hb_blob_destroy(blob);
    }
    bool has_table(const char* tag) const {
        hb_blob_t* t = hb_face_reference_table(face, hb_tag_from_string(tag, 4));
        bool has = hb_blob_get_length(t) > 0;
        hb_blob_destroy(t);
        return has;
    }
    bool covers(char32_t c) const {
        hb_font_t* f = hb_font_create(face);
        hb_codepoint_t g = 0;
        bool ok = hb_font_get_nominal_glyph(f, c, &g);
        hb_font_destroy(f);
        return ok;
    }
};
}  // namespace

TEST_CASE("epub fonts: hb-subset keeps the needed characters and drops layout tables") {
    if (!test::need({kSerif})) return;
    std::string bytes = test::read_text(kSerif);
    REQUIRE(!bytes.empty());
    std::set<char32_t> chars;
    for (char32_t c : base::to_u32("中文排版测试，标点。“引号”——破折号…… ABC abc 123"))
        chars.insert(c);
    std::string error;
    auto sub = epub::subset_font(bytes, 2, chars, error);  // face 2 = SC
    REQUIRE_MESSAGE(sub.has_value(), error);
    CHECK(sub->media_type == "font/otf");
    CHECK(sub->data.compare(0, 4, "OTTO") == 0);
    MESSAGE("subset of ", chars.size(), " characters: ", sub->data.size(),
            " bytes (full collection: ", bytes.size(), ")");
    CHECK(sub->data.size() < 60 * 1024);
    Face f(sub->data);
    CHECK(hb_face_get_glyph_count(f.face) < 100);
    for (char32_t c : chars) CHECK_MESSAGE(f.covers(c), static_cast<unsigned>(c));
    CHECK(!f.covers(U'龍'));
    CHECK(!f.has_table("GSUB"));
    CHECK(!f.has_table("GPOS"));
    CHECK(!f.has_table("vmtx"));
    CHECK(f.has_table("CFF "));
    CHECK(f.has_table("cmap"));

    // Garbage is refused, not crashed on.
    CHECK(!epub::subset_font("not a font", 0, chars, error).has_value());
}

TEST_CASE("epub fonts: embed_fonts puts a subset body font and @font-face in the package") {
    config::BookConfig cfg;
    cfg.epub_embed_fonts = true;
    auto b = build(sample_book(), cfg);
    auto m = unzip_map(b.bytes);
    font::FontDb db(test::source_dir());
    if (!test::need({kSerif})) {
        // No font: embedding is skipped with a warning.
        CHECK(b.diags.warnings() >= 1);
        CHECK(m.count("OEBPS/fonts/body.otf") == 0);
        return;
    }
    REQUIRE(db.find("Noto Serif CJK SC"));
    REQUIRE(m.count("OEBPS/fonts/body.otf") == 1);
    const std::string& font = m.at("OEBPS/fonts/body.otf");
    MESSAGE("embedded body font subset for the sample book: ", font.size(), " bytes; EPUB ",
            b.bytes.size(), " bytes");
    CHECK(font.size() < 150 * 1024);
    pugi::xml_document opf;
    parse_xml(opf, m.at("OEBPS/content.opf"), "opf");
    auto item = opf.select_node("//item[@href='fonts/body.otf']").node();
    REQUIRE(item);
    CHECK(std::string(item.attribute("media-type").value()) == "font/otf");
    const std::string& css = m.at("OEBPS/css/book.css");
    CHECK(css.rfind("@font-face", 0) == 0);
    CHECK(css.find("font-family: \"Noto Serif CJK SC\"") != std::string::npos);
    CHECK(css.find("url(\"../fonts/body.otf\")") != std::string::npos);
    // Every character of the chapters is in the subset.
    Face f(font);
    for (const char* name : {"OEBPS/text/ch01.xhtml", "OEBPS/text/ch02.xhtml", "OEBPS/nav.xhtml"}) {
        pugi::xml_document d;
        parse_xml(d, m.at(name), name);
        for (auto t : d.select_nodes("//body//text()")) {
            for (char32_t c : base::to_u32(t.node().value()))
                if (c > 0x20 && c != 0x2610 && c != 0x2611)
                    CHECK_MESSAGE(f.covers(c), name, " U+", std::hex, static_cast<unsigned>(c));
        }
    }
    // Still deterministic, still valid.
    CHECK(build(sample_book(), cfg).bytes == b.bytes);
    keep_for_epubcheck(b.bytes, "fonts");  // tests/validate/epubcheck_test.cpp checks it
    // Without the option: no font.
    CHECK(unzip_map(build(sample_book()).bytes).count("OEBPS/fonts/body.otf") == 0);
}
