// unique_ptr owners for HarfBuzz and fontconfig handles (minikin's HbUtils.h): no raw owners.
#pragma once
#include <memory>

#include <fontconfig/fontconfig.h>
#include <hb.h>

namespace bookc::font {

struct HbBlobDeleter {
    void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
};
struct HbFaceDeleter {
    void operator()(hb_face_t* p) const { hb_face_destroy(p); }
};
struct HbFontDeleter {
    void operator()(hb_font_t* p) const { hb_font_destroy(p); }
};
struct HbBufferDeleter {
    void operator()(hb_buffer_t* p) const { hb_buffer_destroy(p); }
};
struct FcConfigDeleter {
    void operator()(FcConfig* p) const { FcConfigDestroy(p); }
};
struct FcPatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};

using HbBlobPtr = std::unique_ptr<hb_blob_t, HbBlobDeleter>;
using HbFacePtr = std::unique_ptr<hb_face_t, HbFaceDeleter>;
using HbFontPtr = std::unique_ptr<hb_font_t, HbFontDeleter>;
using HbBufferPtr = std::unique_ptr<hb_buffer_t, HbBufferDeleter>;
using FcConfigPtr = std::unique_ptr<FcConfig, FcConfigDeleter>;
using FcPatternPtr = std::unique_ptr<FcPattern, FcPatternDeleter>;

}  // namespace bookc::font
