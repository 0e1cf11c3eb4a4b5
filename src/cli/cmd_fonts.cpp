#include <cstdio>

#include "cli/pipeline.hpp"
#include "font/font.hpp"

namespace bookc::cli {

// Lists which font file and face serves each role of the layout.
int cmd_fonts(const Options& opts) {
    base::DiagSink diags;
    base::SourceMap sources;
    std::optional<config::BookConfig> cfg = config::load_book_config(opts.book_dir, diags);
    if (!cfg) {
        report(diags, sources, opts);
        return kUsageError;
    }
    auto layout = config::load_book_layout(*cfg, opts.book_dir, opts.layout, diags);
    if (!layout) {
        report(diags, sources, opts);
        return kUsageError;
    }
    font::FontDb fonts(config::data_dir(), {layout->dir + "/fonts", opts.book_dir + "/fonts"},
                       cfg->limits.font);
    for (const auto& r : fonts.refused())
        std::fprintf(stderr, "%s: warning: font file is %s; skipped\n",
                     base::printable(r.path).c_str(), r.problem.c_str());
    std::printf("layout %s (%s)\n", layout->name.c_str(), layout->dir.c_str());
    int missing = 0;
    auto show = [&](const char* role, const config::FontRole& r) {
        bool bold = r.weight == "bold";
        for (std::size_t i = 0; i < r.families.size(); ++i) {
            const std::string& fam = r.families[i];
            auto face = fonts.find(fam, bold);
            const char* what = i == 0 ? role : "";
            if (face)
                std::printf("%-9s %-26s %s#%d (%s %s)\n", what, fam.c_str(), face->path.c_str(),
                            face->index, face->family.c_str(), face->style.c_str());
            else {
                std::printf("%-9s %-26s not found\n", what, fam.c_str());
                if (i == 0) ++missing;
            }
        }
    };
    show("body", layout->body);
    show("heading", layout->heading);
    show("mono", layout->mono);
    show("math", layout->math);
    show("fallback", layout->fallback);
    if (missing) {
        std::fprintf(stderr, "bookc: error: %d font role%s without its preferred family\n", missing,
                     missing == 1 ? "" : "s");
        return kContentError;
    }
    return kOk;
}

}  // namespace bookc::cli
