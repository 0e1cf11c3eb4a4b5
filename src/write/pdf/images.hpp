// Image XObjects: JPEG passed through (DCTDecode), PNG decoded with libpng and stored
// losslessly (Flate), alpha as /SMask. One XObject per display::Image::key.
#pragma once
#include <map>
#include <string>

#include <podofo/podofo.h>

#include "base/diag.hpp"
#include "display/display.hpp"

namespace bookc::pdf {

class ImageStore {
public:
    ImageStore(PoDoFo::PdfVecObjects& objects, base::DiagSink& diags)
        : objects_(objects), diags_(diags) {}

    // The resource name ("Im0", …) of the image's XObject, created on first use;
    // "" when the image cannot be decoded (a warning is recorded once).
    std::string get(const display::Image& image);
    PoDoFo::PdfReference ref(const std::string& name) const { return refs_.at(name); }

private:
    PoDoFo::PdfVecObjects& objects_;
    base::DiagSink& diags_;
    std::map<std::string, std::string> by_key_;  // key → name ("" = failed)
    std::map<std::string, PoDoFo::PdfReference> refs_;
};

}  // namespace bookc::pdf
