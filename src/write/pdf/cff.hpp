// Reading the bits of font tables the writer needs: big-endian access, and the charset
// of a CFF table (which CID each glyph of a subset carries).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace bookc::pdf {

// Big-endian readers over a table; out-of-range reads give 0.
struct Bytes {
    const unsigned char* p = nullptr;
    std::size_t n = 0;
    unsigned u8(std::size_t at) const { return at < n ? p[at] : 0; }
    unsigned u16(std::size_t at) const { return (u8(at) << 8) | u8(at + 1); }
    int s16(std::size_t at) const { return static_cast<std::int16_t>(u16(at)); }
    std::uint32_t u32(std::size_t at) const {
        return (static_cast<std::uint32_t>(u16(at)) << 16) | u16(at + 2);
    }
};

// The charset of a CFF table: new glyph id → CID for a CID-keyed font.
struct CffCharset {
    bool readable = false;
    bool cid_keyed = false;
    std::vector<std::uint16_t> cids;
};

CffCharset cff_charset(const Bytes& b);

}  // namespace bookc::pdf
