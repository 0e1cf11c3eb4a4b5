#include "write/pdf/fonts.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include <hb-ot.h>

#include "base/hash.hpp"
#include "write/pdf/cff.hpp"
#include "write/pdf/format.hpp"
#include "write/pdf/tounicode.hpp"

using namespace PoDoFo;

namespace bookc::pdf {

namespace {

constexpr hb_tag_t kCff = HB_TAG('C', 'F', 'F', ' ');

struct Table {
    HbPtr<hb_blob_t> blob;
    Bytes bytes;
    explicit Table(hb_face_t* face, hb_tag_t tag) : blob(hb_face_reference_table(face, tag)) {
        unsigned len = 0;
        bytes.p = reinterpret_cast<const unsigned char*>(hb_blob_get_data(blob.get(), &len));
        bytes.n = len;
    }
};

// ---- names, metrics, widths ----

std::string clean_name(std::string name) {
    std::string out;
    for (char c : name) {
        unsigned char u = static_cast<unsigned char>(c);
        bool ok = u > 32 && u < 127 && !std::strchr("()<>[]{}/%#", c);
        out += ok ? c : '-';
    }
    return out.empty() ? std::string("Font") : out;
}

std::string postscript_name(const FontEntry& f) {
    if (!f.face.postscript_name.empty()) return clean_name(f.face.postscript_name);
    char buf[128];
    unsigned len = sizeof buf;
    hb_ot_name_get_utf8(f.hb_face.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len,
                        buf);
    return clean_name(std::string(buf, len));
}

std::string subset_tag(const std::string& name, const std::set<std::uint32_t>& gids) {
    std::string key = name;
    for (auto g : gids) key += std::to_string(g) + ',';
    auto h = base::hash128(key);
    std::string tag;
    for (int i = 0; i < 6; ++i) tag += static_cast<char>('A' + h[i] % 26);
    return tag;
}

double to_1000(const FontEntry& f, double units) { return units * 1000.0 / f.upem; }

std::string widths_array(const std::map<std::uint16_t, double>& widths, double dw) {
    std::string s = "[";
    std::vector<std::pair<std::uint16_t, double>> list;
    for (const auto& [code, w] : widths)
        if (w != dw) list.emplace_back(code, w);
    std::size_t i = 0;
    while (i < list.size()) {
        // A group of consecutive codes.
        std::size_t j = i + 1;
        while (j < list.size() && list[j].first == list[j - 1].first + 1) ++j;
        std::size_t k = i;
        std::string pending;
        std::uint16_t pending_start = 0;
        auto flush = [&] {
            if (pending.empty()) return;
            s += std::to_string(pending_start) + " [" + pending + "] ";
            pending.clear();
        };
        while (k < j) {
            std::size_t m = k + 1;
            while (m < j && list[m].second == list[k].second) ++m;
            if (m - k >= 3) {  // c_first c_last w
                flush();
                s += std::to_string(list[k].first) + ' ' + std::to_string(list[m - 1].first) + ' ' +
                     num(list[k].second) + ' ';
            } else {
                for (std::size_t q = k; q < m; ++q) {
                    if (pending.empty())
                        pending_start = list[q].first;
                    else
                        pending += ' ';
                    pending += num(list[q].second);
                }
            }
            k = m;
        }
        flush();
        i = j;
    }
    if (s.size() > 1 && s.back() == ' ') s.pop_back();
    s += ']';
    return s;
}

double default_width(const std::map<std::uint16_t, double>& widths) {
    std::map<double, int> count;
    for (const auto& [code, w] : widths) ++count[w];
    double best = 1000;
    int n = 0;
    for (const auto& [w, c] : count)
        if (c > n) {
            best = w;
            n = c;
        }
    return best;
}

// PdfData is written as it is, without the separator PoDoFo puts before numbers: add one.
PdfObject make_raw(const std::string& text) {
    return PdfObject(PdfVariant(PdfData((" " + text).c_str())));
}

PdfReference add_stream(PdfVecObjects& objects, const std::string& data) {
    PdfObject* obj = objects.CreateObject();
    obj->GetStream()->Set(data.data(), static_cast<pdf_long>(data.size()));
    return obj->Reference();
}

struct Descriptor {
    long flags = 4;
    long bbox[4] = {0, -120, 1000, 880};
    long ascent = 880, descent = -120, cap_height = 700, stem_v = 80;
    double italic_angle = 0;
};

Descriptor describe(const FontEntry& f) {
    Descriptor d;
    hb_face_t* face = f.hb_face.get();
    Table head(face, HB_TAG('h', 'e', 'a', 'd'));
    if (head.bytes.n >= 54) {
        for (int k = 0; k < 4; ++k) d.bbox[k] = std::lround(to_1000(f, head.bytes.s16(36 + 2 * k)));
    }
    // Ascent/Descent: the OS/2 typographic values (for CJK fonts the ideographic em box,
    // which viewers use for selection boxes), else hhea through HarfBuzz.
    Table os2(face, HB_TAG('O', 'S', '/', '2'));
    hb_position_t v = 0;
    if (os2.bytes.n >= 72 && os2.bytes.s16(68) > 0) {
        d.ascent = std::lround(to_1000(f, os2.bytes.s16(68)));
        d.descent = std::lround(to_1000(f, os2.bytes.s16(70)));
    } else {
        if (hb_ot_metrics_get_position(f.hb_font.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v))
            d.ascent = std::lround(to_1000(f, v));
        if (hb_ot_metrics_get_position(f.hb_font.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v))
            d.descent = std::lround(to_1000(f, v));
    }
    // Cap height: OS/2 v2+, else the top of "H", else the ascent.
    d.cap_height = d.ascent;
    hb_codepoint_t h_glyph = 0;
    hb_glyph_extents_t ext{};
    if (hb_ot_metrics_get_position(f.hb_font.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &v) && v > 0)
        d.cap_height = std::lround(to_1000(f, v));
    else if (hb_font_get_nominal_glyph(f.hb_font.get(), 'H', &h_glyph) &&
             hb_font_get_glyph_extents(f.hb_font.get(), h_glyph, &ext) && ext.y_bearing > 0)
        d.cap_height = std::lround(to_1000(f, ext.y_bearing));
    unsigned weight = 400;
    bool serif = false;
    if (os2.bytes.n >= 32) {
        weight = os2.bytes.u16(4);
        unsigned family_class = os2.bytes.u16(30) >> 8;
        serif = family_class >= 1 && family_class <= 7;
    }
    Table post(face, HB_TAG('p', 'o', 's', 't'));
    bool fixed = false;
    if (post.bytes.n >= 16) {
        d.italic_angle = static_cast<std::int32_t>(post.bytes.u32(4)) / 65536.0;
        fixed = post.bytes.u32(12) != 0;
    }
    // No font table holds a stem width for TrueType: estimate it from the weight class.
    double w = std::clamp(static_cast<double>(weight), 100.0, 900.0);
    d.stem_v = std::lround(10 + 220 * std::pow((w - 50) / 900, 2));
    d.flags = 4 | (fixed ? 1 : 0) | (serif ? 2 : 0) | (d.italic_angle != 0 ? 64 : 0);
    return d;
}

}  // namespace

double glyph_width_1000(const FontEntry& font, std::uint32_t gid) {
    return round_to(to_1000(font, hb_font_get_glyph_h_advance(font.hb_font.get(), gid)));
}

std::vector<FontEntry> open_fonts(const display::Document& doc, base::DiagSink& diags) {
    std::vector<FontEntry> fonts;
    fonts.reserve(doc.fonts.size());
    for (std::size_t i = 0; i < doc.fonts.size(); ++i) {
        FontEntry f;
        f.face = doc.fonts[i];
        f.resource = std::to_string(i);
        f.resource.insert(f.resource.begin(), 'F');  // ("F" + … trips GCC 12's -Wrestrict)
        f.blob.reset(hb_blob_create_from_file_or_fail(f.face.path.c_str()));
        if (f.blob) {
            unsigned faces = hb_face_count(f.blob.get());
            if (f.face.face_index >= 0 && static_cast<unsigned>(f.face.face_index) < faces) {
                f.hb_face.reset(
                    hb_face_create(f.blob.get(), static_cast<unsigned>(f.face.face_index)));
                f.glyph_count = hb_face_get_glyph_count(f.hb_face.get());
            }
        }
        if (!f.hb_face || f.glyph_count == 0) {
            diags.error_at(f.face.path, 0, 0,
                           "PDF: cannot open font face " + std::to_string(f.face.face_index) +
                               "; its text is left out of the PDF");
            f.hb_face.reset();
            fonts.push_back(std::move(f));
            continue;
        }
        f.upem = hb_face_get_upem(f.hb_face.get());
        f.hb_font.reset(hb_font_create(f.hb_face.get()));
        hb_font_set_scale(f.hb_font.get(), static_cast<int>(f.upem), static_cast<int>(f.upem));
        Table cff(f.hb_face.get(), kCff);
        f.cff = cff.bytes.n > 0;
        f.usable = true;
        fonts.push_back(std::move(f));
    }
    return fonts;
}

namespace {

void embed_one(PdfVecObjects& objects, FontEntry& f, base::DiagSink& diags) {
    std::set<std::uint32_t> gids = {0};
    for (std::uint32_t g = 0; g < f.used.size(); ++g)
        if (f.used[g]) gids.insert(g);
    HbPtr<hb_subset_input_t> input(hb_subset_input_create_or_fail());
    if (!input) throw std::runtime_error("hb_subset_input_create_or_fail failed");
    hb_set_t* glyphs = hb_subset_input_glyph_set(input.get());
    for (auto g : gids) hb_set_add(glyphs, g);
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t t :
         {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
          HB_TAG('B', 'A', 'S', 'E'), HB_TAG('V', 'O', 'R', 'G'), HB_TAG('v', 'h', 'e', 'a'),
          HB_TAG('v', 'm', 't', 'x'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
          HB_TAG('D', 'S', 'I', 'G')})
        hb_set_add(drop, t);
    hb_subset_input_set_flags(input.get(),
                              f.cff ? HB_SUBSET_FLAGS_DESUBROUTINIZE : HB_SUBSET_FLAGS_DEFAULT);
    HbPtr<hb_subset_plan_t> plan(hb_subset_plan_create_or_fail(f.hb_face.get(), input.get()));
    HbPtr<hb_face_t> sub(plan ? hb_subset_plan_execute_or_fail(plan.get()) : nullptr);
    if (!sub) {
        diags.error_at(f.face.path, 0, 0,
                       "PDF: hb-subset failed for this font; its text is left out");
        f.usable = false;
        return;
    }
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
    auto new_gid = [&](std::uint32_t g) -> std::uint32_t {
        hb_codepoint_t v = hb_map_get(old_to_new, g);
        return v == HB_MAP_VALUE_INVALID ? 0 : v;
    };

    std::string program;
    std::string font_file_key = f.cff ? "FontFile3" : "FontFile2";
    if (f.cff) {
        Table cff(sub.get(), kCff);
        program.assign(reinterpret_cast<const char*>(cff.bytes.p), cff.bytes.n);
        const CffCharset charset = cff_charset(cff.bytes);
        for (auto g : gids) {
            std::uint32_t n = new_gid(g), code = g;  // unreadable: Noto keeps glyph ids as CIDs
            if (charset.readable && charset.cid_keyed)
                code = n < charset.cids.size() ? charset.cids[n] : 0;
            else if (charset.readable)
                code = n;  // name-keyed CFF: CIDs are glyph ids
            f.codes[g] = static_cast<std::uint16_t>(code);
        }
    } else {
        HbPtr<hb_blob_t> blob(hb_face_reference_blob(sub.get()));
        unsigned len = 0;
        const char* data = hb_blob_get_data(blob.get(), &len);
        program.assign(data, len);
        for (auto g : gids) f.codes[g] = static_cast<std::uint16_t>(g);
    }
    if (program.empty()) {
        diags.error_at(f.face.path, 0, 0, "PDF: the subset font is empty; its text is left out");
        f.usable = false;
        return;
    }
    for (auto g : gids) f.widths[f.codes[g]] = glyph_width_1000(f, g);
    f.code_by_gid.assign(f.glyph_count, 0);
    f.width_by_gid.assign(f.glyph_count, f.widths[f.codes[0]]);  // unused ids draw .notdef
    for (auto g : gids) {
        f.code_by_gid[g] = f.codes[g];
        f.width_by_gid[g] = f.widths[f.codes[g]];
    }

    const std::string name = postscript_name(f);
    const std::string base_name = subset_tag(name, gids) + "+" + name;
    const Descriptor d = describe(f);

    // Type0 font first, so its number is stable and small.
    PdfObject* type0 = objects.CreateObject("Font");
    f.ref = type0->Reference();

    PdfObject* file = objects.CreateObject();
    if (f.cff)
        file->GetDictionary().AddKey("Subtype", PdfName("CIDFontType0C"));
    else
        file->GetDictionary().AddKey("Length1", static_cast<pdf_int64>(program.size()));
    file->GetStream()->Set(program.data(), static_cast<pdf_long>(program.size()));

    PdfObject* desc = objects.CreateObject("FontDescriptor");
    PdfDictionary& dd = desc->GetDictionary();
    dd.AddKey("FontName", PdfName(base_name));
    dd.AddKey("Flags", static_cast<pdf_int64>(d.flags));
    dd.AddKey("FontBBox",
              make_raw("[" + std::to_string(d.bbox[0]) + ' ' + std::to_string(d.bbox[1]) + ' ' +
                       std::to_string(d.bbox[2]) + ' ' + std::to_string(d.bbox[3]) + "]"));
    dd.AddKey("ItalicAngle", make_raw(num(d.italic_angle)));
    dd.AddKey("Ascent", static_cast<pdf_int64>(d.ascent));
    dd.AddKey("Descent", static_cast<pdf_int64>(d.descent));
    dd.AddKey("CapHeight", static_cast<pdf_int64>(d.cap_height));
    dd.AddKey("StemV", static_cast<pdf_int64>(d.stem_v));
    dd.AddKey(PdfName(font_file_key), file->Reference());

    PdfObject* cid = objects.CreateObject("Font");
    PdfDictionary& cd = cid->GetDictionary();
    cd.AddKey("Subtype", PdfName(f.cff ? "CIDFontType0" : "CIDFontType2"));
    cd.AddKey("BaseFont", PdfName(base_name));
    PdfDictionary info;
    info.AddKey("Registry", PdfString("Adobe"));
    info.AddKey("Ordering", PdfString("Identity"));
    info.AddKey("Supplement",
                PdfObject(static_cast<pdf_int64>(0)));  // a bare 0 picks AddKey(name, PdfObject*)
    cd.AddKey("CIDSystemInfo", info);
    cd.AddKey("FontDescriptor", desc->Reference());
    const double dw = default_width(f.widths);
    cd.AddKey("DW", make_raw(num(dw)));
    cd.AddKey("W", make_raw(widths_array(f.widths, dw)));
    if (!f.cff) {
        std::uint32_t max_code = 0;
        for (const auto& [g, c] : f.codes) max_code = std::max<std::uint32_t>(max_code, c);
        std::string map(2 * (max_code + 1), '\0');
        for (const auto& [g, c] : f.codes) {
            std::uint32_t n = new_gid(g);
            map[2 * c] = static_cast<char>(n >> 8);
            map[2 * c + 1] = static_cast<char>(n & 0xff);
        }
        cd.AddKey("CIDToGIDMap", add_stream(objects, map));
    }

    PdfReference tounicode = add_stream(objects, make_tounicode_cmap(f));

    PdfDictionary& td = type0->GetDictionary();
    td.AddKey("Subtype", PdfName("Type0"));
    td.AddKey("BaseFont", PdfName(f.cff ? base_name + "-Identity-H" : base_name));
    td.AddKey("Encoding", PdfName("Identity-H"));
    PdfArray descendants;
    descendants.push_back(cid->Reference());
    td.AddKey("DescendantFonts", descendants);
    td.AddKey("ToUnicode", tounicode);
}

}  // namespace

void embed_fonts(PdfVecObjects& objects, std::vector<FontEntry>& fonts, base::DiagSink& diags) {
    for (FontEntry& f : fonts) {
        if (!f.usable || !f.any_used) continue;
        embed_one(objects, f, diags);
    }
}

}  // namespace bookc::pdf
