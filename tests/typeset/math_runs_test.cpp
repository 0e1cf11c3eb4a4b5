// Formulas in the display list: scripts sized and shifted by the math font's MATH
// constants, letters in math italic from the math font, display formulas centred.
#include <doctest/doctest.h>

#include <filesystem>

#include <hb-ot.h>

#include "pages_fixtures.hpp"
#include "support/math_nodes.hpp"

using namespace bookc;
using namespace bookc::test;

namespace {

const display::GlyphRun* run_with(const display::Document& doc, const std::string& text) {
    for (const auto& page : doc.pages)
        for (auto r : runs(page))
            if (r->text == text) return r;
    return nullptr;
}

}  // namespace

TEST_CASE("typeset maths: scripts take their size and shift from the MATH table") {
    const char* path = "/usr/share/fonts/truetype/dejavu/DejaVuMathTeXGyre.ttf";
    REQUIRE_MESSAGE(std::filesystem::exists(path),
                    "fonts-dejavu-extra is needed (scripts/deps.txt)");
    hb_blob_t* blob = hb_blob_create_from_file(path);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(face);
    const float upem = static_cast<float>(hb_face_get_upem(face));
    const float scale =
        hb_ot_math_get_constant(font, HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN) / 100.0f;
    const float up = hb_ot_math_get_constant(font, HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP) / upem;
    const float down =
        hb_ot_math_get_constant(font, HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN) / upem;
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    REQUIRE(scale > 0.5f);
    REQUIRE(up > 0.1f);

    auto doc =
        typeset_it(one_chapter({para("前文。"), test::math_block("x^2"), test::math_block("y_3")}));
    const display::GlyphRun* x = run_with(doc, "𝑥");  // math italic, from the math font
    const display::GlyphRun* two = run_with(doc, "2");
    const display::GlyphRun* y = run_with(doc, "𝑦");
    const display::GlyphRun* three = run_with(doc, "3");
    REQUIRE(x);
    REQUIRE(two);
    REQUIRE(y);
    REQUIRE(three);
    CHECK(doc.fonts.at(static_cast<std::size_t>(x->font)).path == path);
    CHECK(two->size == doctest::Approx(x->size * scale).epsilon(0.001));
    // Same baseline, the script's glyphs offset (dy: up is positive).
    CHECK(two->y == doctest::Approx(x->y));
    CHECK(two->glyphs.at(0).dy - x->glyphs.at(0).dy == doctest::Approx(x->size * up).epsilon(0.01));
    CHECK(y->glyphs.at(0).dy - three->glyphs.at(0).dy ==
          doctest::Approx(y->size * down).epsilon(0.01));
    CHECK(two->x > x->x);
}

TEST_CASE("typeset maths: a display formula is centred on the measure, its number at the right") {
    model::Block eq = test::math_block("a+b=c\\tag{7}");
    auto doc = typeset_it(one_chapter({para("前文。"), eq}));
    const display::GlyphRun* tag = run_with(doc, "(7)");
    REQUIRE(tag);
    // The formula's runs: from 𝑎 to 𝑐 (one run: same font, size and baseline).
    const display::GlyphRun* f = nullptr;
    for (const auto& page : doc.pages)
        for (auto r : runs(page))
            if (r->text.find("𝑎") != std::string::npos) f = r;
    REQUIRE(f);
    CHECK(f->text == "𝑎\u2005+\u2005𝑏\u2004=\u2004𝑐");
    float w = 0;
    for (const auto& g : f->glyphs) w += g.advance;
    float tag_w = 0;
    for (const auto& g : tag->glyphs) tag_w += g.advance;
    // The number ends at the measure's right edge.
    float right = tag->x + tag_w;
    config::Layout L;
    float left = right - static_cast<float>(L.page_width - L.margin_inner - L.margin_outer);
    CHECK((f->x + w / 2) == doctest::Approx((left + right) / 2).epsilon(0.002));
    CHECK(tag->y == doctest::Approx(f->y));
}
