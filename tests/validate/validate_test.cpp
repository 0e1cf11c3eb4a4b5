// External validators on the books users build: the bundled content/ book, every book in
// examples/, and a book made of ../shared/seeds (skipped when ../shared is absent).
// epubcheck and DAISY Ace (content/, the seeds, the real columns) for the EPUB; qpdf, pdffonts,
// pdftotext, pdftoppm, mutool and pdfcheck.py for the PDF.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <sstream>

#include "ace.hpp"
#include "books.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace bookc::test;

namespace {

std::map<std::string, std::string> pdf_metrics(const Built& b) {
    std::string script = source_dir() + "/tests/validate/pdf_metrics.py";
    std::string pdfcheck = shared_dir() + "/tools/pdfcheck.py";
    return key_values(run("python3 " + shell_quote(script) + " " + shell_quote(pdfcheck) + " " +
                          shell_quote(b.pdf) + " " + shell_quote(b.text)));
}

double num(const std::map<std::string, std::string>& m, const std::string& k) {
    auto it = m.find(k);
    if (it == m.end() || it->second == "None" || it->second.empty()) return -1;
    return std::stod(it->second);
}

void check_epub(const Built& b) {
    REQUIRE_FALSE(b.epub.empty());
    auto r = run("java -jar /usr/share/java/epubcheck.jar " + shell_quote(b.epub));
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("No errors or warnings detected") != std::string::npos);
    CHECK(r.err.find("WARNING") == std::string::npos);
    CHECK(r.err.find("ERROR") == std::string::npos);
}

void check_pdf_structure(const Built& b) {
    REQUIRE_FALSE(b.pdf.empty());
    auto q = run("qpdf --check " + shell_quote(b.pdf));
    INFO(q.out, q.err);
    CHECK(q.status == 0);
    CHECK(q.out.find("No syntax or stream encoding errors found") != std::string::npos);

    auto f = run("pdffonts " + shell_quote(b.pdf));
    REQUIRE(f.status == 0);
    int rows = 0;
    std::size_t pos = f.out.find('\n', f.out.find('\n') + 1) + 1;  // skip the two header lines
    while (pos < f.out.size()) {
        std::size_t nl = f.out.find('\n', pos);
        std::string line = f.out.substr(pos, nl - pos);
        pos = nl == std::string::npos ? f.out.size() : nl + 1;
        if (line.empty()) continue;
        ++rows;
        INFO(line);
        CHECK(line.find("yes yes yes") != std::string::npos);  // emb sub uni
        CHECK(line.find("+") == 6);                            // ABCDEF+Name subset tag
    }
    CHECK(rows >= 1);

    auto t = run("pdftotext -enc UTF-8 " + shell_quote(b.pdf) + " -");
    CHECK(t.status == 0);
    CHECK(t.out.find("\xEF\xBF\xBD") == std::string::npos);  // U+FFFD

    std::string dir = fs::path(b.pdf).parent_path().string();
    auto p = run("pdftoppm -r 20 -png " + shell_quote(b.pdf) + " " + shell_quote(dir + "/poppler"));
    CHECK(p.status == 0);
    CHECK(p.err.empty());
    auto m = run("mutool draw -q -r 20 -o " + shell_quote(dir + "/mupdf-%d.png") + " " +
                 shell_quote(b.pdf));
    CHECK(m.status == 0);
    // mutool says this of its own build on every run; anything else is about the PDF.
    std::string merr = m.err;
    for (std::size_t p;
         (p = merr.find("warning: ICC support is not available\n")) != std::string::npos;)
        merr.erase(p, 39);
    CHECK(merr.empty());
}

// Every Han character of the source is somewhere in the PDF's text (as a multiset): no
// character is lost or replaced, whatever order a text extractor reads a page in.
void check_han_present(const Built& b) {
    auto t = run("pdftotext -enc UTF-8 " + shell_quote(b.pdf) + " -");
    auto count = [](const std::string& s) {
        std::map<std::string, int> m;
        for (std::size_t i = 0; i < s.size();) {
            unsigned char c = static_cast<unsigned char>(s[i]);
            std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            if (n == 3 && c >= 0xE4 && c <= 0xE9) ++m[s.substr(i, 3)];  // U+4E00..U+9FFF
            i += n;
        }
        return m;
    };
    auto src = count(read_text(b.text));
    auto pdf = count(t.out);
    int missing = 0;
    std::string examples;
    for (const auto& [ch, n] : src)
        if (pdf[ch] < n) {
            missing += n - pdf[ch];
            if (examples.size() < 60) examples += ch;
        }
    INFO("missing: ", examples);
    CHECK(missing == 0);
}

// The Han characters (U+4E00..U+9FFF) of UTF-8 text, in order: line breaks, spacing and
// Latin text are the layout's business, the order of the Chinese text is the reader's.
std::string han(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (n == 3 && c >= 0xE4 && c <= 0xE9) out += s.substr(i, 3);
        i += n;
    }
    return out;
}

// No line of Latin text is letter-spaced: Latin runs stretch at their spaces only, URLs and
// paths by a trace at most (latin_spacing.py, from mutool's glyph positions).
void check_latin_spacing(const Built& b) {
    REQUIRE(have_tool("mutool"));
    auto m =
        key_values(run("python3 " + shell_quote(source_dir() + "/tests/validate/latin_spacing.py") +
                       " " + shell_quote(b.pdf)));
    INFO("latin spacing: ", m["examples"], m["error"]);
    REQUIRE(m.count("letterspaced_lines"));
    CHECK(num(m, "letterspaced_lines") == 0);
    CHECK(num(m, "max_median_gap_em") <= 0.021);
}

void check_typesetting(const Built& b, bool body_heavy) {
    check_latin_spacing(b);
    if (shared_dir().empty()) {
        MESSAGE("../shared/tools/pdfcheck.py absent: typesetting metrics skipped");
        return;
    }
    auto m = pdf_metrics(b);
    INFO("metrics: ", m["examples"], " missing: ", m["missing"]);
    REQUIRE(m.count("pages"));
    CHECK(num(m, "start_prohibited") == 0);
    CHECK(num(m, "end_prohibited") == 0);
    CHECK(num(m, "split_dash") == 0);
    CHECK(num(m, "split_ellipsis") == 0);
    CHECK(num(m, "latin_split") == 0);  // Latin words break only at a drawn hyphen
    CHECK(num(m, "overfull_lines") == 0);
    CHECK(num(m, "han_recall") == 1.0);
    CHECK(num(m, "replacement_chars") == 0);
    CHECK(num(m, "private_use_chars") == 0);
    CHECK(num(m, "compat_ideographs") == 0);
    CHECK(m["fonts_all_embedded"] == "True");
    CHECK(m["fonts_all_subset"] == "True");
    CHECK(m["fonts_all_tounicode"] == "True");
    CHECK(m["qpdf_ok"] == "True");
    CHECK(m["page_labels"] == "True");
    CHECK(m["lang"] == "zh-CN");
    CHECK(num(m, "outline_items") >= 1);
    if (body_heavy) {
        CHECK(num(m, "flush_right_ratio") >= 0.98);
        CHECK(m["indent_peak_em"] == "2.0");
    }
}

}  // namespace

TEST_CASE("content/ book: epubcheck, DAISY Ace, PDF structure, typesetting metrics") {
    const Built& b = build("content", source_dir() + "/content");
    INFO(b.err);
    REQUIRE(b.status == 0);
    check_epub(b);
    check_ace(b, "content");
    check_pdf_structure(b);
    check_han_present(b);
    check_typesetting(b, true);
}

TEST_CASE("content/ book: footnotes are in the PDF text, each with its whole text") {
    const Built& b = build("content", source_dir() + "/content");
    REQUIRE(b.status == 0);
    auto t = run("pdftotext -enc UTF-8 " + shell_quote(b.pdf) + " -");
    std::string pdf = han(t.out);
    for (const char* note : {"所谓「一模一样」，是指逐字节相同。第十一章会专门讨论怎样做到这一点。",
                             "日本工业标准 JIS X 4051 对行首行尾禁则和悬挂有详尽的规定",
                             "为文本结构提供了更完善的描述手段，但各家阅读软件的支持程度不一。"}) {
        CAPTURE(note);
        CHECK(pdf.find(han(note)) != std::string::npos);
    }
}

TEST_CASE("examples/: every book builds and validates") {
    for (const auto& e : fs::directory_iterator(source_dir() + "/examples")) {
        if (!e.is_directory()) continue;
        std::string name = e.path().filename().string();
        CAPTURE(name);
        const Built& b = build("example-" + name, e.path().string());
        INFO(b.err);
        REQUIRE(b.status == 0);
        check_epub(b);
        check_pdf_structure(b);
        check_han_present(b);
        check_typesetting(b, false);
    }
}

TEST_CASE("a book made of ../shared/seeds: epubcheck, DAISY Ace, PDF checks") {
    std::string seeds = seeds_dir();
    if (seeds.empty()) {
        MESSAGE("../shared/seeds absent: skipped");
        return;
    }
    const Built& b = build("seeds", seeds);
    INFO(b.err);
    REQUIRE(b.status == 0);
    check_epub(b);
    check_ace(b, "seeds");
    check_pdf_structure(b);
    check_han_present(b);
    check_typesetting(b, true);
}

// pdftotext (poppler's TextPage::coalesce) reads a table row by row only when it finds each
// cell as one block and the cells as a grid: a cell's lines closer than 1.5 x the font size,
// neighbouring cells' text at least 1 x the font size apart (nearer, two cells fuse into one
// line), and columns aligning their cells alike. Our table geometry meets the first two for
// every table; this one has wrapped cells, a code column, a bold header and a right-aligned
// number column, and its rows must come back in order.
TEST_CASE("a table with wrapped cells is read row by row") {
    std::string dir = temp_dir("table-book-src");
    write_text(dir + "/book.toml", "[book]\ntitle = \"表格\"\nlanguage = \"zh-CN\"\n");
    const char* rows[][3] = {
        {"`mimetype`", "声明这是一个电子书包，内容固定为一行文本，必须不压缩地放在最前面", "甲"},
        {"`META-INF/container.xml`", "指出包文档放在哪里", "乙"},
        {"`content.opf`", "元数据、文件清单、阅读顺序，三者缺一不可", "丙"},
        {"`nav.xhtml`", "目录页，本身也是一个网页", "丁"},
    };
    std::string md =
        "# 容器\n\n前面的一段话。\n\n| 文件 | 作用 | 编号 | 字节 |\n|:--|:--|:--|--:|\n";
    std::string expect = "文件作用编号字节";
    int bytes = 20;
    for (auto& r : rows) {
        md += std::string("| ") + r[0] + " | " + r[1] + " | " + r[2] + " | " +
              std::to_string(bytes *= 7) + " |\n";
        expect += han(r[1]) + han(r[2]);
    }
    md += "\n后面的一段话。\n";
    write_text(dir + "/01.md", md);
    const Built& b = build("table-book", dir);
    INFO(b.err);
    REQUIRE(b.status == 0);
    auto t = run("pdftotext -enc UTF-8 " + shell_quote(b.pdf) + " -");
    std::string pdf = han(t.out);
    INFO("pdftotext: ", t.out);
    CHECK(pdf.find("前面的一段话" + expect + "后面的一段话") != std::string::npos);
}

// Tagged PDF: the structure tree (read back with `pdfinfo -struct-text`) holds the whole
// text of the book in reading order, footnotes at their chapter's end, and none of the
// page furniture (running heads, folios, repeated table headers).
TEST_CASE("content/ book: the structure tree reads the book in order, without furniture") {
    const Built& b = build("content", source_dir() + "/content");
    REQUIRE(b.status == 0);
    auto s = run("pdfinfo -struct-text " + shell_quote(b.pdf));
    REQUIRE(s.status == 0);
    std::string tree_text;
    std::map<std::string, int> roles;
    std::istringstream in(s.out);
    for (std::string line; std::getline(in, line);) {
        auto q = line.find('"');
        if (q != std::string::npos) {
            tree_text += line.substr(q) + "\n";
            continue;
        }
        auto start = line.find_first_not_of(' ');
        if (start == std::string::npos) continue;
        ++roles[line.substr(start, line.find(' ', start) - start)];
    }
    // `bookc text` (with footnotes at their chapter's end) is the reading order: every Han
    // character of it, in order, in the tree.
    const std::string src =
        han(run(shell_quote(bookc_bin()) + " text " + shell_quote(source_dir() + "/content")).out);
    const std::string tree = han(tree_text);
    std::size_t at = 0, matched = 0;
    for (std::size_t i = 0; i < src.size(); i += 3) {
        auto f = tree.find(src.substr(i, 3), at);
        if (f == std::string::npos) continue;
        at = f + 3;
        matched += 3;
    }
    CHECK(matched == src.size());
    // Furniture: the book title is a running head on every verso but in the tree twice:
    // the title page and a book.toml shown in chapter 11.
    auto count = [&](const std::string& t, const std::string& part) {
        int k = 0;
        for (auto p = t.find(part); p != std::string::npos; p = t.find(part, p + 1)) ++k;
        return k;
    };
    CHECK(count(han(run("pdftotext -enc UTF-8 " + shell_quote(b.pdf) + " -").out), "积文成书") >
          10);
    CHECK(count(tree, "积文成书") == 2);
    for (const char* role :
         {"Document", "Part",       "Sect",  "H1",  "H2",   "P",   "L",      "LI",
          "Lbl",      "LBody",      "Table", "TR",  "TH",   "TD",  "Figure", "Caption",
          "Code",     "BlockQuote", "Note",  "TOC", "TOCI", "Link"}) {
        CAPTURE(role);
        CHECK(roles[role] > 0);
    }
}

// A real exported column (../shared/real/*: unedited articles with their 精选留言 blocks):
// every declared comment is in its chapter's comment section with a text, the body holds
// nothing of the comment blocks, no entity is left literal, titles come from the file names.
TEST_CASE("real column exports lose nothing and pass epubcheck and DAISY Ace") {
    if (shared_dir().empty() || !fs::exists(shared_dir() + "/real")) {
        MESSAGE("../shared/real absent: skipped");
        return;
    }
    int books = 0;
    for (const auto& dir : fs::directory_iterator(shared_dir() + "/real")) {
        if (!dir.is_directory()) continue;
        ++books;
        std::string name = "real-" + dir.path().filename().string();
        // Offline: the suite never reaches for the column's figures on the internet.
        const Built& b = build(name, dir.path().string(), " --offline");
        INFO(name, ": ", b.err);
        REQUIRE(b.status == 0);
        check_epub(b);
        check_ace(b, name);
        auto q = run("qpdf --check " + shell_quote(b.pdf));
        CHECK(q.status == 0);
        // The declared counts, read from the sources: 精选留言（N）.
        int declared = 0;
        for (const auto& f : fs::directory_iterator(dir.path())) {
            std::string src = read_text(f.path().string());
            for (std::size_t k = src.find("精选留言（"); k != std::string::npos;
                 k = src.find("精选留言（", k + 1))
                declared += std::atoi(src.c_str() + k + std::string("精选留言（").size());
        }
        REQUIRE(declared > 0);
        auto list = run("unzip -Z1 " + shell_quote(b.epub));
        int comments = 0, chapters = 0;
        std::istringstream files(list.out);
        for (std::string entry; std::getline(files, entry);) {
            if (entry.find("text/ch") == std::string::npos) continue;
            ++chapters;
            std::string x = run("unzip -p " + shell_quote(b.epub) + " " + shell_quote(entry)).out;
            INFO(entry);
            std::size_t sec = x.find("<section class=\"comments\"");
            std::string body = x.substr(0, sec);
            // Nothing of a comment block in the body: no counters, avatars or list items.
            CHECK(body.find("👍") == std::string::npos);
            CHECK(body.find("💬") == std::string::npos);
            CHECK(body.find("精选留言") == std::string::npos);
            CHECK(body.find("avatar") == std::string::npos);
            // No entity left as text (an XHTML "&amp;" followed by a name and ';').
            for (const char* e :
                 {"&amp;#", "&amp;quot;", "&amp;lt;", "&amp;gt;", "&amp;amp;", "&amp;nbsp;"})
                CHECK(x.find(e) == std::string::npos);
            if (sec == std::string::npos) continue;
            // Each comment has a non-empty text.
            for (std::size_t k = x.find("<div class=\"comment\">", sec); k != std::string::npos;
                 k = x.find("<div class=\"comment\">", k + 1)) {
                ++comments;
                std::size_t t = x.find("<div class=\"comment-text\">", k);
                REQUIRE(t != std::string::npos);
                std::string text;  // the div's text, tags left out (it holds no div)
                bool in_tag = false;
                for (std::size_t i = t + 26; i < x.size() && x.compare(i, 6, "</div>") != 0; ++i) {
                    if (x[i] == '<')
                        in_tag = true;
                    else if (x[i] == '>')
                        in_tag = false;
                    else if (!in_tag && x[i] != ' ' && x[i] != '\n')
                        text += x[i];
                }
                CHECK(!text.empty());
            }
        }
        CHECK(chapters > 0);
        CHECK(comments == declared);

        // The PDF holds the bodies and the comments: Han recall against `bookc text`.
        auto m = pdf_metrics(b);
        CHECK(num(m, "han_recall") >= 0.995);
        auto t = run("pdftotext -enc UTF-8 " + shell_quote(b.pdf) + " -");
        for (const char* e : {"&#", "&quot;", "&lt;", "&gt;", "&amp;"})
            CHECK(t.out.find(e) == std::string::npos);
    }
    CHECK(books >= 1);
}
