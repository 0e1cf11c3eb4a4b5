// FontDb / Font against the installed Noto and DejaVu fonts.
#include <doctest/doctest.h>

#include <filesystem>

#include "font/font.hpp"
#include "support/test_support.hpp"

using namespace bookc::font;

TEST_CASE("FontDb finds Noto Serif CJK SC at face index 2") {
    FontDb db("/nonexistent");
    auto info = db.find("Noto Serif CJK SC");
    REQUIRE(info.has_value());
    CHECK(info->index == 2);
    CHECK(info->path.find("NotoSerifCJK-Regular.ttc") != std::string::npos);
    CHECK(info->family == "Noto Serif CJK SC");
    CHECK(info->postscript_name == "NotoSerifCJKsc-Regular");
    CHECK_FALSE(info->bold);
}

TEST_CASE("FontDb: other faces of the collections, bold, exact names only") {
    FontDb db("/nonexistent");
    auto tc = db.find("Noto Serif CJK TC");
    REQUIRE(tc);
    CHECK(tc->index == 3);
    auto mono = db.find("Noto Sans Mono CJK SC");
    REQUIRE(mono);
    CHECK(mono->index == 7);
    CHECK(mono->path.find("NotoSansCJK-Regular.ttc") != std::string::npos);
    auto bold = db.find("Noto Serif CJK SC", true);
    REQUIRE(bold);
    CHECK(bold->bold);
    CHECK(bold->index == 2);
    CHECK(bold->path.find("NotoSerifCJK-Bold.ttc") != std::string::npos);
    // Case-insensitive but otherwise exact: no silent substitution of another family.
    CHECK(db.find("noto serif cjk sc"));
    CHECK_FALSE(db.find("Noto Serif CJK"));
    CHECK_FALSE(db.find("No Such Family 123"));
    CHECK(db.get("No Such Family 123") == nullptr);
}

TEST_CASE("Font: opened once, metrics and cmap") {
    FontDb db("/nonexistent");
    auto f = db.get("Noto Serif CJK SC");
    REQUIRE(f);
    CHECK(db.get("Noto Serif CJK SC") == f);  // cached: one Font per face
    CHECK(f->units_per_em() == 1000);
    CHECK(f->ascender() > 800);
    CHECK(f->descender() < -100);
    CHECK(f->has_char(U'中'));
    CHECK(f->glyph_for(U'中') != 0);
    CHECK(f->advance(f->glyph_for(U'中')) == 1000);
    CHECK_FALSE(f->has_char(U'\U0001F600'));
    CHECK(f->glyph_for(U'\U0001F600') == 0);
    CHECK(f->bytes().size() > 1000000);
    // The SC face maps 中 differently from nothing at all: its hb_font works.
    hb_codepoint_t g = 0;
    CHECK(hb_font_get_nominal_glyph(f->hb_font(), U'国', &g));
    CHECK(g == f->glyph_for(U'国'));
}

TEST_CASE("FontDb: the project's fonts folder is searched first") {
    const std::string dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    REQUIRE(std::filesystem::exists(dejavu));
    std::string dir = bookc::test::temp_dir("font_db_app");
    std::filesystem::create_directories(dir + "/fonts");
    std::filesystem::copy_file(dejavu, dir + "/fonts/DejaVuSans.ttf");
    FontDb db(dir);
    auto info = db.find("DejaVu Sans");
    REQUIRE(info);
    CHECK(info->path == dir + "/fonts/DejaVuSans.ttf");
    // The system copy is still found by a database without the folder.
    FontDb sys("/nonexistent");
    auto s = sys.find("DejaVu Sans");
    REQUIRE(s);
    CHECK(s->path == dejavu);
}

TEST_CASE("Font: faces of one collection share the file's bytes") {
    FontDb db("/nonexistent");
    auto sans = db.get("Noto Sans CJK SC");
    auto mono = db.get("Noto Sans Mono CJK SC");
    REQUIRE(sans);
    REQUIRE(mono);
    CHECK(sans != mono);
    CHECK(sans->info().index != mono->info().index);
    CHECK(&sans->bytes() == &mono->bytes());
    CHECK(sans->glyph_for(U'中') != 0);
    CHECK(mono->glyph_for(U'a') != 0);
}
