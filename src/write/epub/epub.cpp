// The EPUB writer's entry point: plans names, renders every document, builds the package
// document and zips it. Each concept lives in its own file (see the private headers).
#include "write/epub/epub.hpp"

#include <fstream>
#include <sstream>

#include "base/read_file.hpp"
#include "write/epub/container.hpp"
#include "write/epub/css.hpp"
#include "write/epub/documents.hpp"
#include "write/epub/fonts.hpp"
#include "write/epub/plan.hpp"
#include "write/epub/xhtml.hpp"

namespace bookc::epub {

namespace {
constexpr const char* kRoot = "OEBPS/";
constexpr const char* kXhtml = "application/xhtml+xml";

std::string read_file(const std::string& path) {
    std::string out;
    base::read_file(path, out);  // regular files only, never blocking
    return out;
}

// The layout's body font, subset to `chars`, as a package file; nullopt (with a warning)
// when it cannot be found or subset.
std::optional<SubsetFont> embed_body_font(const config::Layout& layout, font::FontDb& fonts,
                                          const std::set<char32_t>& chars, std::string& family,
                                          base::DiagSink& diags) {
    for (const auto& fam : layout.body.families) {
        auto info = fonts.find(fam, layout.body.weight == "bold");
        if (!info) continue;
        std::string bytes;
        if (auto f = fonts.load(*info)) bytes = f->bytes();
        if (bytes.empty()) bytes = read_file(info->path);
        if (bytes.empty()) {
            diags.warning_at(info->path, 0, 0, "EPUB: could not read the font file to embed it");
            continue;
        }
        std::string error;
        auto sub = subset_font(bytes, static_cast<unsigned>(info->index), chars, error);
        if (!sub) {
            diags.warning_at(info->path, 0, 0, "EPUB: could not subset '" + fam + "': " + error);
            continue;
        }
        family = fam;
        return sub;
    }
    std::string names;
    for (const auto& f : layout.body.families) names += (names.empty() ? "" : ", ") + f;
    diags.warning({},
                  "EPUB: no font found for the body families (" + names +
                      "); fonts are not embedded and readers use their own",
                  {"install the font or put it in the project's fonts/ folder"});
    return std::nullopt;
}
}  // namespace

std::optional<std::string> write_epub(const model::Book& book, const config::BookConfig& cfg,
                                      const config::Layout& layout, font::FontDb& fonts,
                                      base::DiagSink& diags) {
    Plan plan = make_plan(book, cfg, diags);
    plan.code_line_numbers = layout.code_line_numbers;
    std::set<char32_t> chars;
    for (char32_t c = 0x20; c < 0x7F; ++c) chars.insert(c);  // digits and Latin, always

    std::vector<ZipEntry> files;
    std::vector<ManifestItem> manifest;
    std::vector<SpineItem> spine;
    auto add_doc = [&](const std::string& id, const std::string& href, std::string data,
                       const std::string& props = {}) {
        manifest.push_back({id, href, kXhtml, props});
        spine.push_back({id});
        files.push_back({kRoot + href, std::move(data)});
    };

    add_doc("cover", "text/cover.xhtml", render_cover(plan, &chars));
    add_doc("titlepage", "text/titlepage.xhtml", render_title_page(plan, &chars));
    add_doc("nav", "nav.xhtml", render_nav(plan, &chars), "nav");
    for (const auto& [is_part, index] : plan.top) {
        if (is_part) {
            const PartPlan& part = plan.parts[index];
            add_doc(part.id, part.href, render_part_page(plan, part, &chars));
            for (int c : part.chapters) {
                ChapterPlan& cp = plan.chapters[c];
                std::string doc = render_chapter(book, plan, cp, &chars);
                add_doc(cp.id, cp.href, std::move(doc), cp.has_math ? "mathml" : "");
            }
        } else {
            ChapterPlan& cp = plan.chapters[index];
            std::string doc = render_chapter(book, plan, cp, &chars);
            add_doc(cp.id, cp.href, std::move(doc), cp.has_math ? "mathml" : "");
        }
    }
    manifest.push_back({"ncx", "toc.ncx", "application/x-dtbncx+xml", {}});
    files.push_back({std::string(kRoot) + "toc.ncx", render_ncx(plan)});

    std::string cover_image_id;
    for (const auto& [index, asset] : plan.assets) {
        bool cover = index == plan.cover_asset;
        if (cover) cover_image_id = asset.id;
        manifest.push_back({asset.id, asset.href, asset.media_type, cover ? "cover-image" : ""});
        // Deflated too: images often shrink (a 97 KB PNG of a diagram took 36 KB).
        files.push_back({kRoot + asset.href, asset.data});
    }

    std::string css = layout_css(layout, diags);
    if (cfg.epub_embed_fonts) {
        std::string family;
        if (auto font = embed_body_font(layout, fonts, chars, family, diags)) {
            std::string href = "fonts/body." + font->extension;
            css = font_face_css(family, "../" + href,
                                font->extension == "otf" ? "opentype" : "truetype") +
                  css;
            manifest.push_back({"font-body", href, font->media_type, {}});
            files.push_back({kRoot + href, std::move(font->data)});
        }
    }
    manifest.push_back({"css", "css/book.css", "text/css", {}});
    files.push_back({std::string(kRoot) + "css/book.css", std::move(css)});

    files.push_back(
        {std::string(kRoot) + "content.opf", render_opf(plan, manifest, spine, cover_image_id)});
    files.push_back(
        {"META-INF/container.xml", render_container(std::string(kRoot) + "content.opf")});
    files.push_back({"mimetype", "application/epub+zip"});

    std::string error;
    auto bytes = zip_package(std::move(files), plan.modified, error);
    if (!bytes) {
        diags.error({}, "EPUB: could not build the package: " + error);
        return std::nullopt;
    }
    return bytes;
}

}  // namespace bookc::epub
