// load_book: the book folder (or the chapters book.toml lists) into the model.
#include "load/load.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <set>

#include "base/read_file.hpp"
#include "base/utf8.hpp"
#include "load/chapter.hpp"
#include "load/images.hpp"
#include "load/paths.hpp"
#include "load/remote_images.hpp"
#include "load/scan.hpp"
#include "load/text.hpp"
#include "model/passes.hpp"

namespace bookc::load {

namespace {

void fill_meta(model::Book& book, const std::string& book_real, const config::BookConfig& cfg) {
    auto& m = book.meta;
    std::string folder = base_name(book_real);
    m.title = cfg.title.empty() ? folder : cfg.title;
    m.subtitle = cfg.subtitle;
    m.authors = cfg.authors;
    m.language = cfg.language.empty() ? "zh-CN" : cfg.language;
    m.identifier = cfg.identifier;
    m.date = cfg.date;
    m.description = cfg.description;
    m.subjects = cfg.subjects;
    m.slug = cfg.slug.empty() ? folder : cfg.slug;
    model::set_build_date(book, std::getenv("SOURCE_DATE_EPOCH"));
}

std::string toml_path(const std::string& book_dir, const config::BookConfig& cfg) {
    return cfg.path.empty() ? book_dir + "/book.toml" : cfg.path;
}

}  // namespace

std::optional<model::Chapter> load_article(const std::string& book_dir, const std::string& rel,
                                           std::string bytes, const config::ChapterSpec* spec,
                                           const config::BookConfig& cfg, model::Book& book,
                                           base::SourceMap& sources, base::DiagSink& diags) {
    auto id = register_article(book_dir, rel, std::move(bytes), sources, diags);
    if (!id) return std::nullopt;
    const base::SourceFile& f = sources.get(*id);
    model::Format format = detect_format(f.text, extension_of(rel));
    if (spec && !spec->format.empty()) {
        if (spec->format == "markdown")
            format = model::Format::Markdown;
        else if (spec->format == "html")
            format = model::Format::Html;
        else if (spec->format == "text")
            format = model::Format::PlainText;
        else
            diags.warning_at(toml_path(book_dir, cfg), spec->line, 0,
                             "unknown format '" + spec->format + "' (use markdown, html or text)");
    }
    model::Chapter ch = load_chapter(book_dir, *id, format, cfg, book, sources, diags);
    if (spec && !spec->title.empty()) {
        ch.title = spec->title;
        ch.title_inlines.clear();
        ch.title_from_file = false;
    } else if (ch.title_from_file) {
        // An export named by an id (000_a5ae9357febfb203.txt) would put the id in the
        // contents, the running heads and the bookmarks.
        diags.warning({*id, 0, 0}, "no title found: the file name `" + ch.title + "` stands in",
                      {"start the article with a heading (or a `title:` in front matter), or "
                       "name it in book.toml: { file = \"" +
                       rel + "\", title = \"…\" }"});
    }
    return ch;
}

std::optional<model::Book> load_book(const std::string& book_dir_in, const config::BookConfig& cfg,
                                     base::SourceMap& sources, base::DiagSink& diags) {
    std::string book_dir = book_dir_in.empty() ? "." : book_dir_in;
    while (book_dir.size() > 1 && book_dir.back() == '/') book_dir.pop_back();
    std::string book_real = real_path(book_dir);
    std::error_code ec;
    if (book_real.empty() || !std::filesystem::is_directory(book_real, ec)) {
        diags.error_at(book_dir, 0, 0, "book folder not found");
        return std::nullopt;
    }
    model::Book book;
    fill_meta(book, book_real, cfg);
    std::vector<std::string> files = list_files(book_dir);
    std::string toml = toml_path(book_dir, cfg);
    std::set<std::string> loaded;

    auto add_chapter = [&](model::Part& part, const std::string& rel,
                           const config::ChapterSpec* spec) {
        if (!loaded.insert(rel).second) {
            if (spec)
                diags.warning_at(toml, spec->line, 0,
                                 "'" + rel + "' is already a chapter; listed again here");
            return;
        }
        std::string bytes;
        if (!read_article(book_dir, book_real, rel, cfg.limits.article, bytes, diags)) return;
        auto ch = load_article(book_dir, rel, std::move(bytes), spec, cfg, book, sources, diags);
        if (!ch) return;
        part.chapters.push_back(std::move(*ch));
    };

    if (cfg.parts.empty()) {
        model::Part part;
        for (const auto& rel : files)
            if (is_article_extension(extension_of(rel))) add_chapter(part, rel, nullptr);
        if (!part.chapters.empty()) book.parts.push_back(std::move(part));
    } else {
        for (const auto& ps : cfg.parts) {
            model::Part part;
            part.title = ps.title;
            for (const auto& spec : ps.chapters) {
                std::string pattern(trim(spec.pattern));
                if (has_glob(pattern)) {
                    std::string norm;
                    if (!join_inside("", pattern, norm)) {
                        diags.error_at(toml, spec.line, 0,
                                       "chapter pattern '" + pattern + "' leaves the book folder");
                        continue;
                    }
                    std::size_t n = 0;
                    for (const auto& rel : files) {
                        if (!is_article_extension(extension_of(rel)) || !glob_match(norm, rel))
                            continue;
                        add_chapter(part, rel, &spec);
                        ++n;
                    }
                    if (!n)
                        diags.error_at(toml, spec.line, 0, "no article matches '" + pattern + "'");
                    continue;
                }
                std::string rel;
                if (pattern.empty() || !join_inside("", pattern, rel) || rel.empty()) {
                    diags.error_at(toml, spec.line, 0,
                                   "chapter '" + pattern + "' is outside the book folder");
                    continue;
                }
                std::string real = real_path(book_dir + "/" + rel);
                if (!real.empty() && std::filesystem::is_directory(real, ec) &&
                    is_within(real, book_real)) {
                    // A folder: every article below it, in natural order.
                    std::size_t n = 0;
                    for (const auto& f : files) {
                        if (!is_article_extension(extension_of(f)) || !starts_with(f, rel + "/"))
                            continue;
                        add_chapter(part, f, &spec);
                        ++n;
                    }
                    if (!n)
                        diags.error_at(toml, spec.line, 0, "no article matches '" + pattern + "'");
                    continue;
                }
                if (real.empty() || std::filesystem::is_directory(real, ec)) {
                    diags.error_at(toml, spec.line, 0, "no article matches '" + pattern + "'");
                    continue;
                }
                if (!is_within(real, book_real)) {
                    diags.error_at(toml, spec.line, 0,
                                   "chapter '" + pattern + "' is outside the book folder",
                                   {"it is a symbolic link to a file outside the book"});
                    continue;
                }
                add_chapter(part, rel, &spec);
            }
            if (!part.chapters.empty()) book.parts.push_back(std::move(part));
        }
    }

    if (book.chapter_count() == 0) {
        if (cfg.parts.empty())
            diags.error_at(book_dir, 0, 0,
                           "no articles found (.md, .markdown, .html, .htm or .txt files)");
        else
            diags.error_at(toml, 0, 0, "none of the listed chapters could be loaded");
        return std::nullopt;
    }

    if (!cfg.cover.empty()) {
        std::string rel, problem, hint;
        if (!join_inside("", cfg.cover, rel) || rel.empty()) {
            diags.error_at(toml, 0, 0, "cover image is outside the book folder: " + cfg.cover);
        } else {
            int idx = add_asset(book_dir, rel, book, problem, cfg.limits, &hint);
            if (idx >= 0)
                book.meta.cover_asset = idx;
            else if (problem == "outside")
                diags.error_at(toml, 0, 0, "cover image is outside the book folder: " + cfg.cover);
            else if (problem == "not found" || problem == "format")
                diags.warning_at(book_dir + "/" + rel, 0, 0,
                                 problem == "not found" ? "cover image not found"
                                                        : "cover image cannot be used");
            else if (problem.rfind("is too large", 0) == 0 || problem.rfind("is damaged", 0) == 0 ||
                     problem.rfind("cannot be decoded", 0) == 0)
                diags.warning_at(
                    book_dir + "/" + rel, 0, 0, "cover image " + problem,
                    hint.empty()
                        ? std::vector<std::string>{"a generated cover stands in for it"}
                        : std::vector<std::string>{hint, "a generated cover stands in for it"});
            else
                diags.error_at(book_dir + "/" + rel, 0, 0, "cover image is " + problem);
        }
    }
    // Remote images: one batch for the whole book, after every chapter is loaded.
    fetch_remote_images(book_dir, cfg, book, diags);
    return book;
}

}  // namespace bookc::load
