// FontDb: finds faces by family through a private fontconfig configuration in which the
// project's fonts folder (and any extra folders) are application fonts, searched first.
// Results are deterministic: candidates are ranked, ties broken by path and face index.
#include "font/font.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <tuple>

#include <sys/stat.h>

#include "base/read_file.hpp"

namespace bookc::font {
namespace {

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string get_string(FcPattern* p, const char* object, int n = 0) {
    FcChar8* v = nullptr;
    if (FcPatternGetString(p, object, n, &v) == FcResultMatch && v)
        return reinterpret_cast<const char*>(v);
    return {};
}

int get_int(FcPattern* p, const char* object, int fallback) {
    int v = 0;
    if (FcPatternGetInteger(p, object, 0, &v) == FcResultMatch) return v;
    double d = 0;
    if (FcPatternGetDouble(p, object, 0, &d) == FcResultMatch) return static_cast<int>(d);
    return fallback;
}

// Any of the pattern's family names (fontconfig lists one per language) equals `want`?
// Returns the matching name, or "" when none does.
std::string matching_family(FcPattern* p, const std::string& want_lower) {
    for (int n = 0;; ++n) {
        std::string fam = get_string(p, FC_FAMILY, n);
        if (fam.empty()) break;
        if (lower_ascii(fam) == want_lower) return fam;
    }
    return {};
}

struct Candidate {
    int set_rank;     // 0 application (project) fonts, 1 system
    int weight_cost;  // distance from the wanted weight
    int slant;        // upright first
    int width_cost;   // normal width first
    std::string path;
    int index;
    FcPattern* pat;
    std::string family;
    auto key() const { return std::tie(set_rank, weight_cost, slant, width_cost, path, index); }
};

}  // namespace

namespace {
// The files below `dir` fontconfig may read: regular files inside `dir` (after resolving
// symlinks) of at most `limit` bytes, in path order. The rest goes to `refused`.
std::vector<std::string> font_files(const std::string& dir, std::size_t limit,
                                    std::vector<FontDb::Refused>& refused) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    std::error_code ec;
    fs::path root = fs::canonical(dir, ec);
    if (ec || !fs::is_directory(root, ec)) return out;
    std::string root_s = root.string() + "/";
    std::vector<std::string> paths;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (auto end = fs::recursive_directory_iterator(); !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec) && !it->is_symlink(ec)) {
            if (it.depth() >= 8) it.disable_recursion_pending();
            continue;
        }
        paths.push_back(it->path().string());
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
        fs::path real = fs::canonical(p, ec);
        if (ec || real.string().compare(0, root_s.size(), root_s) != 0) {
            refused.push_back({p, "outside its fonts folder (symbolic link)"});
            continue;
        }
        struct stat st {};
        if (::stat(real.c_str(), &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) continue;  // a link to a folder inside: its files are listed
        if (!S_ISREG(st.st_mode)) {
            refused.push_back(
                {p, std::string("not a regular file (") + base::file_kind(st.st_mode) + ")"});
            continue;
        }
        if (static_cast<std::size_t>(st.st_size) > limit) {
            refused.push_back({p, "larger than the limit (" + std::to_string(st.st_size) +
                                      " bytes; at most " + std::to_string(limit) + ")"});
            continue;
        }
        out.push_back(real.string());
    }
    return out;
}
}  // namespace

FontDb::FontDb(std::string data_dir, std::vector<std::string> extra_dirs, std::size_t file_limit)
    : data_dir_(std::move(data_dir)), dirs_(std::move(extra_dirs)) {
    std::lock_guard<std::mutex> lock(mutex_);
    config_.reset(FcInitLoadConfigAndFonts());
    std::vector<std::string> app;
    if (!data_dir_.empty()) app.push_back(data_dir_ + "/fonts");
    for (const auto& d : dirs_) app.push_back(d);
    for (const auto& d : app) {
        if (!config_) break;
        for (const auto& f : font_files(d, file_limit, refused_))
            FcConfigAppFontAddFile(config_.get(), reinterpret_cast<const FcChar8*>(f.c_str()));
    }
}

FontDb::~FontDb() = default;

std::optional<FaceInfo> FontDb::find(const std::string& family, bool bold) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!config_) return std::nullopt;
    auto memo = found_.find({family, bold});
    if (memo != found_.end()) return memo->second;
    const std::string want = lower_ascii(family);
    const int want_weight = bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
    std::vector<Candidate> cands;
    const FcSetName sets[2] = {FcSetApplication, FcSetSystem};
    for (int s = 0; s < 2; ++s) {
        FcFontSet* fs = FcConfigGetFonts(config_.get(), sets[s]);
        if (!fs) continue;
        for (int i = 0; i < fs->nfont; ++i) {
            FcPattern* p = fs->fonts[i];
            std::string fam = matching_family(p, want);
            if (fam.empty()) continue;
            std::string path = get_string(p, FC_FILE);
            if (path.empty()) continue;
            int weight = get_int(p, FC_WEIGHT, FC_WEIGHT_REGULAR);
            int slant = get_int(p, FC_SLANT, FC_SLANT_ROMAN);
            int width = get_int(p, FC_WIDTH, FC_WIDTH_NORMAL);
            int wc = std::abs(weight - want_weight);
            // Prefer a heavier face over a lighter one at equal distance when bold is wanted.
            if (bold && weight < want_weight) wc += 1;
            if (!bold && weight > want_weight) wc += 1;
            cands.push_back({s, wc, slant, std::abs(width - FC_WIDTH_NORMAL), path,
                             get_int(p, FC_INDEX, 0), p, fam});
        }
    }
    if (cands.empty()) {
        found_[{family, bold}] = std::nullopt;
        return std::nullopt;
    }
    auto best =
        std::min_element(cands.begin(), cands.end(),
                         [](const Candidate& a, const Candidate& b) { return a.key() < b.key(); });
    FaceInfo info;
    info.path = best->path;
    info.index = best->index;
    info.family = best->family;
    info.style = get_string(best->pat, FC_STYLE);
    info.postscript_name = get_string(best->pat, FC_POSTSCRIPT_NAME);
    info.bold = get_int(best->pat, FC_WEIGHT, FC_WEIGHT_REGULAR) >= FC_WEIGHT_DEMIBOLD;
    found_[{family, bold}] = info;
    return info;
}

std::shared_ptr<Font> FontDb::load(const FaceInfo& info) {
    const std::string key = info.path + "#" + std::to_string(info.index);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto it = cache_.find(key);
        if (it != cache_.end()) return it->second;
    }
    // Open outside the lock (reading a 20 MB TTC takes a while); first one in wins.
    auto f = Font::open(info);
    std::lock_guard<std::mutex> lock(mutex_);
    auto [it, inserted] = cache_.emplace(key, f);
    return it->second;
}

std::shared_ptr<Font> FontDb::get(const std::string& family, bool bold) {
    auto info = find(family, bold);
    if (!info) return nullptr;
    return load(*info);
}

}  // namespace bookc::font
