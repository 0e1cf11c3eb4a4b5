#include "write/pdf/content.hpp"

#include <cmath>

#include "base/utf8.hpp"
#include "write/pdf/format.hpp"
#include "write/pdf/tounicode.hpp"

namespace bookc::pdf {

namespace {

// Pen movements smaller than this (in 1/1000 em) are not written.
constexpr double kMinAdjust = 0.5;

class ContentWriter {
public:
    ContentWriter(const display::Page& page, const std::vector<FontEntry>& fonts,
                  ImageStore& images, PageResources& used,
                  const std::vector<display::StructElem>& structure, std::vector<int>& mcids)
        : page_(page),
          fonts_(fonts),
          images_(images),
          used_(used),
          structure_(structure),
          mcids_(mcids) {}

    std::string run() {
        for (const auto& item : page_.items) {
            if (const auto* r = std::get_if<display::GlyphRun>(&item)) {
                mark(r->tag);
                text_run(*r);
            } else if (const auto* r = std::get_if<display::Rule>(&item)) {
                mark(-1);
                rule(*r);
            } else if (const auto* r = std::get_if<display::Rect>(&item)) {
                mark(-1);
                rect(*r);
            } else if (const auto* r = std::get_if<display::Cells>(&item)) {
                mark(r->tag);
                cells(*r);
            } else if (const auto* r = std::get_if<display::Image>(&item)) {
                mark(r->tag);
                image(*r);
            }
            // Links and anchors are not drawn.
        }
        end_text();
        if (marked_ != kNone) out_ += "EMC\n";
        return std::move(out_);
    }

private:
    static constexpr int kNone = -2;

    // Opens the marked-content sequence for structure element `tag` (-1: an artifact)
    // unless it is the one open. Sequences never cross a text object's bounds.
    void mark(int tag) {
        if (structure_.empty()) return;  // an untagged document
        if (tag >= int(structure_.size())) tag = -1;
        if (tag == marked_) return;
        end_text();
        if (marked_ != kNone) out_ += "EMC\n";
        marked_ = tag;
        if (tag < 0) {
            out_ += "/Artifact BMC\n";
            return;
        }
        out_ += '/' + structure_[std::size_t(tag)].role + "<</MCID " +
                std::to_string(mcids_.size()) + ">>BDC\n";
        mcids_.push_back(tag);
    }

    double Y(double y) const { return page_.height - y; }

    void color(const display::Color& c, const char* op) {
        put_num(out_, c.r, 3);
        out_ += ' ';
        put_num(out_, c.g, 3);
        out_ += ' ';
        put_num(out_, c.b, 3);
        out_ += ' ';
        out_ += op;
        out_ += '\n';
    }

    // ---- text ----

    void begin_text() {
        if (in_bt_) return;
        out_ += "BT\n";
        in_bt_ = true;
        lx_ = ly_ = tx_ = ty_ = 0;
    }
    void end_tj() {
        if (in_hex_) out_ += '>';
        in_hex_ = false;
        if (in_tj_) out_ += "]TJ\n";
        in_tj_ = false;
    }
    void end_text() {
        if (!in_bt_) return;
        end_tj();
        out_ += "ET\n";
        in_bt_ = false;
    }
    void move_to(double x, double y) {
        end_tj();
        double dx = round_to(x - lx_), dy = round_to(y - ly_);
        put_num(out_, dx);
        out_ += ' ';
        put_num(out_, dy);
        out_ += " Td\n";
        lx_ += dx;
        ly_ += dy;
        tx_ = lx_;
        ty_ = ly_;
    }
    void glyph(std::uint16_t code, double w1000, double x, double y) {
        if (std::abs(y - ty_) > 0.005) {
            move_to(x, y);
        } else {
            double d = (x - tx_) * 1000.0 / size_;  // > 0: move right
            if (std::abs(d) >= kMinAdjust) {
                if (std::abs(d) > 5000) {
                    move_to(x, y);
                } else {
                    if (!in_tj_) {
                        out_ += '[';
                        in_tj_ = true;
                    }
                    if (in_hex_) out_ += '>';
                    in_hex_ = false;
                    double adj = round_to(-d);
                    put_num(out_, adj);
                    tx_ -= adj * size_ / 1000.0;
                }
            }
        }
        if (!in_tj_) {
            out_ += '[';
            in_tj_ = true;
        }
        if (!in_hex_) out_ += '<';
        in_hex_ = true;
        put_hex4(out_, code);
        tx_ += w1000 * size_ / 1000.0;
    }

    void text_run(const display::GlyphRun& run) {
        if (run.glyphs.empty() || run.font < 0 ||
            static_cast<std::size_t>(run.font) >= fonts_.size())
            return;
        const FontEntry& font = fonts_[static_cast<std::size_t>(run.font)];
        if (!font.usable || run.size <= 0) return;
        begin_text();
        end_tj();
        if (font_ != run.font || size_ != run.size) {
            out_ += '/' + font.resource + ' ';
            put_num(out_, run.size);
            out_ += " Tf\n";
            font_ = run.font;
            size_ = run.size;
            used_.fonts.insert(static_cast<std::size_t>(run.font));
        }
        if (!have_fill_ || !(fill_ == run.color)) {
            color(run.color, "rg");
            fill_ = run.color;
            have_fill_ = true;
        }
        // Pen positions of every glyph, in PDF coordinates.
        std::vector<double>& pen = pen_;
        pen.resize(run.glyphs.size());
        double x = run.x;
        for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
            pen[i] = x;
            x += run.glyphs[i].advance;
        }
        const double base_y = Y(run.y);
        // Start of the run: a new line unless the pen is already there.
        if (std::abs(base_y - ty_) > 0.005 || std::abs(run.x - tx_) > 0.005) move_to(run.x, base_y);
        clusters_of(run, clusters_);
        if (!run.copy) {  // drawn, but no text: an empty ActualText
            end_tj();
            out_ += "/Span<</ActualText()>>BDC\n";
        }
        for (const Cluster& c : clusters_) {
            const bool actual = run.copy && !maps_to_source(font, run, c, scratch_);
            if (actual) {
                end_tj();
                out_ += "/Span<</ActualText<FEFF";
                put_utf16_hex(out_, base::to_u32(c.text(run)));
                out_ += ">>>BDC\n";
            }
            for (std::size_t i = c.first; i < c.last; ++i) {
                const auto& g = run.glyphs[i];
                glyph(font.code(g.gid), font.width_of_glyph(g.gid), pen[i] + g.dx, base_y + g.dy);
            }
            if (actual) {
                end_tj();
                out_ += "EMC\n";
            }
        }
        if (!run.copy) {
            end_tj();
            out_ += "EMC\n";
        }
    }

    // ---- graphics ----

    void rule(const display::Rule& r) {
        end_text();
        out_ += "q\n";
        color(r.color, "RG");
        put_num(out_, r.width);
        out_ += " w\n";
        if (r.dotted) {
            out_ += "1 J [0 ";
            put_num(out_, 2 * r.width);
            out_ += "] 0 d\n";
        }
        put_num(out_, r.x1);
        out_ += ' ';
        put_num(out_, Y(r.y1));
        out_ += " m ";
        put_num(out_, r.x2);
        out_ += ' ';
        put_num(out_, Y(r.y2));
        out_ += " l S\nQ\n";
    }

    void rect(const display::Rect& r) {
        const bool stroke = r.stroke_width > 0;
        if (!r.fill && !stroke) return;
        end_text();
        out_ += "q\n";
        if (r.fill) color(r.fill_color, "rg");
        if (stroke) {
            color(r.stroke_color, "RG");
            put_num(out_, r.stroke_width);
            out_ += " w\n";
        }
        put_num(out_, r.x);
        out_ += ' ';
        put_num(out_, Y(r.y + r.h));
        out_ += ' ';
        put_num(out_, r.w);
        out_ += ' ';
        put_num(out_, r.h);
        out_ += r.fill && stroke ? " re B\n" : r.fill ? " re f\n" : " re S\n";
        out_ += "Q\n";
    }

    // In cell units (x right, y down from the grid's corner), each row's runs of dark cells
    // as rectangles of whole numbers, all filled at once.
    void cells(const display::Cells& c) {
        if (c.columns <= 0 || c.rows <= 0 || c.size <= 0 ||
            c.dark.size() != std::size_t(c.columns) * std::size_t(c.rows))
            return;
        end_text();
        out_ += "q\n";
        color(c.color, "rg");
        put_num(out_, c.size);
        out_ += " 0 0 ";
        put_num(out_, -c.size);
        out_ += ' ';
        put_num(out_, c.x);
        out_ += ' ';
        put_num(out_, Y(c.y));
        out_ += " cm\n";
        bool any = false;
        for (int r = 0; r < c.rows; ++r)
            for (int x = 0; x < c.columns;) {
                if (!c.dark[std::size_t(r) * std::size_t(c.columns) + std::size_t(x)]) {
                    ++x;
                    continue;
                }
                int e = x;
                while (e < c.columns &&
                       c.dark[std::size_t(r) * std::size_t(c.columns) + std::size_t(e)])
                    ++e;
                out_ += std::to_string(x) + ' ' + std::to_string(r) + ' ' + std::to_string(e - x) +
                        " 1 re\n";
                any = true;
                x = e;
            }
        out_ += any ? "f\nQ\n" : "n\nQ\n";
    }

    void image(const display::Image& im) {
        std::string name = images_.get(im);
        if (name.empty() || im.w <= 0 || im.h <= 0) return;
        end_text();
        used_.images.insert(name);
        out_ += "q\n";
        put_num(out_, im.w);
        out_ += " 0 0 ";
        put_num(out_, im.h);
        out_ += ' ';
        put_num(out_, im.x);
        out_ += ' ';
        put_num(out_, Y(im.y + im.h));
        out_ += " cm\n/" + name + " Do\nQ\n";
    }

    const display::Page& page_;
    const std::vector<FontEntry>& fonts_;
    ImageStore& images_;
    PageResources& used_;
    const std::vector<display::StructElem>& structure_;
    std::vector<int>& mcids_;
    int marked_ = kNone;  // the open marked-content sequence's element (-1: artifact)
    std::string out_;

    std::vector<Cluster> clusters_;  // reused between runs
    std::vector<double> pen_;
    std::string scratch_;

    bool in_bt_ = false, in_tj_ = false, in_hex_ = false;
    double lx_ = 0, ly_ = 0, tx_ = 0, ty_ = 0;  // text line start and current point
    int font_ = -1;
    double size_ = 0;
    bool have_fill_ = false;
    display::Color fill_;
};

}  // namespace

std::string page_content(const display::Page& page, const std::vector<FontEntry>& fonts,
                         ImageStore& images, PageResources& used,
                         const std::vector<display::StructElem>& structure,
                         std::vector<int>& mcids) {
    return ContentWriter(page, fonts, images, used, structure, mcids).run();
}

}  // namespace bookc::pdf
