// Remote images end to end: the bookc command fetches a book's remote images from the
// local test server (tests/fetch/server.py), caches them, and puts them in both outputs;
// every kind of bad answer is a warning at the image's file:line:col and a placeholder.
#include "fetch_support.hpp"

#include <cstring>
#include <vector>

namespace fs = std::filesystem;
using namespace bookc::test;

namespace {

std::string cmd(const std::string& args) { return shell_quote(bookc_bin()) + " " + args; }

// Image k of the article is on line 3 + 2k.
const std::vector<std::pair<std::string, std::string>> kImages = {
    {"正常", "/ok.png"},                  // 0: 200 PNG
    {"缺失", "/missing.png"},             // 1: 404
    {"慢", "/slow.png"},                  // 2: answers after the timeout
    {"截断", "/truncated.png"},           // 3: body shorter than Content-Length
    {"网页", "/html.png"},                // 4: an HTML page served with 200
    {"循环", "/loop.png"},                // 5: redirects to itself
    {"FTP", "/ftp.png"},                  // 6: redirects to ftp://
    {"巨大", "/big.png"},                 // 7: 50 MB with Content-Length
    {"巨大无长度", "/big-nolength.png"},  // 8: 50 MB, no Content-Length
    {"搬家", "/moved.png"},               // 9: 301 to /ok.png?via=moved
    {"偶发", "/flaky.png"},               // 10: 503 first, 200 on the retry
    {"WebP", "/files/pic.webp"},          // 11
    {"GIF", "/files/pic.gif"},            // 12
    {"SVG", "/files/pic.svg"},            // 13
    {"半截", "/cut.png"},                 // 14: half a PNG, then the connection closes
};

std::string line_of(std::size_t k) { return std::to_string(3 + 2 * k); }

}  // namespace

TEST_CASE(
    "fetch: every remote image in one batch; failures are warnings; cached builds are "
    "byte-identical") {
    std::string dir = temp_dir("fetch-batch");
    TestServer server(dir + "/server");
    write_text(server.files() + "/pic.webp", make_webp(8, 6));
    write_text(server.files() + "/pic.gif", tiny_gif());
    write_text(
        server.files() + "/pic.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" "
        "height=\"10\" fill=\"red\"/></svg>");
    std::string md = "# 远程图片\n";
    for (const auto& [alt, path] : kImages)
        md += "\n![" + alt + "](" + server.base() + path + ")\n";
    md += "\n<div><strong>精选留言（1）</strong></div><ul>\n<li><img src=\"" + server.base() +
          "/avatar.png\" width=\"30px\"><span>青石</span> 👍（4） "
          "💬（0）<div>写得清楚。</div>2024-03-01</li><br/>\n</ul>\n";
    write_text(dir + "/book/01.md", md);
    // The same URL again, in another chapter: one download, one asset.
    write_text(dir + "/book/02.md", "# 再用\n\n![又一次](" + server.base() + "/ok.png)\n");
    write_text(dir + "/book/book.toml",
               "[book]\ntitle = \"远程\"\nslug = \"remote\"\n\n[images]\ntimeout = "
               "1\nconnect_timeout = 1\n"
               "max_bytes = 1048576\n\n[comments]\navatars = true\n");

    auto r = run("cd " + shell_quote(dir) + " && " + cmd("build book -o out"));
    INFO(r.err);
    CHECK(r.status == 0);
    auto warn = [&](std::size_t k, const std::string& what) {
        std::string at = "book/01.md:" + line_of(k) + ":1: warning: ";
        std::string url = server.base() + kImages[k].second;
        std::string expect = at + what;
        for (std::size_t p; (p = expect.find("URL")) != std::string::npos;)
            expect.replace(p, 3, url);
        CHECK_MESSAGE(r.err.find(expect) != std::string::npos, "expected: " << expect);
    };
    warn(1, "cannot fetch remote image URL: HTTP 404\n");
    warn(2, "cannot fetch remote image URL: Operation timed out");
    warn(3, "cannot fetch remote image URL: transfer closed with 1000 bytes remaining to read\n");
    warn(4, "remote image URL is not a PNG, JPEG, GIF, WebP or SVG image (served as text/html)\n");
    warn(5, "cannot fetch remote image URL: Maximum (5) redirects followed\n");
    warn(6, "cannot fetch remote image URL: Protocol \"ftp\" not supported");
    warn(
        7,
        "cannot fetch remote image URL: larger than 1048576 bytes ([images] max_bytes); aborted\n");
    warn(
        8,
        "cannot fetch remote image URL: larger than 1048576 bytes ([images] max_bytes); aborted\n");
    // The SVG is kept in the EPUB and drawn (by librsvg) for the PDF: no warning.
    warn(14, "remote image URL is cut short (a PNG without its end) (served as image/png)\n");
    CHECK(r.err.find("bookc: 9 warnings") != std::string::npos);
    CHECK(r.err.find("pic.svg") == std::string::npos);

    // The retry: the flaky image was asked twice, the truncated one twice, the 404 once.
    CHECK(server.hits("/flaky.png") == 2);
    CHECK(server.hits("/truncated.png") == 2);
    CHECK(server.hits("/missing.png") == 1);
    CHECK(server.hits("/ok.png") == 1);
    // The 50 MB bodies were cut short, not downloaded whole (the server logs what it sent
    // once the client hangs up).
    std::string log;
    for (int i = 0; i < 200 && count_of(log = server.log(), "SENT ") < 2; ++i) ::usleep(25000);
    for (const char* p : {"SENT /big.png ", "SENT /big-nolength.png "}) {
        std::size_t at = log.find(p);
        REQUIRE_MESSAGE(at != std::string::npos, log);
        long sent = std::atol(log.c_str() + at + std::strlen(p));
        CHECK(sent < 16L * 1024 * 1024);
    }

    // The cache, laid out like wget -x, holds what arrived whole and nothing else.
    std::string cache = dir + "/book/.bookc-cache/remote/" + server.host_dir();
    CHECK(read_text(cache + "/ok.png").substr(1, 3) == "PNG");
    CHECK(read_text(cache + "/files/pic.webp").substr(0, 4) == "RIFF");  // as downloaded
    CHECK(fs::exists(cache + "/moved.png"));
    CHECK(fs::exists(cache + "/flaky.png"));
    for (const char* p : {"/missing.png", "/slow.png", "/truncated.png", "/html.png", "/loop.png",
                          "/cut.png", "/big.png", "/big-nolength.png"})
        CHECK_MESSAGE(!fs::exists(cache + p), p);

    // EPUB: an <img> with a local href for each image that arrived, in order of use; WebP
    // converted to PNG, GIF and SVG kept; the failures keep their placeholder and link.
    std::string epub = dir + "/out/remote.epub";
    std::string x = epub_xhtml(epub);
    CHECK(x.find("<img src=\"../images/img-001.png\" alt=\"正常\"") != std::string::npos);
    CHECK(x.find("<img src=\"../images/img-002.png\" alt=\"搬家\"") != std::string::npos);
    CHECK(x.find("<img src=\"../images/img-003.png\" alt=\"偶发\"") != std::string::npos);
    CHECK(x.find("<img src=\"../images/img-004.png\" alt=\"WebP\"") != std::string::npos);
    CHECK(x.find("<img src=\"../images/img-005.gif\" alt=\"GIF\"") != std::string::npos);
    CHECK(x.find("<img src=\"../images/img-006.svg\" alt=\"SVG\"") != std::string::npos);
    CHECK(x.find("<img src=\"../images/img-001.png\" alt=\"又一次\"") != std::string::npos);
    CHECK(x.find("<img class=\"comment-avatar\" src=\"../images/img-007.png\"") !=
          std::string::npos);
    CHECK(count_of(x, "<img ") == 8);
    // epubcheck accepts it all: converted WebP, the GIF and SVG, the avatar, the placeholders.
    REQUIRE_MESSAGE(have_tool("java"), "java is needed to run epubcheck");
    auto check = run("java -jar /usr/share/java/epubcheck.jar " + shell_quote(epub));
    INFO(check.out, check.err);
    CHECK(check.out.find("No errors or warnings detected") != std::string::npos);
    CHECK(x.find("［图片：缺失］ <a class=\"external image-link\" href=\"" + server.base() +
                 "/missing.png") != std::string::npos);
    std::string members = epub_members(epub);
    for (const char* m : {"OEBPS/images/img-001.png", "OEBPS/images/img-004.png",
                          "OEBPS/images/img-005.gif", "OEBPS/images/img-006.svg"})
        CHECK_MESSAGE(members.find(m) != std::string::npos, m);
    CHECK(epub_member(epub, "OEBPS/images/img-004.png").substr(1, 3) == "PNG");

    // PDF: an image XObject for each image; the 10x10 SVG rendered at twice its size.
    std::string pdf = dir + "/out/remote.pdf";
    CHECK(pdf_images(pdf) == "40x20\n40x20\n10x10\n8x6\n1x1\n20x20\n40x20\n");

    // Again, offline: everything comes from the cache, nothing is asked, same bytes.
    std::string before = server.log();
    auto r2 = run("cd " + shell_quote(dir) + " && " + cmd("build book -o out2 --offline"));
    CHECK(r2.status == 0);
    CHECK(server.log() == before);
    CHECK(read_text(dir + "/out2/remote.epub") == read_text(epub));
    CHECK(read_text(dir + "/out2/remote.pdf") == read_text(pdf));
    // Offline, each image the cache lacks is a warning naming it and where it would be.
    CHECK(r2.err.find("book/01.md:5:1: warning: remote image is not in the cache (offline): " +
                      server.base() +
                      "/missing.png\n  hint: expected at book/.bookc-cache/remote/" +
                      server.host_dir() + "/missing.png\n") != std::string::npos);
}

TEST_CASE("fetch: a cached image is not asked for again; --cache moves the cache") {
    std::string dir = temp_dir("fetch-cache-dir");
    TestServer server(dir + "/server");
    // The second URL has a raw space and hanzi, as articles write them: curl sends them
    // percent-encoded, and the cache file name encodes them too.
    write_text(dir + "/book/01.md", "# 一\n\n![图](" + server.base() +
                                        "/ok.png?wh=40x20)\n\n![图二](<" + server.base() +
                                        "/files/图 1.png>)\n");
    std::string png = tiny_png();
    write_text(server.files() + "/图 1.png", png);
    auto r = run("cd " + shell_quote(dir) + " && " + cmd("build book -o out --cache shared-cache"));
    CHECK(r.status == 0);
    CHECK(r.err.find("warning") == std::string::npos);
    CHECK(server.hits("/ok.png?wh=40x20") == 1);
    CHECK(server.hits("/files/%e5%9b%be%201.png") == 1);
    CHECK(fs::exists(dir + "/shared-cache/remote/" + server.host_dir() + "/ok.png?wh=40x20"));
    CHECK(read_text(dir + "/shared-cache/remote/" + server.host_dir() +
                    "/files/%E5%9B%BE%201.png") == png);
    CHECK(pdf_images(dir + "/out/book.pdf") == "40x20\n6x4\n");
    CHECK_FALSE(fs::exists(dir + "/book/.bookc-cache"));
    // Online again: the cache answers, the server is not asked.
    auto r2 =
        run("cd " + shell_quote(dir) + " && " + cmd("build book -o out2 --cache shared-cache"));
    CHECK(r2.status == 0);
    CHECK(server.hits("/ok.png?wh=40x20") == 1);
    CHECK(read_text(dir + "/out2/book.pdf") == read_text(dir + "/out/book.pdf"));
    // BOOKC_CACHE_DIR does the same as --cache.
    auto r3 = run("cd " + shell_quote(dir) + " && BOOKC_CACHE_DIR=shared-cache " +
                  cmd("build book -o out3 --offline"));
    CHECK(r3.status == 0);
    CHECK(r3.err.find("warning") == std::string::npos);
    CHECK(read_text(dir + "/out3/book.epub") == read_text(dir + "/out/book.epub"));
}

TEST_CASE("fetch: remote = \"link\" fetches nothing; remote = \"error\" is an error at the image") {
    std::string dir = temp_dir("fetch-modes");
    TestServer server(dir + "/server");
    write_text(dir + "/book/01.md", "# 一\n\n文字。\n\n![图](" + server.base() + "/ok.png)\n");
    write_text(dir + "/book/book.toml", "[images]\nremote = \"link\"\n");
    auto r = run("cd " + shell_quote(dir) + " && " + cmd("build book -o out"));
    CHECK(r.status == 0);
    CHECK(r.err.find("book/01.md:5:1: warning: remote image is not downloaded (kept as a link): " +
                     server.base() + "/ok.png\n") != std::string::npos);
    CHECK(server.hits("/ok.png") == 0);
    CHECK_FALSE(fs::exists(dir + "/book/.bookc-cache"));
    CHECK(epub_xhtml(dir + "/out/book.epub").find("<img ") == std::string::npos);

    write_text(dir + "/book/book.toml", "[images]\nremote = \"error\"\n");
    auto e = run("cd " + shell_quote(dir) + " && " + cmd("build book -o out-e"));
    CHECK(e.status == 1);
    CHECK(e.err.find("book/01.md:5:1: error: remote image: " + server.base() + "/ok.png\n") !=
          std::string::npos);
    CHECK(server.hits("/ok.png") == 0);
    CHECK_FALSE(fs::exists(dir + "/out-e"));

    write_text(dir + "/book/book.toml", "[images]\nremote = \"maybe\"\n");
    auto bad = run("cd " + shell_quote(dir) + " && " + cmd("build book -o out-b"));
    CHECK(bad.status == 2);
    CHECK(bad.err.find("book/book.toml:2:10: error: unknown value `maybe` for `images.remote`\n") !=
          std::string::npos);
}

TEST_CASE("fetch: avatars only with [comments] avatars = true, shown small in the EPUB") {
    std::string dir = temp_dir("fetch-avatars");
    TestServer server(dir + "/server");
    write_text(dir + "/book/01.md",
               "# 一\n\n正文。\n\n<div><strong>精选留言（1）</strong></div><ul>\n"
               "<li><img src=\"" +
                   server.base() +
                   "/avatar.png\" width=\"30px\"><span>青石</span> "
                   "👍（4） 💬（0）<div>写得清楚。</div>2024-03-01</li><br/>\n</ul>\n");
    auto r = run("cd " + shell_quote(dir) + " && " + cmd("build book -o out --format epub"));
    CHECK(r.status == 0);
    CHECK(server.hits("/avatar.png") == 0);
    CHECK(epub_xhtml(dir + "/out/book.epub").find("comment-avatar") == std::string::npos);
    // Comments left out: their avatars are not fetched either.
    write_text(dir + "/book/book.toml", "[comments]\ninclude = false\navatars = true\n");
    auto r1 = run("cd " + shell_quote(dir) + " && " + cmd("build book -o out1 --format epub"));
    CHECK(r1.status == 0);
    CHECK(server.hits("/avatar.png") == 0);

    write_text(dir + "/book/book.toml", "[comments]\navatars = true\n");
    auto r2 = run("cd " + shell_quote(dir) + " && " + cmd("build book -o out2 --format epub"));
    INFO(r2.err);
    CHECK(r2.status == 0);
    CHECK(server.hits("/avatar.png") == 1);
    std::string x = epub_xhtml(dir + "/out2/book.epub");
    CHECK(
        x.find(
            "<p class=\"comment-head\"><img class=\"comment-avatar\" src=\"../images/img-001.png\" "
            "alt=\"\"/><span class=\"comment-author\">青石</span>") != std::string::npos);
    CHECK(epub_members(dir + "/out2/book.epub").find("OEBPS/images/img-001.png") !=
          std::string::npos);
    // The stylesheet keeps it small.
    CHECK(epub_member(dir + "/out2/book.epub", "OEBPS/css/book.css").find("img.comment-avatar") !=
          std::string::npos);
}
