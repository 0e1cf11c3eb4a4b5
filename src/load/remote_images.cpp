// fetch_remote_images: collect → cache lookup → one download batch → check bytes → assets.
#include "load/remote_images.hpp"

#include <filesystem>
#include <map>
#include <memory>

#include "base/atomic_file.hpp"
#include "load/cache_path.hpp"
#include "load/fetch.hpp"
#include "load/image_check.hpp"
#include "load/image_convert.hpp"
#include "load/images.hpp"
#include "load/text.hpp"

namespace fs = std::filesystem;

namespace bookc::load {

namespace {

// One remote URL of the book and everything that uses it.
struct Remote {
    std::string url;
    std::string cache_rel;  // relative to the cache folder
    base::Span first;       // first use, where problems are reported
    std::vector<model::Inline*> images;
    std::vector<model::Comment*> avatars;
    std::string bytes;  // as downloaded or cached
    bool have = false;
};

class Collector {
public:
    std::vector<Remote> remotes;

    void inlines(model::Inlines& ins) {
        for (auto& in : ins) {
            if (in.kind == model::InlineKind::Image && in.asset < 0 && is_remote_url(in.url))
                entry(in.url, in.span).images.push_back(&in);
            inlines(in.children);
        }
    }
    void blocks(model::Blocks& bs) {
        for (auto& b : bs) {
            inlines(b.inlines);
            blocks(b.children);
            for (auto& row : b.rows)
                for (auto& cell : row) inlines(cell.content);
        }
    }
    void chapter(model::Chapter& ch, const config::CommentOptions& opts) {
        inlines(ch.title_inlines);
        blocks(ch.blocks);
        for (auto& fn : ch.footnotes) blocks(fn.blocks);
        if (!ch.comments || !opts.include)
            return;  // comments left out: nothing of theirs is fetched
        const bool avatars = opts.avatars;
        for (auto& c : ch.comments->comments) {
            if (avatars && c.avatar_asset < 0 && is_remote_url(c.avatar_url))
                entry(c.avatar_url, c.span).avatars.push_back(&c);
            blocks(c.body);
            inlines(c.reply);
        }
    }

private:
    std::map<std::string, std::size_t> index_;
    Remote& entry(const std::string& url, base::Span at) {
        auto [it, added] = index_.emplace(url, remotes.size());
        if (added) {
            Remote r;
            r.url = url;
            r.first = at;
            remotes.push_back(std::move(r));
        }
        return remotes[it->second];
    }
};

// The served type when it helps to say it ("text/html; charset=utf-8" → "text/html").
std::string short_type(const std::string& content_type) {
    std::string t = content_type.substr(0, content_type.find(';'));
    return std::string(trim_ascii(t));
}

// Why these bytes cannot be an image, or "" when they can. Type comes from the bytes; a
// PNG or JPEG must also reach its end marker, as a download closed early does not (GIF,
// WebP and SVG are checked when they are decoded or cleaned).
std::string image_problem(std::string_view b) {
    std::string type = sniff_image_type(b);
    if (type.empty()) return "is not a PNG, JPEG, GIF, WebP or SVG image";
    std::string_view tail = b.substr(b.size() > 4096 ? b.size() - 4096 : 0);
    if (type == "image/png" && tail.rfind("IEND") == std::string_view::npos)
        return "is cut short (a PNG without its end)";
    if (type == "image/jpeg" && tail.rfind("\xFF\xD9") == std::string_view::npos)
        return "is cut short (a JPEG without its end)";
    return {};
}

}  // namespace

std::string cache_folder(const std::string& book_dir, const config::BookConfig& cfg) {
    if (!cfg.images.cache_dir.empty()) return cfg.images.cache_dir;
    return (book_dir.empty() ? std::string(".") : book_dir) + "/.bookc-cache";
}

void fetch_remote_images(const std::string& book_dir, const config::BookConfig& cfg,
                         model::Book& book, base::DiagSink& diags) {
    if (cfg.images.remote != config::RemoteImages::Fetch) return;
    Collector col;
    book.for_each_chapter([&](model::Chapter& ch) { col.chapter(ch, cfg.comments); });
    if (col.remotes.empty()) return;
    const std::string cache = cache_folder(book_dir, cfg);

    // 1. The cache.
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < col.remotes.size(); ++i) {
        Remote& r = col.remotes[i];
        auto rel = cache_rel_path(r.url);
        if (!rel) {
            diags.warning(r.first, "remote image URL cannot be used: " + r.url);
            continue;
        }
        r.cache_rel = *rel;
        std::string path = cache + "/" + r.cache_rel;
        std::error_code ec;
        if (fs::is_regular_file(path, ec) && base::read_file(path, r.bytes)) {
            std::string problem = image_problem(r.bytes);
            if (problem.empty()) {
                r.have = true;
                continue;
            }
            diags.warning(r.first, "the cached file for " + r.url + " " + problem + "; ignored",
                          {"cache file: " + path});
            r.bytes.clear();
        }
        missing.push_back(i);
    }

    // 2. One download batch (or, offline, a warning for each image the cache lacks).
    if (cfg.images.offline) {
        for (std::size_t i : missing)
            diags.warning(col.remotes[i].first,
                          "remote image is not in the cache (offline): " + col.remotes[i].url,
                          {"expected at " + cache + "/" + col.remotes[i].cache_rel});
    } else if (!missing.empty()) {
        std::vector<std::string> urls;
        for (std::size_t i : missing) urls.push_back(col.remotes[i].url);
        FetchOptions fo;
        fo.max_bytes = cfg.images.max_bytes;
        fo.timeout = cfg.images.timeout;
        fo.connect_timeout = cfg.images.connect_timeout;
        fo.parallel = cfg.images.parallel;
        std::vector<FetchResult> got = fetch_all(urls, fo);
        for (std::size_t k = 0; k < missing.size(); ++k) {
            Remote& r = col.remotes[missing[k]];
            FetchResult& f = got[k];
            if (!f.ok) {
                diags.warning(r.first, "cannot fetch remote image " + r.url + ": " + f.error,
                              {"a placeholder stands in for it"});
                continue;
            }
            if (std::string problem = image_problem(f.body); !problem.empty()) {
                std::string served = short_type(f.content_type);
                diags.warning(r.first,
                              "remote image " + r.url + " " + problem +
                                  (served.empty() ? std::string() : " (served as " + served + ")"),
                              {"a placeholder stands in for it"});
                continue;
            }
            r.bytes = std::move(f.body);
            r.have = true;
            std::string path = cache + "/" + r.cache_rel;
            std::error_code ec;
            fs::create_directories(fs::path(path).parent_path(), ec);
            std::string err =
                ec ? "cannot create " + fs::path(path).parent_path().string() + ": " + ec.message()
                   : base::write_file_atomic(path, r.bytes);
            if (!err.empty()) diags.warning(r.first, "remote image not cached: " + err);
        }
    }

    // 3. Assets, in order of first use.
    for (Remote& r : col.remotes) {
        if (!r.have) continue;
        std::string type = sniff_image_type(r.bytes);
        model::Asset a;
        std::string svg_problem, hint;
        a.rel_path = r.url;
        std::string problem = make_image_asset(r.bytes, type, cfg.limits, a, svg_problem, hint);
        if (!problem.empty()) {
            diags.warning(r.first, "remote image " + r.url + " " + problem,
                          hint.empty()
                              ? std::vector<std::string>{"a placeholder stands in for it"}
                              : std::vector<std::string>{hint, "a placeholder stands in for it"});
            continue;
        }
        if (!svg_problem.empty() && !r.images.empty())
            diags.warning(
                r.first, "SVG image " + r.url + " is in the EPUB only; the PDF shows a placeholder",
                {svg_problem, "cache file: " + cache + "/" + r.cache_rel});
        int idx = static_cast<int>(book.assets.size());
        book.assets.push_back(std::move(a));
        for (model::Inline* in : r.images) in->asset = idx;
        for (model::Comment* c : r.avatars) c->avatar_asset = idx;
    }
}

}  // namespace bookc::load
