// unique_ptr owners for HarfBuzz (hb-subset included) and fontconfig handles, as minikin's
// HbUtils.h: no raw owners. The one copy, in the lowest stage that needs it: the font
// stage itself, the typesetter (shaping) and the PDF writer (subsetting) use it.
#pragma once
#include <memory>

#include <fontconfig/fontconfig.h>
#include <hb-subset.h>
#include <hb.h>

namespace bookc::font {

struct HbDeleter {
    void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
    void operator()(hb_face_t* p) const { hb_face_destroy(p); }
    void operator()(hb_font_t* p) const { hb_font_destroy(p); }
    void operator()(hb_buffer_t* p) const { hb_buffer_destroy(p); }
    void operator()(hb_set_t* p) const { hb_set_destroy(p); }
    void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
    void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
    void operator()(FcConfig* p) const { FcConfigDestroy(p); }
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};

template <class T>
using HbPtr = std::unique_ptr<T, HbDeleter>;

using HbBlobPtr = HbPtr<hb_blob_t>;
using HbFacePtr = HbPtr<hb_face_t>;
using HbFontPtr = HbPtr<hb_font_t>;
using HbBufferPtr = HbPtr<hb_buffer_t>;
using FcConfigPtr = HbPtr<FcConfig>;
using FcPatternPtr = HbPtr<FcPattern>;

}  // namespace bookc::font
