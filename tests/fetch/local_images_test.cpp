// Local images take the same road as remote ones (load/images.hpp: make_image_asset): an
// SVG stays SVG in the EPUB and is drawn by librsvg for the PDF, a GIF stays GIF in the
// EPUB (animations still move) and gives its first frame to the PDF, a WebP becomes PNG
// for both. What cannot be drawn is a warning naming the file, never a silent placeholder.
#include "fetch_support.hpp"

namespace fs = std::filesystem;
using namespace bookc::test;

TEST_CASE("local images: SVG, GIF and WebP reach both outputs; failures are warnings") {
    std::string dir = temp_dir("local-images");
    std::string book = dir + "/book";
    write_text(book + "/images/pic.svg",
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" height=\"9\"><rect "
               "width=\"12\" height=\"9\" fill=\"blue\"/></svg>");
    write_text(book + "/images/anim.gif", tiny_gif());
    write_text(book + "/images/pic.webp", make_webp(8, 6));
    // An SVG with no size at all (no width/height, no viewBox) cannot be rendered.
    write_text(book + "/images/nosize.svg",
               "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"5\" height=\"5\"/></svg>");
    // A WebP header with nothing decodable after it.
    write_text(book + "/images/bad.webp", std::string("RIFF\x10\0\0\0WEBPVP8 garbage!!", 24));
    write_text(book + "/01.md",
               "# 本地图片\n\n![矢量图](images/pic.svg)\n\n![动图](images/anim.gif)\n\n"
               "![WebP 图](images/pic.webp)\n\n![无尺寸](images/nosize.svg)\n\n"
               "![坏图](images/bad.webp)\n");
    write_text(book + "/book.toml", "[book]\ntitle = \"本地图片\"\nslug = \"local\"\n");

    auto r =
        run("cd " + shell_quote(dir) + " && " + shell_quote(bookc_bin()) + " build book -o out");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("book/01.md:9:1: warning: SVG image images/nosize.svg is in the EPUB only; "
                     "the PDF shows a placeholder\n  hint: the SVG image has no usable size "
                     "(width/height or viewBox)\n") != std::string::npos);
    CHECK(r.err.find("book/01.md:11:1: warning: image is damaged (its size cannot be read): "
                     "images/bad.webp\n  hint: a placeholder stands in for it\n") !=
          std::string::npos);
    CHECK(r.err.find("bookc: 2 warnings") != std::string::npos);

    // EPUB: SVG and GIF as they are, WebP as PNG; the broken WebP keeps its alt text.
    std::string epub = dir + "/out/local.epub";
    std::string members = epub_members(epub);
    INFO(members);
    CHECK(count_of(members, ".svg\n") == 2);
    CHECK(count_of(members, ".gif\n") == 1);
    CHECK(count_of(members, ".png\n") == 1);
    CHECK(members.find(".webp") == std::string::npos);
    std::string x = epub_xhtml(epub);
    CHECK(count_of(x, "<img ") == 4);
    CHECK(x.find("坏图") != std::string::npos);
    REQUIRE_MESSAGE(have_tool("java"), "java is needed to run epubcheck");
    auto check = run("java -jar /usr/share/java/epubcheck.jar " + shell_quote(epub));
    INFO(check.out, check.err);
    CHECK(check.out.find("No errors or warnings detected") != std::string::npos);

    // PDF: the SVG rendered at twice its CSS size, the GIF's frame, the WebP; the SVG that
    // cannot be drawn and the broken WebP are placeholders with their alt text.
    std::string pdf = dir + "/out/local.pdf";
    CHECK(pdf_images(pdf) == "24x18\n1x1\n8x6\n");
    std::string text = run("pdftotext " + shell_quote(pdf) + " -").out;
    CHECK(text.find("［图：无尺寸］") != std::string::npos);
    CHECK(text.find("［图：坏图］") != std::string::npos);
}
