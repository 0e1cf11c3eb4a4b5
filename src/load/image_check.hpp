// Private to load/: every image is checked before a writer sees it. Its size is read from
// its header and held against [limits] image_megapixels / image_decoded_mb before any pixel
// is decoded; a PNG or JPEG is then decoded once, a row at a time (a JPEG at 1/8 scale), so
// a file cut short or damaged is found here, named at the reference, and never embedded.
#pragma once
#include <string>
#include <string_view>

#include "config/config.hpp"

namespace bookc::load {

struct ImageCheck {
    int width = 0, height = 0;  // pixels, from the header (0 when unknown)
    // "" when the image can be used; else what is wrong, starting with "is too large" or
    // "is damaged", to follow "image " in a diagnostic.
    std::string problem;
    std::string hint;  // which [limits] key raises the limit, for "is too large"
};

// Checks `bytes` of type `media_type` (image/png, image/jpeg, image/gif, image/webp; an
// SVG has no pixel size and passes). Never throws, never keeps decoder state.
ImageCheck check_image(std::string_view bytes, const std::string& media_type,
                       const config::Limits& limits);

}  // namespace bookc::load
