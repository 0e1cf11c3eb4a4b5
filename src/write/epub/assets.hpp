// Images copied into the package: which media types an EPUB 3 reading system must support
// (core media types), file extensions, and SVG sanitising (an SVG is a document that could
// carry scripts and event handlers).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bookc::epub {

bool is_core_image_type(std::string_view media_type);
std::string image_extension(std::string_view media_type);  // "png", "jpg", "gif", "svg"
// The SVG without <script>, <foreignObject>, event handlers (on*), javascript:/data: links
// and external references; nullopt when it is not well-formed SVG.
std::optional<std::string> sanitize_svg(std::string_view svg);

}  // namespace bookc::epub
