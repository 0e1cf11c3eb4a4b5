// Media notes in print: a QR code of the link (libqrencode's modules, drawn as cells with a
// quiet zone) beside the title, the address shown as its host, the link keeping it whole.
#include <doctest/doctest.h>

#include <qrencode.h>

#include <memory>

#include "typeset/pages_fixtures.hpp"

using namespace bookc;
using namespace bookc::test;

namespace {

const std::string kUrl =
    "https://static001.geekbang.org/resource/audio/2f/4a/2fd7a3c9b1e84a5f6c0d8e7b9a1c2d3e.mp3";

model::Block audio(const std::string& title, const std::string& url) {
    model::Block b;
    b.kind = model::BlockKind::MediaNote;
    b.info = "audio";
    b.inlines = {text(title)};
    b.url = url;
    return b;
}

// libqrencode's own matrix for `url` at the level the typesetter uses.
struct Matrix {
    int width = 0;
    std::vector<std::uint8_t> dark;
};
Matrix qrencode(const std::string& url) {
    std::unique_ptr<QRcode, decltype(&QRcode_free)> q(
        QRcode_encodeString(url.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    REQUIRE(q);
    Matrix m;
    m.width = q->width;
    for (int i = 0; i < q->width * q->width; ++i) m.dark.push_back(q->data[i] & 1);
    return m;
}

}  // namespace

TEST_CASE("media: an audio note carries a QR code of its link beside the title") {
    auto doc =
        typeset_it(one_chapter({para("前文。"), audio("第一讲：互斥锁", kUrl), para("后文。")}));
    const display::Cells* qr = nullptr;
    const display::Page* page = nullptr;
    for (const auto& p : doc.pages)
        for (const auto& it : p.items)
            if (auto c = std::get_if<display::Cells>(&it)) qr = c, page = &p;
    REQUIRE(qr);

    // The modules are libqrencode's for the URL, inside a blank quiet zone of 4 modules.
    const Matrix want = qrencode(kUrl);
    REQUIRE(qr->columns == want.width + 8);
    REQUIRE(qr->rows == want.width + 8);
    REQUIRE(qr->dark.size() == std::size_t(qr->columns * qr->rows));
    int dark = 0, want_dark = 0, mismatches = 0, quiet = 0;
    for (int y = 0; y < qr->rows; ++y)
        for (int x = 0; x < qr->columns; ++x) {
            const bool d = qr->dark[std::size_t(y * qr->columns + x)];
            dark += d;
            const bool inside = x >= 4 && y >= 4 && x < 4 + want.width && y < 4 + want.width;
            if (!inside)
                quiet += d;
            else
                mismatches += d != bool(want.dark[std::size_t((y - 4) * want.width + (x - 4))]);
        }
    for (auto d : want.dark) want_dark += d;
    CHECK(dark == want_dark);
    CHECK(mismatches == 0);
    CHECK(quiet == 0);
    // About 22 mm across in print, quiet zone included; the symbol itself 17 to 20 mm.
    const float mm = 72 / 25.4f;
    CHECK(qr->size * float(qr->columns) == doctest::Approx(22 * mm).epsilon(0.01));
    CHECK(qr->size * float(want.width) >= 17 * mm);
    CHECK(qr->size * float(want.width) <= 20 * mm);
    CHECK(qr->tag >= 0);
    CHECK(doc.structure.at(std::size_t(qr->tag)).role == "Figure");

    // Beside it: the label and title, then the host, linked to the whole address.
    std::string t = page_text(*page);
    CHECK(t.find("［音频］第一讲：互斥锁") != std::string::npos);
    CHECK(t.find("static001.geekbang.org…") != std::string::npos);
    CHECK(t.find("resource/audio") == std::string::npos);
    const float right = qr->x + qr->size * float(qr->columns);
    bool beside = false;
    for (const auto& it : page->items)
        if (auto r = std::get_if<display::GlyphRun>(&it);
            r && r->text.find("互斥锁") != std::string::npos)
            beside = r->x > right && r->y > qr->y && r->y < qr->y + qr->size * float(qr->rows);
    CHECK(beside);
    int links = 0;
    for (const auto& it : page->items)
        if (auto l = std::get_if<display::Link>(&it); l && l->uri == kUrl) {
            ++links;
            CHECK(l->x > right);
        }
    CHECK(links == 1);
}

TEST_CASE("media: long addresses shown as text in print are shortened to their host") {
    // A note without a web address keeps its text; a short address is shown whole; a
    // remote image's placeholder shows the host and links the whole address.
    const std::string img_url =
        "https://static001.geekbang.org/account/avatar/00/10/5b/66/ad35bc68.jpg";
    model::Inline img;
    img.kind = model::InlineKind::Image;
    img.text = "头像";
    img.url = img_url;
    auto doc = typeset_it(one_chapter(
        {audio("本地音频", "media/01.mp3"), audio("短链接", "https://go.dev/a.mp3"), para({img})}));
    std::string t;
    for (std::size_t p : body_pages(doc)) t += page_text(doc.pages[p]);
    CHECK(t.find("［音频］本地音频 media/01.mp3") != std::string::npos);
    CHECK(t.find("https://go.dev/a.mp3") != std::string::npos);
    CHECK(t.find("［图：头像］ static001.geekbang.org…") != std::string::npos);
    CHECK(t.find("ad35bc68") == std::string::npos);
    int cells = 0;
    bool linked = false;
    for (const auto& p : doc.pages)
        for (const auto& it : p.items) {
            cells += std::holds_alternative<display::Cells>(it);
            if (auto l = std::get_if<display::Link>(&it)) linked |= l->uri == img_url;
        }
    CHECK(cells == 1);  // the short web address has one; a local file none
    CHECK(linked);
}
