// make_jpeg: libjpeg's compressor into memory, the way cameras and print tools write.
#include "support/make_jpeg.hpp"

#include <cstdio>
#include <cstdlib>

#include <jpeglib.h>  // needs <cstdio> first

namespace bookc::test {

std::string make_jpeg(
    const JpegSpec& spec,
    const std::function<void(unsigned y, std::vector<unsigned char>& row)>& fill_row) {
    jpeg_compress_struct c{};
    jpeg_error_mgr err{};
    c.err = jpeg_std_error(&err);
    jpeg_create_compress(&c);
    unsigned char* buf = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&c, &buf, &size);
    c.image_width = static_cast<JDIMENSION>(spec.width);
    c.image_height = static_cast<JDIMENSION>(spec.height);
    c.input_components = spec.components;
    c.in_color_space = spec.components == 1   ? JCS_GRAYSCALE
                       : spec.components == 4 ? JCS_CMYK
                                              : JCS_RGB;
    jpeg_set_defaults(&c);
    if (spec.components == 4) jpeg_set_colorspace(&c, JCS_CMYK);  // writes the Adobe marker
    jpeg_set_quality(&c, spec.quality, TRUE);
    if (spec.progressive) jpeg_simple_progression(&c);
    jpeg_start_compress(&c, TRUE);
    std::vector<unsigned char> row(static_cast<std::size_t>(spec.width) *
                                   static_cast<std::size_t>(spec.components));
    while (c.next_scanline < c.image_height) {
        fill_row(c.next_scanline, row);
        JSAMPROW p = row.data();
        jpeg_write_scanlines(&c, &p, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    std::string out(reinterpret_cast<char*>(buf), size);
    std::free(buf);
    return out;
}

}  // namespace bookc::test
