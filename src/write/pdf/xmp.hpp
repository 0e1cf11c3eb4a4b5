// XMP metadata (the catalog's /Metadata stream): the Info dictionary's facts in the form
// PDF 2.0, PDF/A and modern viewers read: Dublin Core title, creators, description,
// subjects and language, the PDF keywords and producer, the creating tool and dates.
#pragma once
#include <string>

#include "display/display.hpp"

namespace bookc::pdf {

// The XMP packet (UTF-8, no XML declaration, between xpacket processing instructions).
// Dates only from `meta.date`; nothing from the clock.
std::string xmp_packet(const display::Metadata& meta, const std::string& producer);

}  // namespace bookc::pdf
