#include "write/pdf/cff.hpp"

namespace bookc::pdf {

namespace {

struct CffIndex {
    std::size_t count = 0, offsize = 0, offsets = 0, data = 0, end = 0;
    bool ok = false;
};

CffIndex read_index(const Bytes& b, std::size_t at) {
    CffIndex ix;
    if (at + 2 > b.n) return ix;
    ix.count = b.u16(at);
    if (ix.count == 0) {
        ix.end = at + 2;
        ix.ok = true;
        return ix;
    }
    ix.offsize = b.u8(at + 2);
    if (ix.offsize < 1 || ix.offsize > 4) return ix;
    ix.offsets = at + 3;
    ix.data = ix.offsets + (ix.count + 1) * ix.offsize - 1;
    auto off = [&](std::size_t i) {
        std::size_t v = 0;
        for (std::size_t k = 0; k < ix.offsize; ++k)
            v = (v << 8) | b.u8(ix.offsets + i * ix.offsize + k);
        return v;
    };
    ix.end = ix.data + off(ix.count);
    ix.ok = ix.end <= b.n;
    if (ix.ok) {
        // Keep the first element's bounds in offsets/data for the caller.
        std::size_t first = ix.data + off(0), second = ix.data + off(1);
        ix.offsets = first;
        ix.data = second;
    }
    return ix;
}

}  // namespace

CffCharset cff_charset(const Bytes& b) {
    CffCharset out;
    if (b.n < 4) return out;
    CffIndex names = read_index(b, b.u8(2));
    if (!names.ok) return out;
    CffIndex top = read_index(b, names.end);
    if (!top.ok || top.count < 1) return out;
    // Parse the first Top DICT (element bounds in offsets..data).
    std::size_t i = top.offsets, end = top.data;
    std::vector<long> operands;
    long charset = 0, charstrings = 0;
    bool ros = false;
    while (i < end) {
        unsigned v = b.u8(i);
        if (v <= 21) {
            unsigned op = v;
            ++i;
            if (v == 12) op = 1200 + b.u8(i++);
            if (op == 15 && !operands.empty()) charset = operands.back();
            if (op == 17 && !operands.empty()) charstrings = operands.back();
            if (op == 1230) ros = true;
            operands.clear();
        } else if (v == 28) {
            operands.push_back(b.s16(i + 1));
            i += 3;
        } else if (v == 29) {
            operands.push_back(static_cast<std::int32_t>(b.u32(i + 1)));
            i += 5;
        } else if (v == 30) {  // real: skip nibbles up to 0xf
            ++i;
            while (i < end) {
                unsigned x = b.u8(i++);
                if ((x & 0x0f) == 0x0f || (x >> 4) == 0x0f) break;
            }
            operands.push_back(0);
        } else if (v >= 32 && v <= 246) {
            operands.push_back(static_cast<long>(v) - 139);
            ++i;
        } else if (v >= 247 && v <= 250) {
            operands.push_back((static_cast<long>(v) - 247) * 256 + b.u8(i + 1) + 108);
            i += 2;
        } else if (v >= 251 && v <= 254) {
            operands.push_back(-(static_cast<long>(v) - 251) * 256 - b.u8(i + 1) - 108);
            i += 2;
        } else {
            return out;
        }
    }
    if (!ros) {
        out.readable = true;  // name-keyed: glyph ids are the codes
        return out;
    }
    if (charset <= 2 || charstrings <= 0) return out;
    std::size_t nglyphs = b.u16(static_cast<std::size_t>(charstrings));
    std::vector<std::uint16_t> cids(nglyphs, 0);
    std::size_t at = static_cast<std::size_t>(charset);
    unsigned format = b.u8(at++);
    std::size_t gid = 1;
    if (format == 0) {
        for (; gid < nglyphs; ++gid, at += 2) cids[gid] = static_cast<std::uint16_t>(b.u16(at));
    } else if (format == 1 || format == 2) {
        while (gid < nglyphs && at < b.n) {
            unsigned first = b.u16(at);
            unsigned left = format == 1 ? b.u8(at + 2) : b.u16(at + 2);
            at += format == 1 ? 3 : 4;
            for (unsigned k = 0; k <= left && gid < nglyphs; ++k)
                cids[gid++] = static_cast<std::uint16_t>(first + k);
        }
    } else {
        return out;
    }
    out.readable = true;
    out.cid_keyed = true;
    out.cids = std::move(cids);
    return out;
}

}  // namespace bookc::pdf
