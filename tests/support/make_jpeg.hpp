// JPEGs for the tests, made with libjpeg (link bookc_test_jpeg, which links libjpeg).
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace bookc::test {

struct JpegSpec {
    int width = 0, height = 0;
    int components = 3;  // 1 grey, 3 RGB, 4 CMYK (with the Adobe marker, as print tools write)
    int quality = 75;    // libjpeg's default
    bool progressive = false;
};

// A JPEG of `spec`; `fill_row(y, row)` sets the samples of row y (width × components).
std::string make_jpeg(
    const JpegSpec& spec,
    const std::function<void(unsigned y, std::vector<unsigned char>& row)>& fill_row);

}  // namespace bookc::test
