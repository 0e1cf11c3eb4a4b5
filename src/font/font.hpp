// Fonts: found by family through fontconfig (the project's fonts/ folder first), opened
// once per build and shared by the typesetter and the writers.
#pragma once
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <hb.h>

#include "font/hb_ptr.hpp"

namespace bookc::font {

struct FaceInfo {
    std::string path;
    int index = 0;  // face index in a .ttc collection
    std::string family;
    std::string style;
    std::string postscript_name;
    bool bold = false;
};

// One opened face: file bytes + HarfBuzz face/font. Cheap to share, safe to read from
// several threads (HarfBuzz fonts are immutable once made).
class Font {
public:
    ~Font();
    Font(const Font&) = delete;
    Font& operator=(const Font&) = delete;

    const FaceInfo& info() const { return info_; }
    hb_face_t* hb_face() const { return face_.get(); }
    hb_font_t* hb_font() const { return font_.get(); }  // scale = units_per_em, immutable
    int units_per_em() const { return upem_; }
    bool has_char(char32_t c) const;
    std::uint32_t glyph_for(char32_t c) const;  // 0 when missing
    int advance(std::uint32_t gid) const;       // horizontal advance in font units
    // Vertical metrics in font units (ascender > 0, descender < 0).
    int ascender() const { return ascender_; }
    int descender() const { return descender_; }
    const std::string& bytes() const { return *bytes_; }

    static std::shared_ptr<Font> open(const FaceInfo& info);  // nullptr when unreadable

private:
    Font() = default;
    FaceInfo info_;
    std::shared_ptr<std::string> bytes_;
    HbBlobPtr blob_;
    HbFacePtr face_;
    HbFontPtr font_;
    int upem_ = 1000;
    int ascender_ = 880, descender_ = -120;
    // has_char() answers for the BMP, filled lazily (0 unknown, 1 present, 2 missing):
    // per-character fallback asks every font of a chain about every character.
    std::unique_ptr<std::atomic<std::uint8_t>[]> has_cache_;
};

class FontDb {
public:
    // Searches `<data_dir>/fonts` (and `extra_dirs`) before the system's fonts. The files of
    // these folders are given to fontconfig one by one, only when they are regular files
    // inside their folder (symlinks resolved) of at most `file_limit` bytes: fontconfig
    // would open a FIFO there and wait forever. The others are listed in refused().
    explicit FontDb(std::string data_dir, std::vector<std::string> extra_dirs = {},
                    std::size_t file_limit = static_cast<std::size_t>(-1));
    ~FontDb();

    // The best face for a family name (exact family match preferred), nullopt when none.
    std::optional<FaceInfo> find(const std::string& family, bool bold = false);
    // Opens (once) and returns the face; nullptr when it cannot be opened.
    std::shared_ptr<Font> load(const FaceInfo& info);
    // find + load.
    std::shared_ptr<Font> get(const std::string& family, bool bold = false);

    struct Refused {
        std::string path;
        std::string problem;  // "not a regular file (a FIFO)", "larger than the limit (…)", …
    };
    // Files of the font folders that were not given to fontconfig, in path order.
    const std::vector<Refused>& refused() const { return refused_; }

private:
    std::string data_dir_;
    std::vector<std::string> dirs_;
    std::vector<Refused> refused_;
    FcConfigPtr config_;  // private fontconfig config: app dirs first, deterministic
    std::map<std::string, std::shared_ptr<Font>> cache_;                     // key: path#index
    std::map<std::pair<std::string, bool>, std::optional<FaceInfo>> found_;  // find() results
    std::mutex mutex_;
};

}  // namespace bookc::font
