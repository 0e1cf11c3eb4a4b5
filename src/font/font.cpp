// Font: one face's bytes, loaded once, with its HarfBuzz face/font and vertical metrics.
#include "font/font.hpp"

#include <fstream>
#include <iterator>
#include <sstream>

#include <hb-ot.h>

#include "base/read_file.hpp"

namespace bookc::font {

Font::~Font() = default;

namespace {

// File bytes shared by the faces of one collection (Noto Sans CJK SC and Sans Mono CJK SC
// live in the same 20 MB .ttc): read once while any face of it is open.
std::shared_ptr<std::string> read_shared(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::string, std::weak_ptr<std::string>> files;
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = files.find(path); it != files.end())
        if (auto alive = it->second.lock()) return alive;
    auto bytes = std::make_shared<std::string>();
    // Regular files only, opened without blocking (a FIFO in fonts/ must not hang a build).
    if (!base::read_file(path, *bytes) || bytes->empty()) return nullptr;
    files[path] = bytes;
    return bytes;
}

}  // namespace

std::shared_ptr<Font> Font::open(const FaceInfo& info) {
    auto bytes = read_shared(info.path);
    if (!bytes) return nullptr;

    std::shared_ptr<Font> f(new Font());
    f->info_ = info;
    f->bytes_ = bytes;
    // The blob borrows the bytes, which the Font keeps alive for as long as the blob lives.
    f->blob_.reset(hb_blob_create(bytes->data(), static_cast<unsigned>(bytes->size()),
                                  HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    unsigned count = hb_face_count(f->blob_.get());
    if (info.index < 0 || static_cast<unsigned>(info.index) >= count) return nullptr;
    f->face_.reset(hb_face_create(f->blob_.get(), static_cast<unsigned>(info.index)));
    hb_face_make_immutable(f->face_.get());
    f->upem_ = static_cast<int>(hb_face_get_upem(f->face_.get()));
    if (f->upem_ <= 0) f->upem_ = 1000;
    if (hb_face_get_glyph_count(f->face_.get()) == 0) return nullptr;
    f->font_.reset(hb_font_create(f->face_.get()));
    hb_font_set_scale(f->font_.get(), f->upem_, f->upem_);

    // Ascender/descender: OS/2 typo metrics when the font asks for them, else hhea, else
    // OS/2 win metrics (hb_ot_metrics follows that order).
    hb_position_t asc = 0, desc = 0;
    bool ok_a =
        hb_ot_metrics_get_position(f->font_.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc);
    bool ok_d =
        hb_ot_metrics_get_position(f->font_.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &desc);
    if (ok_a && asc > 0)
        f->ascender_ = asc;
    else
        f->ascender_ = f->upem_ * 88 / 100;
    if (ok_d && desc < 0)
        f->descender_ = desc;
    else
        f->descender_ = -(f->upem_ * 12 / 100);
    hb_font_make_immutable(f->font_.get());
    f->has_cache_.reset(new std::atomic<std::uint8_t>[0x10000]);
    for (std::size_t i = 0; i < 0x10000; ++i) f->has_cache_[i].store(0, std::memory_order_relaxed);

    if (f->info_.postscript_name.empty()) {
        char buf[256];
        unsigned len = sizeof buf;
        if (hb_ot_name_get_utf8(f->face_.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID,
                                &len, buf) > 0)
            f->info_.postscript_name.assign(buf, len);
    }
    return f;
}

bool Font::has_char(char32_t c) const {
    if (c < 0x10000 && has_cache_) {
        std::atomic<std::uint8_t>& slot = has_cache_[c];
        std::uint8_t v = slot.load(std::memory_order_relaxed);
        if (v == 0) {
            v = glyph_for(c) != 0 ? 1 : 2;
            slot.store(v, std::memory_order_relaxed);
        }
        return v == 1;
    }
    return glyph_for(c) != 0;
}

std::uint32_t Font::glyph_for(char32_t c) const {
    hb_codepoint_t g = 0;
    if (!hb_font_get_nominal_glyph(font_.get(), static_cast<hb_codepoint_t>(c), &g)) return 0;
    return g;
}

int Font::advance(std::uint32_t gid) const { return hb_font_get_glyph_h_advance(font_.get(), gid); }

}  // namespace bookc::font
