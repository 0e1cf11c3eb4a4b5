#include <doctest/doctest.h>

#include "font/font.hpp"

using namespace bookc::font;

TEST_CASE("FontDb finds Noto Serif CJK SC at face index 2") {
    FontDb db("/nonexistent");
    auto info = db.find("Noto Serif CJK SC");
    REQUIRE(info.has_value());
    CHECK(info->index == 2);
    CHECK(info->path.find("NotoSerifCJK-Regular.ttc") != std::string::npos);
    CHECK(info->family == "Noto Serif CJK SC");
    CHECK_FALSE(info->bold);
}
