// Images (and their placeholders), media notes and thematic breaks.
// In print a web address cannot be followed: a media note carries a QR code of its link,
// and long addresses shown as text are shortened to their host (the PDF link annotation
// keeps the whole address).
#include <algorithm>
#include <cctype>
#include <cmath>

#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

namespace {

std::uint32_t be32(const std::string& s, std::size_t i) {
    return (std::uint32_t(std::uint8_t(s[i])) << 24) |
           (std::uint32_t(std::uint8_t(s[i + 1])) << 16) |
           (std::uint32_t(std::uint8_t(s[i + 2])) << 8) | std::uint32_t(std::uint8_t(s[i + 3]));
}

// The whole QR code of a media note, quiet zone included: 22 mm in print.
constexpr float kQrSizePt = 22 * 72 / 25.4f;
// Addresses longer than this are shown as their host and "…".
constexpr std::size_t kLongUrl = 32;

bool web_url(const std::string& url) {
    std::string scheme;
    for (char c : url.substr(0, url.find("://"))) scheme += char(std::tolower((unsigned char)c));
    return url.find("://") != std::string::npos && (scheme == "http" || scheme == "https");
}

// `text`, then the address `url` (if any) shortened and linked to the whole address.
void placeholder(Builder& b, const std::string& text, const std::string& url, Area a,
                 base::Span span) {
    StyledRun r;
    r.text = text;
    r.style = b.st.style(b.st.sans, b.st.size * 0.85f, b.st.muted);
    r.span = span;
    ParagraphSpec spec;
    if (!url.empty()) {
        StyledRun u = r;
        u.text = " " + short_url(url);
        if (web_url(url)) u.style.link_uri = url;
        spec.runs.push_back(std::move(r));
        r = std::move(u);
    }
    spec.runs.push_back(std::move(r));
    spec.width = a.width;
    spec.align = TextAlign::Center;
    ParagraphLayout pl = b.layout(std::move(spec));
    b.leaf("P");
    b.lines(pl, a.x, b.st.size * 0.85f * 1.6f, b.st.size * 0.85f, false);
}

}  // namespace

std::string short_url(const std::string& url) {
    if (url.size() <= kLongUrl || !web_url(url)) return url;
    const std::size_t begin = url.find("://") + 3;
    std::string host = url.substr(begin, url.find_first_of("/?#", begin) - begin);
    if (const auto at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);  // user@
    return host.empty() ? url : host + "…";
}

std::pair<int, int> image_pixel_size(const std::string& s, bool png) {
    if (png) {
        if (s.size() >= 24 && s.compare(1, 3, "PNG") == 0)
            return {int(be32(s, 16)), int(be32(s, 20))};
        return {0, 0};
    }
    // JPEG: walk the segments to the first SOFn.
    std::size_t i = 2;
    if (s.size() < 4 || std::uint8_t(s[0]) != 0xFF || std::uint8_t(s[1]) != 0xD8) return {0, 0};
    while (i + 9 < s.size()) {
        if (std::uint8_t(s[i]) != 0xFF) {
            ++i;
            continue;
        }
        std::uint8_t m = std::uint8_t(s[i + 1]);
        if (m == 0xFF) {
            ++i;
            continue;
        }
        std::size_t len = (std::size_t(std::uint8_t(s[i + 2])) << 8) | std::uint8_t(s[i + 3]);
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            int h = (std::uint8_t(s[i + 5]) << 8) | std::uint8_t(s[i + 6]);
            int w = (std::uint8_t(s[i + 7]) << 8) | std::uint8_t(s[i + 8]);
            return {w, h};
        }
        i += 2 + len;
    }
    return {0, 0};
}

void flow_image(Builder& b, const model::Inline& img, Area a) {
    const model::Asset* asset = nullptr;
    if (b.book && img.asset >= 0 && std::size_t(img.asset) < b.book->assets.size())
        asset = &b.book->assets[std::size_t(img.asset)];
    std::string alt = img.text.empty() ? std::string("图片") : img.text;
    if (!asset) {
        placeholder(b, "［图：" + alt + "］", img.url, a, img.span);
        return;
    }
    // An SVG or GIF is drawn from its PNG rendering (made by load/: make_image_asset).
    const bool print_png = asset->print_png && !asset->print_png->empty();
    const std::shared_ptr<const std::string>& bytes = print_png ? asset->print_png : asset->data;
    bool png = asset->media_type == "image/png" || print_png;
    bool jpeg = asset->media_type == "image/jpeg";
    if ((!png && !jpeg) || !bytes || bytes->empty()) {
        placeholder(b, "［图：" + alt + "］（" + asset->rel_path + "）", {}, a, img.span);
        return;
    }
    int pw = asset->width, ph = asset->height;
    if (pw <= 0 || ph <= 0) std::tie(pw, ph) = image_pixel_size(*bytes, png);
    if (pw <= 0 || ph <= 0) {
        b.diags.warning(img.span, "cannot read the size of image '" + asset->rel_path + "'");
        placeholder(b, "［图：" + alt + "］", {}, a, img.span);
        return;
    }
    float w = std::min(a.width, float(pw) * 0.75f);  // 96 dpi, never wider than the measure
    float h = w * float(ph) / float(pw);
    float max_h = b.st.body_height * 0.7f;
    if (h > max_h) {
        w *= max_h / h;
        h = max_h;
    }
    b.glue(b.st.pitch * 0.5f);
    VBox box;
    float gap = b.st.pitch * 0.25f;
    box.height = h + 2 * gap;
    display::Image im;
    im.x = a.x + (a.width - w) / 2;
    im.y = gap;
    im.w = w;
    im.h = h;
    im.format = png ? display::ImageFormat::Png : display::ImageFormat::Jpeg;
    im.data = bytes;
    im.pixel_width = pw;
    im.pixel_height = ph;
    im.key = asset->rel_path;
    im.tag = b.elem("Figure", alt);
    box.items.push_back(std::move(im));
    b.push(std::move(box));
    // The alt text, when it says something, is the caption, kept with the picture.
    if (!img.text.empty()) {
        const float cs = b.st.size * 0.85f;
        StyledRun r;
        r.text = img.text;
        r.style = b.st.style(b.st.sans, cs, b.st.muted);
        r.span = img.span;
        const float cw = std::min(a.width, std::max(w, a.width * 0.8f));
        ParagraphSpec spec;
        spec.runs.push_back(std::move(r));
        spec.width = cw;
        spec.align = TextAlign::Center;
        ParagraphLayout pl = b.layout(std::move(spec));
        b.keep = int(pl.lines.size());
        b.leaf("Caption");
        b.lines(pl, a.x + (a.width - cw) / 2, cs * 1.5f, cs, false, false);
    }
    b.glue(b.st.pitch * 0.5f);
}

// The label and title, then the address. A web address gets a QR code at the left, the
// text beside it, and is shown as its host; any other address is shown as it is.
void flow_media_note(Builder& b, const model::Block& note, Area a) {
    const auto& st = b.st;
    float size = st.size * 0.85f;
    TextStyle s = st.style(st.sans, size, st.muted);
    std::optional<display::Cells> qr;
    if (web_url(note.url)) qr = qr_cells(note.url, kQrSizePt);
    const float qr_w = qr ? qr->size * float(qr->columns) : 0;
    const float gap = qr ? size : 0;
    StyledRun label;
    label.text = note.info == "video" ? "［视频］" : "［音频］";
    label.style = s;
    label.span = note.span;
    InlineOut out;
    out.runs.push_back(label);
    collect_inlines(note.inlines, s, st, b.dest_prefix, out);
    if (!note.url.empty()) {
        StyledRun u;
        u.text = (qr ? "\n" : " ") + short_url(note.url);
        u.style = s;
        u.style.link_uri = note.url;
        u.span = note.span;
        out.runs.push_back(std::move(u));
    }
    ParagraphSpec spec;
    spec.runs = std::move(out.runs);
    spec.width = a.width - qr_w - gap;
    spec.align = TextAlign::Justify;  // wrapped lines end flush
    ParagraphLayout pl = b.layout(std::move(spec));
    b.leaf("P");
    const float pitch = size * 1.6f;
    if (!qr) {
        b.lines(pl, a.x, pitch, size, false);
        return;
    }
    // One box: the code (its quiet zone inside the box) and the lines beside it, centred
    // on each other.
    VBox box;
    const float text_h = pitch * float(pl.lines.size());
    box.height = std::max(qr_w, text_h);
    const float top = (box.height - text_h) / 2;
    for (std::size_t k = 0; k < pl.lines.size(); ++k) {
        const float baseline = top + pitch * float(k) + (pitch - size) / 2 + 0.88f * size;
        b.place_line(box, pl.lines[k], a.x + qr_w + gap, baseline);
    }
    qr->x = a.x;
    qr->y = (box.height - qr_w) / 2;
    qr->color = st.text;
    qr->tag = b.elem("Figure", "二维码：" + note.url);
    box.items.push_back(std::move(*qr));
    b.glue(st.pitch * 0.25f);
    b.push(std::move(box));
    b.glue(st.pitch * 0.25f);
}

void flow_thematic_break(Builder& b, Area a) {
    VBox box;
    box.height = b.st.pitch * 1.5f;
    float cx = a.x + a.width / 2;
    // Three small diamonds as an ornament.
    for (int i = -1; i <= 1; ++i) {
        display::Rect r;
        float s = b.st.size * 0.22f;
        r.x = cx + float(i) * b.st.size * 1.2f - s / 2;
        r.y = box.height / 2 - s / 2;
        r.w = r.h = s;
        r.fill_color = b.st.muted;
        box.items.push_back(r);
    }
    b.glue(b.st.pitch * 0.25f);
    b.push(std::move(box));
}

}  // namespace bookc::typeset::flow
