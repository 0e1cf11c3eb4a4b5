// Private to load/: turns image formats the writers cannot use everywhere into PNG
// (WebP with libwebp, the first frame of a GIF with giflib, SVG with librsvg and cairo for
// the PDF; written with libpng). Used for remote images, whose format the author did not
// choose.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bookc::load {

// PNG bytes, or nullopt with the reason in `error`. Images (and GIF frames) of more than
// `max_pixels` pixels are not decoded: a small file can claim a huge size.
std::optional<std::string> webp_to_png(std::string_view webp, std::string& error,
                                       long long max_pixels);
std::optional<std::string> gif_to_png(std::string_view gif, std::string& error,
                                      long long max_pixels);

// An SVG rendered with librsvg (no external resources: there is no base file) at twice its
// size in CSS pixels, the longer side at most 3000 pixels. `css_width`/`css_height` get
// its size in CSS pixels (from width/height, else the viewBox).
std::optional<std::string> svg_to_png(std::string_view svg, int& css_width, int& css_height,
                                      std::string& error);

// 8-bit RGBA pixels (width * height * 4 bytes) → PNG bytes (deterministic: no time chunk).
std::optional<std::string> encode_png_rgba(const unsigned char* rgba, int width, int height);

}  // namespace bookc::load
