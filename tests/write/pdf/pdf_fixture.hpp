// Builds display::Documents by hand for the PDF writer tests: text shaped with HarfBuzz
// (Noto Serif CJK SC, DejaVu Sans), a JPEG fixture, a PNG with alpha made with libpng.
#pragma once
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <hb.h>
#include <png.h>

#include "display/display.hpp"
#include "font/hb_ptr.hpp"
#include "support/need.hpp"
#include "support/test_support.hpp"

namespace bookc::pdf_test {

inline const char* const kNotoSerifCjk = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
inline const char* const kDejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// The fonts the documents below use (fonts-noto-cjk, fonts-dejavu-core), and the tools a
// test names: a skip on a partial machine, a failure under BOOKC_REQUIRE_TOOLS=1.
inline bool fonts_available(std::vector<std::string> tools = {}) {
    tools.push_back(kNotoSerifCjk);
    tools.push_back(kDejaVuSans);
    return test::need(tools);
}

inline display::GlyphRun shape(const display::Document& doc, int font, const std::string& text,
                               float size, float x, float y, display::Color color = {}) {
    const display::FontFace& face = doc.fonts.at(static_cast<std::size_t>(font));
    font::HbPtr<hb_blob_t> blob(hb_blob_create_from_file(face.path.c_str()));
    font::HbPtr<hb_face_t> hface(
        hb_face_create(blob.get(), static_cast<unsigned>(face.face_index)));
    font::HbPtr<hb_font_t> hfont(hb_font_create(hface.get()));
    const unsigned upem = hb_face_get_upem(hface.get());
    hb_font_set_scale(hfont.get(), static_cast<int>(upem), static_cast<int>(upem));
    font::HbBufferPtr buf(hb_buffer_create());
    hb_buffer_add_utf8(buf.get(), text.data(), static_cast<int>(text.size()), 0,
                       static_cast<int>(text.size()));
    hb_buffer_set_language(buf.get(), hb_language_from_string("zh-Hans", -1));
    hb_buffer_guess_segment_properties(buf.get());
    hb_shape(hfont.get(), buf.get(), nullptr, 0);
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), &n);
    display::GlyphRun run;
    run.font = font;
    run.size = size;
    run.color = color;
    run.x = x;
    run.y = y;
    run.text = text;
    const float k = size / static_cast<float>(upem);
    for (unsigned i = 0; i < n; ++i) {
        display::Glyph g;
        g.gid = info[i].codepoint;
        g.cluster = info[i].cluster;
        g.advance = static_cast<float>(pos[i].x_advance) * k;
        g.dx = static_cast<float>(pos[i].x_offset) * k;
        g.dy = static_cast<float>(pos[i].y_offset) * k;
        run.glyphs.push_back(g);
    }
    return run;
}

inline float run_width(const display::GlyphRun& run) {
    float w = 0;
    for (const auto& g : run.glyphs) w += g.advance;
    return w;
}

inline std::string png_with_alpha(int w, int h) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(w);
    image.height = static_cast<png_uint_32>(h);
    image.format = PNG_FORMAT_RGBA;
    std::vector<png_byte> pixels(static_cast<std::size_t>(w * h * 4));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            png_byte* p = &pixels[static_cast<std::size_t>((y * w + x) * 4)];
            p[0] = static_cast<png_byte>(255 * x / (w - 1));
            p[1] = 40;
            p[2] = static_cast<png_byte>(255 * y / (h - 1));
            p[3] = static_cast<png_byte>(x < w / 2 ? 255 : 64);
        }
    png_alloc_size_t size = 0;
    png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr);
    std::string out(size, '\0');
    if (!png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, nullptr))
        return {};
    out.resize(size);
    return out;
}

inline std::string jpeg_fixture() {
    return test::read_text(test::source_dir() + "/tests/fixtures/pdf/tiny.jpg");
}

namespace {

inline const char* kLine1 = "中文排版——测试，引号“你好”……完毕。";
inline const char* kLine2 = "第二行：数字 2024 年与 English 混排。";
inline const char* kLatin1 = "office efficient fish finance";  // Noto Latin: ffi, fi ligatures
inline const char* kLatin2 =
    "fish flow n\xCC\x83 q\xCC\x83 x\xCC\xA3 e\xCC\x81";  // DejaVu: fi/fl, combining marks
// U+2F00 (Kangxi radical one) draws with the glyph of U+4E00: it needs /ActualText.
inline const char* kPage3 = "第二章　尾声。最后一页——完。⼀";

}  // namespace

inline std::vector<std::string> sample_lines(int page, const std::string& variant = "") {
    if (page == 0) return {"前言"};
    if (page == 1) return {kLine1, kLine2, kLatin1, kLatin2};
    return {std::string(kPage3) + variant};
}

inline display::Document sample_document(const std::string& variant = "") {
    display::Document doc;
    doc.meta.title = "测试之书";
    doc.meta.author = "张三, Li Si";
    doc.meta.subject = "PDF writer test";
    doc.meta.keywords = "pdf, 测试";
    doc.meta.language = "zh-CN";
    doc.meta.creator = "bookc 0.1.0";
    doc.meta.date = "2024-05-01";
    doc.fonts.push_back({kNotoSerifCjk, 2, "NotoSerifCJKsc-Regular", 1000});
    doc.fonts.push_back({kDejaVuSans, 0, "DejaVuSans", 2048});

    const float W = 420, H = 595;
    for (int p = 0; p < 3; ++p) {
        display::Page page;
        page.width = W;
        page.height = H;
        doc.pages.push_back(page);
    }
    auto& p0 = doc.pages[0].items;
    p0.push_back(display::Anchor{"preface", 60});
    p0.push_back(shape(doc, 0, "前言", 18, 60, 80));

    auto& p1 = doc.pages[1].items;
    p1.push_back(display::Anchor{"chap1", 50});
    auto l1 = shape(doc, 0, kLine1, 12, 50, 70);
    auto l2 = shape(doc, 0, kLine2, 12, 50, 90, {0.1f, 0.2f, 0.6f});
    auto l3 = shape(doc, 0, kLatin1, 12, 50, 110);
    auto l4 = shape(doc, 1, kLatin2, 11, 50, 130);
    p1.push_back(l1);
    p1.push_back(l2);
    p1.push_back(l3);
    p1.push_back(l4);
    p1.push_back(display::Link{50, 58, run_width(l1), 15, "", "chap2"});
    p1.push_back(display::Link{50, 98, run_width(l3), 15, "https://example.org/书?q=1", ""});
    display::Rule rule;
    rule.x1 = 50;
    rule.y1 = 140;
    rule.x2 = 370;
    rule.y2 = 140;
    p1.push_back(rule);
    display::Rule dotted = rule;
    dotted.y1 = dotted.y2 = 145;
    dotted.dotted = true;
    dotted.width = 1;
    p1.push_back(dotted);
    display::Rect box;
    box.x = 50;
    box.y = 160;
    box.w = 320;
    box.h = 120;
    box.stroke_width = 0.5f;
    p1.push_back(box);
    display::Image jpeg;
    jpeg.x = 60;
    jpeg.y = 170;
    jpeg.w = 160;
    jpeg.h = 80;
    jpeg.format = display::ImageFormat::Jpeg;
    jpeg.data = std::make_shared<const std::string>(jpeg_fixture());
    jpeg.pixel_width = 16;
    jpeg.pixel_height = 8;
    jpeg.key = "images/tiny.jpg";
    p1.push_back(jpeg);
    display::Image png;
    png.x = 240;
    png.y = 170;
    png.w = 100;
    png.h = 100;
    png.format = display::ImageFormat::Png;
    png.data = std::make_shared<const std::string>(png_with_alpha(20, 20));
    png.pixel_width = 20;
    png.pixel_height = 20;
    png.key = "images/alpha.png";
    p1.push_back(png);

    auto& p2 = doc.pages[2].items;
    p2.push_back(display::Anchor{"chap2", 50});
    p2.push_back(shape(doc, 0, std::string(kPage3) + variant, 12, 50, 70));
    p2.push_back(png);  // same key: the XObject is shared
    p2.back() = [&] {
        display::Image again = png;
        again.y = 300;
        return again;
    }();

    doc.outline.push_back({"前言", "preface", {}});
    doc.outline.push_back({"第一章 开始", "chap1", {{"第一节 English", "chap1", {}}}});
    doc.outline.push_back({"第二章", "chap2", {}});
    doc.page_labels.push_back({0, display::LabelStyle::LowerRoman, "", 1});
    doc.page_labels.push_back({1, display::LabelStyle::Decimal, "", 1});
    return doc;
}

}  // namespace bookc::pdf_test
