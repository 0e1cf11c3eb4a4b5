// unique_ptr owners for HarfBuzz handles used by the PDF writer (minikin's HbUtils.h).
#pragma once
#include <memory>

#include <hb-subset.h>
#include <hb.h>

namespace bookc::pdf {

struct HbDeleter {
    void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
    void operator()(hb_face_t* p) const { hb_face_destroy(p); }
    void operator()(hb_font_t* p) const { hb_font_destroy(p); }
    void operator()(hb_set_t* p) const { hb_set_destroy(p); }
    void operator()(hb_buffer_t* p) const { hb_buffer_destroy(p); }
    void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
    void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
};

template <class T>
using HbPtr = std::unique_ptr<T, HbDeleter>;

}  // namespace bookc::pdf
