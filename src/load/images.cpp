#include "load/images.hpp"

#include <cstdint>
#include <memory>

#include "base/read_file.hpp"
#include "load/image_check.hpp"
#include "load/image_convert.hpp"
#include "load/paths.hpp"
#include "load/text.hpp"

namespace bookc::load {

std::string sniff_image_type(std::string_view b) {
    if (starts_with(b, "\x89PNG\r\n\x1A\n")) return "image/png";
    if (starts_with(b, "\xFF\xD8\xFF")) return "image/jpeg";
    if (starts_with(b, "GIF87a") || starts_with(b, "GIF89a")) return "image/gif";
    if (b.size() >= 12 && starts_with(b, "RIFF") && b.substr(8, 4) == "WEBP") return "image/webp";
    // SVG: XML text whose root element is <svg>.
    std::string_view head = trim_ascii(b.substr(0, 4096));
    if (starts_with(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
    if ((starts_with(head, "<?xml") || starts_with(head, "<svg") || starts_with(head, "<!--") ||
         starts_with(head, "<!DOCTYPE svg")) &&
        head.find("<svg") != std::string_view::npos)
        return "image/svg+xml";
    return {};
}

namespace {
std::uint32_t be16(std::string_view b, std::size_t i) {
    return (static_cast<unsigned char>(b[i]) << 8) | static_cast<unsigned char>(b[i + 1]);
}
std::uint32_t be32(std::string_view b, std::size_t i) {
    return (be16(b, i) << 16) | be16(b, i + 2);
}

bool jpeg_size(std::string_view b, int& w, int& h) {
    std::size_t i = 2;
    while (i + 4 <= b.size()) {
        if (static_cast<unsigned char>(b[i]) != 0xFF) return false;
        unsigned char m = static_cast<unsigned char>(b[i + 1]);
        if (m == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {  // no length
            i += 2;
            continue;
        }
        std::uint32_t len = be16(b, i + 2);
        if (len < 2) return false;
        bool sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
        if (sof) {
            if (i + 9 > b.size()) return false;
            h = static_cast<int>(be16(b, i + 5));
            w = static_cast<int>(be16(b, i + 7));
            return w > 0 && h > 0;
        }
        if (m == 0xD9 || m == 0xDA) return false;  // end of image / start of scan
        i += 2 + len;
    }
    return false;
}
}  // namespace

bool image_size(std::string_view b, const std::string& type, int& w, int& h) {
    w = h = 0;
    if (type == "image/png") {
        if (b.size() < 24 || b.substr(12, 4) != "IHDR") return false;
        w = static_cast<int>(be32(b, 16) & 0x7FFFFFFF);
        h = static_cast<int>(be32(b, 20) & 0x7FFFFFFF);
        return true;
    }
    if (type == "image/gif") {
        if (b.size() < 10) return false;
        w = static_cast<unsigned char>(b[6]) | (static_cast<unsigned char>(b[7]) << 8);
        h = static_cast<unsigned char>(b[8]) | (static_cast<unsigned char>(b[9]) << 8);
        return true;
    }
    if (type == "image/jpeg") return jpeg_size(b, w, h);
    return false;
}

std::string make_image_asset(std::string bytes, const std::string& type,
                             const config::Limits& limits, model::Asset& a,
                             std::string& print_problem, std::string& hint) {
    ImageCheck check = check_image(bytes, type, limits);
    if (!check.problem.empty()) {
        hint = check.hint;
        return check.problem;
    }
    std::string media = type;
    std::string error;
    const auto max_pixels = static_cast<long long>(limits.image_pixels);
    if (type == "image/webp") {
        // Not every reading system shows WebP (EPUB 3.2's core types have none): PNG for both.
        auto png = webp_to_png(bytes, error, max_pixels);
        if (!png) return "cannot be decoded (" + error + ")";
        bytes = std::move(*png);
        media = "image/png";
    } else if (type == "image/gif") {
        // The EPUB keeps the GIF (an animation still moves); the PDF gets its first frame.
        auto png = gif_to_png(bytes, error, max_pixels);
        if (!png) return "cannot be decoded (" + error + ")";
        a.print_png = std::make_shared<const std::string>(std::move(*png));
    } else if (type == "image/svg+xml") {
        // The EPUB keeps the SVG; the PDF gets a PNG rendering (a placeholder if it fails).
        int w = 0, h = 0;
        if (auto png = svg_to_png(bytes, w, h, error)) {
            a.width = w;
            a.height = h;
            a.print_png = std::make_shared<const std::string>(std::move(*png));
        } else {
            print_problem = error;
        }
    }
    a.media_type = media;
    if (media != "image/svg+xml" &&
        (!image_size(bytes, media, a.width, a.height) || a.width <= 0 || a.height <= 0))
        return "cannot be decoded (its size cannot be read)";
    a.data = std::make_shared<const std::string>(std::move(bytes));
    return {};
}

int add_asset(const std::string& book_dir, const std::string& rel, model::Book& book,
              std::string& problem, const config::Limits& limits, std::string* hint,
              std::string* print_problem) {
    for (std::size_t i = 0; i < book.assets.size(); ++i)
        if (book.assets[i].rel_path == rel) return static_cast<int>(i);
    std::string full = book_dir + "/" + rel;
    std::string root_real = real_path(book_dir);
    std::string real = real_path(full);
    if (real.empty()) {
        problem = "not found";
        return -1;
    }
    if (!is_within(real, root_real)) {
        problem = "outside";
        return -1;
    }
    std::string bytes;
    if (std::string why = base::read_regular_file(real, limits.image, bytes); !why.empty()) {
        problem = why;
        return -1;
    }
    std::string type = sniff_image_type(bytes);
    if (type.empty()) {
        problem = "format";
        return -1;
    }
    model::Asset a;
    a.rel_path = rel;
    std::string why_print, why_hint;
    problem = make_image_asset(std::move(bytes), type, limits, a, why_print, why_hint);
    if (hint) *hint = why_hint;
    if (!problem.empty()) return -1;
    if (print_problem) *print_problem = why_print;
    book.assets.push_back(std::move(a));
    return static_cast<int>(book.assets.size() - 1);
}

void resolve_image(ChapterContext& ctx, std::string_view src_in, base::Span at,
                   model::Inline& img) {
    std::string src(trim_ascii(src_in));
    img.asset = -1;
    if (src.empty()) {
        img.url.clear();
        return;
    }
    if (is_remote_url(src)) {
        img.url = safe_url(src);
        // Fetch: remote_images.cpp downloads them all once the book is loaded.
        if (ctx.cfg.images.remote == config::RemoteImages::Fetch) return;
        if (ctx.cfg.images.remote == config::RemoteImages::Error) {
            ctx.diags.error(
                at, "remote image: " + src,
                {"book.toml has [images] remote = \"error\"; use \"fetch\" or \"link\", "
                 "or save the image in the book folder"});
            return;
        }
        if (!ctx.remote_image_warned) {
            ctx.remote_image_warned = true;
            ctx.diags.warning(at, "remote image is not downloaded (kept as a link): " + src,
                              {"further remote images in this file are not reported"});
        }
        return;
    }
    std::string safe = safe_url(src);
    if (safe.empty()) {  // data:, javascript:, file: …
        img.url.clear();
        ctx.diags.warning(at, "image source with an unsupported scheme was dropped");
        return;
    }
    img.url = safe;
    // A local path: drop ?query and #fragment, decode %XX.
    std::string path = safe.substr(0, safe.find_first_of("?#"));
    path = percent_decode(path);
    std::string rel;
    if (path.find('\0') != std::string::npos ||
        !join_inside(dir_of(ctx.file.rel_path), path, rel) || rel.empty()) {
        ctx.diags.error(at, "image is outside the book folder: " + src);
        return;
    }
    auto seen = ctx.images_seen.find(rel);
    if (seen != ctx.images_seen.end()) {  // reported (or found) once per chapter is enough
        img.asset = seen->second;
        if (seen->second >= 0) img.url = rel;
        return;
    }
    std::string problem, hint, print_problem;
    int idx =
        add_asset(ctx.book_dir, rel, ctx.book, problem, ctx.cfg.limits, &hint, &print_problem);
    ctx.images_seen[rel] = idx;
    if (idx >= 0) {
        img.asset = idx;
        img.url = rel;
        if (!print_problem.empty())
            ctx.diags.warning(
                at, "SVG image " + src + " is in the EPUB only; the PDF shows a placeholder",
                {print_problem});
        return;
    }
    if (problem == "not found")
        ctx.diags.warning(at, "image not found: " + src);
    else if (problem == "outside")
        ctx.diags.error(at, "image is outside the book folder: " + src,
                        {"it resolves (through a symbolic link) to a file outside the book"});
    else if (problem == "format")
        ctx.diags.warning(at, "not a PNG, JPEG, GIF, WebP or SVG image: " + src);
    else if (problem.rfind("larger", 0) == 0)
        ctx.diags.error(at, "image is " + problem + ": " + src,
                        {"raise the limit in book.toml: [limits] image_mb = …"});
    else if (problem.rfind("is too large", 0) == 0 || problem.rfind("is damaged", 0) == 0 ||
             problem.rfind("cannot be decoded", 0) == 0)
        ctx.diags.warning(at, "image " + problem + ": " + src,
                          hint.empty()
                              ? std::vector<std::string>{"a placeholder stands in for it"}
                              : std::vector<std::string>{hint, "a placeholder stands in for it"});
    else if (problem.rfind("not a regular", 0) == 0)
        ctx.diags.error(at, "image is " + problem + ": " + src);
    else
        ctx.diags.warning(at, "image " + problem + ": " + src);
}

}  // namespace bookc::load
