// bookc build --offline with a cache folder prepared by hand (as from a mirror or an
// earlier CI run): the cached figures are in both outputs, nothing is downloaded, the
// cache is not written, and two builds give the same bytes.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "fetch/fetch_support.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace bookc::test;

namespace {
std::string cmd(const std::string& args) { return shell_quote(bookc_bin()) + " " + args; }

std::string tree(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(dir)) names.push_back(e.path().string());
    std::sort(names.begin(), names.end());
    std::string out;
    for (const auto& n : names) out += n + "\n";
    return out;
}
}  // namespace

TEST_CASE(
    "--offline builds from a pre-filled cache: the figure is in the EPUB and the PDF, same bytes "
    "twice") {
    std::string dir = temp_dir("cli-offline-cache");
    const std::string url =
        "https://static001.geekbang.org/resource/image/e3/9f/"
        "e3e23d2f2ab55b64741e14856a58389f.png?wh=1098%2A319";
    const std::string missing =
        "https://static001.geekbang.org/resource/image/06/62/06c68476.png?wh=1012%2A392";
    write_text(dir + "/book/01.md",
               "# 池\n\n正文一段。\n\n![对象池](" + url + ")\n\n![未缓存](" + missing + ")\n");
    // The cache file is where the layout puts that URL; its name says .png, but the type
    // is read from the bytes.
    std::string cached = dir +
                         "/mirror/remote/static001.geekbang.org/resource/image/e3/9f/"
                         "e3e23d2f2ab55b64741e14856a58389f.png?wh=1098%2A319";
    write_text(cached, tiny_png());
    std::string before = tree(dir + "/mirror");

    auto build = [&](const std::string& out) {
        return run("cd " + shell_quote(dir) + " && " +
                   cmd("build book -o " + out + " --offline --cache mirror"));
    };
    auto r = build("out");
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(
        r.err ==
        "book/01.md:7:1: warning: remote image is not in the cache (offline): " + missing +
            "\n"
            "  hint: expected at "
            "mirror/remote/static001.geekbang.org/resource/image/06/62/06c68476.png?wh=1012%2A392\n"
            "bookc: 1 warning\n");
    // EPUB: the <img> points into the book, and the image is in the zip.
    std::string x = epub_xhtml(dir + "/out/book.epub");
    CHECK(x.find("<figure class=\"figure\"><img src=\"../images/img-001.png\" alt=\"对象池\"/>") !=
          std::string::npos);
    CHECK(x.find(url) == std::string::npos);
    CHECK(epub_member(dir + "/out/book.epub", "OEBPS/images/img-001.png") == tiny_png());
    // The uncached one keeps its placeholder with the link.
    CHECK(x.find("［图片：未缓存］ <a class=\"external image-link\"") != std::string::npos);
    // PDF: one image XObject of the cached figure's size.
    CHECK(pdf_images(dir + "/out/book.pdf") == "6x4\n");
    // Offline: nothing was added to (or taken from) the cache, and no default cache appeared.
    CHECK(tree(dir + "/mirror") == before);
    CHECK_FALSE(fs::exists(dir + "/book/.bookc-cache"));
    // Same input, same bytes.
    auto r2 = build("out2");
    CHECK(r2.status == 0);
    CHECK(read_text(dir + "/out2/book.epub") == read_text(dir + "/out/book.epub"));
    CHECK(read_text(dir + "/out2/book.pdf") == read_text(dir + "/out/book.pdf"));
}

TEST_CASE(
    "a cache file that is not an image is ignored with a warning, and check never downloads") {
    std::string dir = temp_dir("cli-offline-badcache");
    write_text(dir + "/book/01.md", "# 一\n\n![图](https://cdn.example.com/a.png)\n");
    write_text(dir + "/book/.bookc-cache/remote/cdn.example.com/a.png", "<html>login page</html>");
    auto r = run("cd " + shell_quote(dir) + " && " + cmd("check book"));
    CHECK(r.status == 0);
    CHECK(r.err.find("book/01.md:3:1: warning: the cached file for https://cdn.example.com/a.png "
                     "is not a PNG, JPEG, GIF, WebP or SVG image; ignored\n"
                     "  hint: cache file: book/.bookc-cache/remote/cdn.example.com/a.png\n") !=
          std::string::npos);
    CHECK(r.err.find("book/01.md:3:1: warning: remote image is not in the cache (offline): "
                     "https://cdn.example.com/a.png\n") != std::string::npos);
    CHECK(read_text(dir + "/book/.bookc-cache/remote/cdn.example.com/a.png") ==
          "<html>login page</html>");
    // A PNG cut short (a mirror's partial download) is not used either.
    std::string png = tiny_png();
    write_text(dir + "/book/.bookc-cache/remote/cdn.example.com/a.png",
               png.substr(0, png.size() - 20));
    auto r2 = run("cd " + shell_quote(dir) + " && " + cmd("check book"));
    CHECK(r2.err.find("book/01.md:3:1: warning: the cached file for https://cdn.example.com/a.png "
                      "is cut short (a PNG without its end); ignored\n") != std::string::npos);
    CHECK(r2.out.find("1 chapters, 0 images") != std::string::npos);
}
