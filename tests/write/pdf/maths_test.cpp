// Maths in the PDF (the linear form until the layout slice): the example book's text has
// no raw TeX, its symbols come out as Unicode, and display formulas are centred on the
// text block (positions from pdftotext -bbox).
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <regex>
#include <vector>

#include "support/test_support.hpp"

using namespace bookc;
using namespace bookc::test;

namespace {

struct Word {
    double x0, y0, x1, y1;
    std::string text;
};
struct PageWords {
    std::vector<Word> words;
};

std::vector<PageWords> bbox_words(const std::string& pdf) {
    auto r = run("pdftotext -enc UTF-8 -bbox " + shell_quote(pdf) + " -");
    REQUIRE_MESSAGE(r.status == 0, "pdftotext (poppler-utils) is needed: " << r.err);
    std::vector<PageWords> pages;
    std::regex page_re("<page ");
    std::regex word_re(
        "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
        "yMax=\"([0-9.]+)\">([^<]*)</word>");
    std::size_t pos = 0;
    const std::string& s = r.out;
    while ((pos = s.find("<page ", pos)) != std::string::npos) {
        std::size_t end = s.find("</page>", pos);
        std::string body = s.substr(pos, end - pos);
        PageWords p;
        for (std::sregex_iterator it(body.begin(), body.end(), word_re), e; it != e; ++it)
            p.words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                               std::stod((*it)[4]), (*it)[5]});
        pages.push_back(std::move(p));
        pos = end;
    }
    return pages;
}

// Words grouped into lines by their vertical middle (2 pt apart at most).
std::vector<std::vector<Word>> lines_of(const PageWords& p) {
    std::vector<std::vector<Word>> lines;
    for (const Word& w : p.words) {
        double mid = (w.y0 + w.y1) / 2;
        bool placed = false;
        for (auto& l : lines)
            if (std::fabs((l[0].y0 + l[0].y1) / 2 - mid) < 2.0) {
                l.push_back(w);
                placed = true;
                break;
            }
        if (!placed) lines.push_back({w});
    }
    return lines;
}

struct Built {
    int status = -1;
    std::string err, pdf;
};

const Built& built() {
    static Built b = [] {
        Built r;
        std::string out = temp_dir("maths-pdf");
        auto res = run(shell_quote(bookc_bin()) + " build " +
                       shell_quote(source_dir() + "/examples/maths") + " -o " + shell_quote(out) +
                       " --format pdf -q");
        r.status = res.status;
        r.err = res.err;
        r.pdf = out + "/maths.pdf";
        return r;
    }();
    return b;
}

}  // namespace

TEST_CASE("pdf maths: no raw TeX in the example book's text, symbols as Unicode") {
    const Built& b = built();
    INFO(b.err);
    REQUIRE(b.status == 0);
    auto t = run("pdftotext -enc UTF-8 " + shell_quote(b.pdf) + " -");
    REQUIRE(t.status == 0);
    for (const char* raw :
         {"\\frac", "\\sum", "\\begin", "\\left", "\\mathbb", "\\text", "$$", "\\(", "\\eqref"}) {
        CAPTURE(raw);
        CHECK(t.out.find(raw) == std::string::npos);
    }
    for (const char* sym : {"∑", "√", "ℝ", "∞", "α", "⇒", "∀", "⊆", "𝑥", "(1.1)", "其他情况"}) {
        CAPTURE(sym);
        CHECK(t.out.find(sym) != std::string::npos);
    }
    // Prices and code stay as written.
    CHECK(t.out.find("$5 和 $6") != std::string::npos);
    CHECK(t.out.find("$PATH") != std::string::npos);
}

TEST_CASE("pdf maths: display formulas are centred on the text block") {
    const Built& b = built();
    REQUIRE(b.status == 0);
    auto pages = bbox_words(b.pdf);
    int found = 0;
    for (const PageWords& p : pages) {
        auto lines = lines_of(p);
        // The text block: the widest extent of the page's lines.
        double left = 1e9, right = 0;
        for (const auto& l : lines)
            for (const Word& w : l) {
                if (w.y0 < 60 || w.y1 > 540) continue;  // running heads and folios
                left = std::min(left, w.x0);
                right = std::max(right, w.x1);
            }
        for (const auto& l : lines) {
            std::string joined;
            double x0 = 1e9, x1 = 0;
            for (const Word& w : l) {
                joined += w.text;
                x0 = std::min(x0, w.x0);
                x1 = std::max(x1, w.x1);
            }
            // x + y = 1 (gathered) and E = mc² (numbered (1): the number is at the right).
            if (joined.find("𝑥+𝑦=1") == std::string::npos) continue;
            CAPTURE(joined);
            ++found;
            CHECK(x0 > left + 20);
            CHECK(std::fabs((x0 + x1) / 2 - (left + right) / 2) < 1.5);
        }
    }
    CHECK(found == 1);
}
