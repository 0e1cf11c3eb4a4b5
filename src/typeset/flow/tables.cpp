// GFM tables: column widths from content, wrapped cells, a three-rule (三线表) frame,
// header rows repeated after a page break.
#include <algorithm>
#include <numeric>

#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

namespace {

struct Cell {
    std::vector<StyledRun> runs;
    TextAlign align = TextAlign::Left;
};

TextAlign align_of(const model::Block& t, std::size_t col) {
    if (col >= t.aligns.size()) return TextAlign::Left;
    switch (t.aligns[col]) {
        case model::Align::Center:
            return TextAlign::Center;
        case model::Align::Right:
            return TextAlign::Right;
        default:
            return TextAlign::Left;
    }
}

// Column widths of a table wider than the measure:
// water-filling: narrow columns keep their natural width, wide ones share the rest.
std::vector<float> column_widths(const std::vector<float>& nat, float avail, float min_w) {
    const std::size_t n = nat.size();
    std::vector<float> w(n, 0);
    float total = std::accumulate(nat.begin(), nat.end(), 0.0f);
    if (total <= avail) {
        for (std::size_t i = 0; i < n; ++i)
            w[i] = total > 0 ? nat[i] + (avail - total) * nat[i] / total : avail / float(n);
        return w;
    }
    std::vector<bool> fixed(n, false);
    float remaining = avail;
    std::size_t open = n;
    for (bool changed = true; changed && open > 0;) {
        changed = false;
        float share = remaining / float(open);
        for (std::size_t i = 0; i < n; ++i)
            if (!fixed[i] && nat[i] <= share) {
                fixed[i] = true, w[i] = nat[i], remaining -= nat[i], --open, changed = true;
            }
    }
    for (std::size_t i = 0; i < n; ++i)
        if (!fixed[i]) w[i] = std::max(min_w, remaining / float(open));
    return w;
}

}  // namespace

void flow_table(Builder& b, const model::Block& t, Area a) {
    const auto& st = b.st;
    std::size_t ncols = 0;
    for (const auto& row : t.rows) ncols = std::max(ncols, row.size());
    if (ncols == 0) return;
    // Cell lines 1.45 x the type size apart and columns 1.2 x apart: a cell reads as one
    // block and neighbouring cells never run together, so text extractors (poppler's
    // pdftotext joins lines closer than 1.5 x the size and words closer than 1 x) find the
    // grid and read the table row by row.
    // A table too wide for the measure even at one character a column (with quarter-em
    // gutters) is set in smaller type, down to 5 pt; past that its cells are squeezed.
    float size = st.size * 0.9f;
    const float cols = float(ncols);
    if (cols * size * 1.5f > a.width) {
        size = std::max(5.0f, a.width / (cols * 1.5f));
        b.diags.warning(t.span,
                        "a table of " + std::to_string(ncols) +
                            " columns is too wide for the page; " +
                            (size * cols * 1.5f > a.width + 0.01f ? "its cells are squeezed"
                                                                  : "its type is reduced"),
                        {"split the table, or make it a list"});
    }
    const float pitch = size * 1.45f;
    float hpad = size * 0.6f;
    const float vpad = size * 0.35f;

    std::vector<std::vector<Cell>> cells(t.rows.size(), std::vector<Cell>(ncols));
    std::vector<float> nat(ncols, 0);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        bool head = int(r) < t.header_rows;
        TextStyle s = st.style(head ? st.sans_bold : st.body, size, st.text);
        for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
            InlineOut out;
            collect_inlines(t.rows[r][c].content, s, st, b.dest_prefix, out);
            Cell& cell = cells[r][c];
            cell.runs = std::move(out.runs);
            cell.align = align_of(t, c);
            if (cell.runs.empty()) continue;
            ParagraphSpec spec;
            spec.runs = cell.runs;
            spec.width = 1e5f;
            spec.align = TextAlign::Left;
            ParagraphLayout pl = b.layout(std::move(spec));
            for (const auto& ln : pl.lines) nat[c] = std::max(nat[c], ln.natural + 0.01f);
        }
    }
    // A table is set into the text as a figure, inset one em from each side of the text
    // block: its rows never line up with (or pose as) lines of body text.
    float inset = st.size;
    // A table of many columns gives up the inset, then gutter, then column width (down
    // to one character) to stay inside the measure.
    float min_w = 2 * size;
    auto need = [&] { return cols * (min_w + 2 * hpad) + 2 * inset; };
    if (need() > a.width) inset = 0;
    if (need() > a.width) hpad = std::max(size * 0.25f, (a.width / cols - min_w) / 2);
    if (need() > a.width) min_w = std::max(1.0f, a.width / cols - 2 * hpad);
    float avail = a.width - 2 * inset - cols * 2 * hpad;
    std::vector<float> w;
    float left = a.x + inset;
    const float natural_total = std::accumulate(nat.begin(), nat.end(), 0.0f);
    if (natural_total <= avail) {
        // A narrow table keeps its natural width, centred: columns spread over the whole
        // measure leave gaps wide enough to read (and extract) a table column by column.
        w = nat;
        left = a.x + inset + (avail - natural_total) / 2;
    } else {
        w = column_widths(nat, avail, min_w);  // wide: wrapping cells over the inset measure
    }
    std::vector<float> x(ncols, left);
    for (std::size_t c = 1; c < ncols; ++c) x[c] = x[c - 1] + w[c - 1] + 2 * hpad;
    float right = x[ncols - 1] + w[ncols - 1] + 2 * hpad;

    auto rule = [&](float y, float width, display::Color color) {
        display::Rule r;
        r.x1 = left, r.x2 = right, r.y1 = r.y2 = y, r.width = width, r.color = color;
        return r;
    };
    int header_index = -1;
    if (t.header_rows > 0) {
        header_index = int(b.list.headers.size());
        b.list.headers.emplace_back();
    }
    b.glue(st.pitch * 0.5f);
    Group table(b, "Table");
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        bool head = int(r) < t.header_rows;
        Group tr(b, "TR");
        std::vector<int> cell_tag(ncols);
        for (auto& c : cell_tag) c = b.elem(head ? "TH" : "TD");
        VBox box;
        std::vector<ParagraphLayout> laid(ncols);
        std::size_t nlines = 1;
        for (std::size_t c = 0; c < ncols; ++c) {
            if (cells[r][c].runs.empty()) continue;
            ParagraphSpec spec;
            spec.runs = std::move(cells[r][c].runs);
            spec.width = w[c];
            spec.align = cells[r][c].align;
            laid[c] = b.layout(std::move(spec));
            nlines = std::max(nlines, laid[c].lines.size());
        }
        box.height = float(nlines) * pitch + 2 * vpad;
        // Items of cell lines [l0, l1) with line l0's slot starting at `top`.
        auto place_lines = [&](VBox& into, std::size_t l0, std::size_t l1, float top) {
            for (std::size_t c = 0; c < ncols; ++c) {
                float y = top;
                for (std::size_t l = l0; l < l1 && l < laid[c].lines.size(); ++l) {
                    const auto& ln = laid[c].lines[l];
                    float baseline = y + (pitch - size) / 2 + 0.88f * size;
                    b.tag = cell_tag[c];
                    b.place_line(into, ln, x[c] + hpad, baseline);
                    y += pitch;
                }
            }
        };
        bool last = r + 1 == t.rows.size();
        // A body row taller than a page less the repeated header cannot go whole on any
        // page: it is set as one slice per line band, which the paginator may break
        // between. Each page the row continues on gets the header again, and the page it
        // leaves is closed with the table's bottom rule (paginate.cpp).
        const float header_h =
            header_index >= 0 ? [&] {
                float h = 0;
                for (const auto& hb : b.list.headers[std::size_t(header_index)]) h += hb.height;
                return h;
            }()
                              : 0.0f;
        if (!head && box.height > st.body_height - header_h && nlines >= 2) {
            for (std::size_t l = 0; l < nlines; ++l) {
                VBox slice;
                const bool first_line = l == 0, last_line = l + 1 == nlines;
                slice.height = pitch + (first_line ? vpad : 0) + (last_line ? vpad : 0);
                place_lines(slice, l, l + 1, first_line ? vpad : 0);
                if (first_line && r == 0) slice.items.push_back(rule(0, 0.8f, st.text));
                if (last_line)
                    slice.items.push_back(last ? rule(slice.height, 0.8f, st.text)
                                               : rule(slice.height, 0.25f, st.rule));
                slice.header = header_index;
                if (first_line && int(r) == t.header_rows && t.header_rows > 0)
                    slice.brk = Break::Never;
                else if (l == 1 || l + 1 == nlines)
                    slice.brk = Break::Avoid;  // no lone first or last line of the row
                b.push(std::move(slice));
            }
            continue;
        }
        if (box.height > st.body_height)
            b.diags.warning(t.rows[r].empty() ? t.span : t.rows[r][0].span,
                            "a table row is taller than a page and runs past its foot",
                            {"split the cell's text, or make the table a list"});
        place_lines(box, 0, nlines, vpad);
        if (r == 0) box.items.push_back(rule(0, 0.8f, st.text));
        if (head && int(r) + 1 == t.header_rows)
            box.items.push_back(rule(box.height, 0.5f, st.text));
        if (!head && !last) box.items.push_back(rule(box.height, 0.25f, st.rule));
        if (last) box.items.push_back(rule(box.height, 0.8f, st.text));
        if (head) {
            if (r > 0) box.brk = Break::Never;
            VBox copy = box;
            copy.brk = Break::Allowed;
            if (r == 0 && copy.items.size() > 0) {
            }  // the top rule comes along
            b.list.headers[std::size_t(header_index)].push_back(std::move(copy));
        } else {
            box.header = header_index;
            if (int(r) == t.header_rows && t.header_rows > 0) box.brk = Break::Never;
        }
        b.push(std::move(box));
    }
    b.glue(st.pitch * 0.5f);
}

}  // namespace bookc::typeset::flow
