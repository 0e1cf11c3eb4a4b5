// The real exported columns in ../shared/real, their figures served from a cache filled
// beforehand (as a user keeps it between CI runs): the build is offline and both outputs
// show every figure of the articles, one per source image. Skipped without ../shared/real.
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <set>

#include "base/diag.hpp"
#include "base/source.hpp"
#include "config/config.hpp"
#include "fetch_support.hpp"
#include "load/cache_path.hpp"
#include "load/load.hpp"

namespace fs = std::filesystem;
using namespace bookc;
using namespace bookc::test;

namespace {

// The remote images of the articles' bodies, in reading order (comments' avatars are not
// figures). Loaded with remote = "link", so nothing is fetched here.
std::vector<std::string> figure_urls(const std::string& book) {
    base::DiagSink diags;
    base::SourceMap sources;
    auto cfg = config::load_book_config(book, diags);
    REQUIRE(cfg);
    cfg->images.remote = config::RemoteImages::Link;
    auto b = load::load_book(book, *cfg, sources, diags);
    REQUIRE(b);
    std::vector<std::string> urls;
    std::function<void(const model::Inlines&)> in = [&](const model::Inlines& v) {
        for (const auto& i : v) {
            if (i.kind == model::InlineKind::Image && i.url.rfind("http", 0) == 0)
                urls.push_back(i.url);
            in(i.children);
        }
    };
    std::function<void(const model::Blocks&)> bl = [&](const model::Blocks& v) {
        for (const auto& x : v) {
            in(x.inlines);
            bl(x.children);
            for (const auto& row : x.rows)
                for (const auto& cell : row) in(cell.content);
        }
    };
    b->for_each_chapter([&](const model::Chapter& ch) { bl(ch.blocks); });
    return urls;
}

}  // namespace

TEST_CASE("real columns: with a filled cache every figure is in both outputs, offline") {
    if (shared_dir().empty() || !fs::exists(shared_dir() + "/real")) {
        MESSAGE("../shared/real absent: skipped");
        return;
    }
    for (const auto& dir : fs::directory_iterator(shared_dir() + "/real")) {
        if (!dir.is_directory()) continue;
        std::string name = dir.path().filename().string();
        INFO(name);
        std::vector<std::string> urls = figure_urls(dir.path().string());
        std::set<std::string> distinct(urls.begin(), urls.end());
        REQUIRE(!urls.empty());
        std::string tmp = temp_dir("real-cache-" + name);
        std::string cache = tmp + "/cache";
        for (const auto& u : distinct) {
            auto rel = load::cache_rel_path(u);
            REQUIRE(rel);
            write_text(cache + "/" + *rel, tiny_png());
        }
        auto r =
            run(shell_quote(bookc_bin()) + " build " + shell_quote(dir.path().string()) + " -o " +
                shell_quote(tmp + "/out") + " --offline --cache " + shell_quote(cache));
        INFO(r.err);
        REQUIRE(r.status == 0);
        CHECK(r.err.find("not in the cache") == std::string::npos);
        CHECK(r.err.find("remote image") == std::string::npos);
        std::string epub, pdf;
        for (const auto& e : fs::directory_iterator(tmp + "/out")) {
            if (e.path().extension() == ".epub") epub = e.path().string();
            if (e.path().extension() == ".pdf") pdf = e.path().string();
        }
        // EPUB: an <img> for each reference, an image file for each distinct figure.
        std::string xhtml = epub_xhtml(epub);
        CHECK(count_of(xhtml, "<img ") == static_cast<int>(urls.size()));
        CHECK(count_of(xhtml, "placeholder") == 0);
        std::string members = epub_members(epub);
        CHECK(count_of(members, "OEBPS/images/") == static_cast<int>(distinct.size()));
        // PDF: an image drawn for each reference (pdfimages lists each use).
        std::string images = pdf_images(pdf);
        CHECK(count_of(images, "6x4") == static_cast<int>(urls.size()));
        // The cache is read, never written to, offline.
        CHECK(fs::exists(cache + "/" + *load::cache_rel_path(*distinct.begin())));
    }
}
