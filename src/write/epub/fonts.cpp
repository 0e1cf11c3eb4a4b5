#include "write/epub/fonts.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <memory>

namespace bookc::epub {

namespace {
struct BlobFree {
    void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct FaceFree {
    void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct InputFree {
    void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
using BlobPtr = std::unique_ptr<hb_blob_t, BlobFree>;
using FacePtr = std::unique_ptr<hb_face_t, FaceFree>;
using InputPtr = std::unique_ptr<hb_subset_input_t, InputFree>;

// Tables a reading system does not need once text is not reshaped into variants here:
// shaping/layout tables, vertical metrics, signatures, colour and bitmap tables.
constexpr const char* kDropTables[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "VORG",
                                       "vhea", "vmtx", "DSIG", "kern", "morx", "mort", "feat",
                                       "EBDT", "EBLC", "EBSC", "CBDT", "CBLC", "sbix", "COLR",
                                       "CPAL", "SVG ", "meta", "hdmx", "LTSH", "VDMX", "PCLT"};
}  // namespace

std::optional<SubsetFont> subset_font(const std::string& bytes, unsigned index,
                                      const std::set<char32_t>& chars, std::string& error) {
    BlobPtr blob(hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()),
                                HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    FacePtr face(hb_face_create(blob.get(), index));
    if (!face || hb_face_get_glyph_count(face.get()) == 0) {
        error = "the font face could not be read";
        return std::nullopt;
    }
    InputPtr input(hb_subset_input_create_or_fail());
    if (!input) {
        error = "out of memory";
        return std::nullopt;
    }
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t c : chars)
        if (c >= 0x20) hb_set_add(unicodes, c);
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* tag : kDropTables) hb_set_add(drop, hb_tag_from_string(tag, 4));
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_DESUBROUTINIZE);
    FacePtr sub(hb_subset_or_fail(face.get(), input.get()));
    if (!sub) {
        error = "hb-subset failed";
        return std::nullopt;
    }
    BlobPtr out(hb_face_reference_blob(sub.get()));
    unsigned len = 0;
    const char* data = hb_blob_get_data(out.get(), &len);
    if (!data || len < 12) {
        error = "hb-subset produced an empty font";
        return std::nullopt;
    }
    SubsetFont f;
    f.data.assign(data, len);
    bool cff = f.data.compare(0, 4, "OTTO") == 0;
    f.media_type = cff ? "font/otf" : "font/ttf";
    f.extension = cff ? "otf" : "ttf";
    return f;
}

}  // namespace bookc::epub
