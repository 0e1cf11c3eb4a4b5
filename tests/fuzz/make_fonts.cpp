// Build-time tool of the fuzz build (tests/fuzz/CMakeLists.txt): writes small subsets of
// the handbook layout's five CJK faces into OUT_DIR, for fuzz_book. The installed Noto CJK
// faces have 65,535 glyphs each, and the PDF writer subsets every face a book uses: with
// them a one-article book spends most of its time in hb-subset and in per-glyph tables,
// which are not what the fuzzer tests. These subsets keep the families, names, layout
// tables (GSUB, GPOS: the `locl` punctuation, `——` as one glyph) and the CID-keyed CFF of
// the originals, for ASCII, Latin-1, general, CJK and full-width punctuation and the 3,755
// hanzi of GB 2312 level 1 (the most common ones): about 4,000 glyphs each.
//
//   fuzz_make_fonts OUT_DIR     (writes OUT_DIR/*.otf and OUT_DIR/fonts.txt, their list)
#include <iconv.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <hb-subset.h>

#include "base/atomic_file.hpp"
#include "font/font.hpp"

namespace {

struct HbDeleter {
    void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
    void operator()(hb_face_t* p) const { hb_face_destroy(p); }
    void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
};
template <class T>
using HbPtr = std::unique_ptr<T, HbDeleter>;

// The 3,755 hanzi of GB 2312 level 1 (rows 16-55), decoded with iconv.
std::vector<char32_t> gb2312_level1() {
    std::vector<char32_t> out;
    iconv_t cd = iconv_open("UTF-32LE", "GB2312");
    if (cd == reinterpret_cast<iconv_t>(-1)) return out;
    for (unsigned hi = 0xB0; hi <= 0xD7; ++hi)
        for (unsigned lo = 0xA1; lo <= 0xFE; ++lo) {
            char in[2] = {static_cast<char>(hi), static_cast<char>(lo)};
            unsigned char u[4] = {};
            char* ip = in;
            char* op = reinterpret_cast<char*>(u);
            std::size_t il = 2, ol = 4;
            if (iconv(cd, &ip, &il, &op, &ol) == static_cast<std::size_t>(-1) || ol != 0) {
                iconv(cd, nullptr, nullptr, nullptr, nullptr);  // unassigned (D7FA-D7FE)
                continue;
            }
            out.push_back(static_cast<char32_t>(u[0] | (u[1] << 8) | (u[2] << 16) | (u[3] << 24)));
        }
    iconv_close(cd);
    return out;
}

// Reports `what`; false, for `return fail(…)`.
bool fail(const std::string& what) {
    std::fprintf(stderr, "fuzz_make_fonts: %s\n", what.c_str());
    return false;
}

bool write_subset(bookc::font::FontDb& db, const char* family, bool bold,
                  const std::vector<char32_t>& chars, const std::string& path) {
    auto info = db.find(family, bold);
    if (!info) return fail(std::string("no font for ") + family + " (fonts-noto-cjk)");
    HbPtr<hb_blob_t> blob(hb_blob_create_from_file_or_fail(info->path.c_str()));
    if (!blob) return fail("cannot read " + info->path);
    HbPtr<hb_face_t> face(hb_face_create(blob.get(), static_cast<unsigned>(info->index)));
    HbPtr<hb_subset_input_t> input(hb_subset_input_create_or_fail());
    if (!input) return fail("hb_subset_input_create_or_fail");
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t c : chars) hb_set_add(unicodes, c);
    // Every name (fontconfig finds the face by its family and weight names).
    hb_set_t* names = hb_subset_input_set(input.get(), HB_SUBSET_SETS_NAME_ID);
    hb_set_add_range(names, 0, 25);
    HbPtr<hb_face_t> sub(hb_subset_or_fail(face.get(), input.get()));
    if (!sub) return fail("hb-subset failed for " + info->path);
    HbPtr<hb_blob_t> bytes(hb_face_reference_blob(sub.get()));
    unsigned len = 0;
    const char* data = hb_blob_get_data(bytes.get(), &len);
    std::string err = bookc::base::write_file_atomic(path, std::string_view(data, len));
    return err.empty() || fail(err);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_make_fonts OUT_DIR\n");
        return 2;
    }
    const std::string out = argv[1];
    std::filesystem::create_directories(out);
    std::vector<char32_t> chars = gb2312_level1();
    if (chars.size() != 3755) {
        fail("iconv cannot decode GB2312");
        return 1;
    }
    for (char32_t c = 0x20; c < 0x7F; ++c) chars.push_back(c);
    for (char32_t c = 0xA0; c <= 0xFF; ++c) chars.push_back(c);
    for (char32_t c = 0x2000; c <= 0x206F; ++c) chars.push_back(c);  // general punctuation
    for (char32_t c = 0x3000; c <= 0x303F; ++c) chars.push_back(c);  // CJK punctuation
    for (char32_t c = 0xFF00; c <= 0xFFEF; ++c) chars.push_back(c);  // full-width forms
    struct Face {
        const char* family;
        bool bold;
        const char* file;
    };
    // The faces of layouts/handbook: body (and its bold), headings, code, fallback.
    const Face faces[] = {
        {"Noto Serif CJK SC", false, "NotoSerifCJKsc-Regular.otf"},
        {"Noto Serif CJK SC", true, "NotoSerifCJKsc-Bold.otf"},
        {"Noto Sans CJK SC", false, "NotoSansCJKsc-Regular.otf"},
        {"Noto Sans CJK SC", true, "NotoSansCJKsc-Bold.otf"},
        {"Noto Sans Mono CJK SC", false, "NotoSansMonoCJKsc-Regular.otf"},
    };
    bookc::font::FontDb db("");  // the system's fonts only
    std::string list;
    for (const Face& f : faces) {
        if (!write_subset(db, f.family, f.bold, chars, out + "/" + f.file)) return 1;
        list += std::string(f.file) + "\n";
    }
    std::string err = bookc::base::write_file_atomic(out + "/fonts.txt", list);
    return err.empty() || fail(err) ? 0 : 1;
}
