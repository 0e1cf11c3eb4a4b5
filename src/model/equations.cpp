// Equation numbers within a chapter: a display formula with \tag keeps its tag, one with
// \label and no \tag gets the next number (1), (2), …; \eqref{label} anywhere in the
// chapter then shows that number. Labels do not reach across chapters.
#include <map>

#include "model/passes.hpp"

namespace bookc::model {

namespace {

struct Target {
    std::string number;
    std::string id;
};

class Numberer {
public:
    Numberer(Chapter& ch, base::DiagSink& diags) : ch_(ch), diags_(diags) {}

    void run() {
        for (auto& b : ch_.blocks) collect(b);
        for (auto& b : ch_.blocks) resolve(b);
        for (auto& f : ch_.footnotes)
            for (auto& b : f.blocks) resolve(b);
    }

private:
    Chapter& ch_;
    base::DiagSink& diags_;
    std::map<std::string, Target> labels_;
    int auto_ = 0;

    void collect(Block& b) {
        if (b.kind == BlockKind::MathBlock && b.math) {
            math::Formula& f = *b.math;
            if (f.auto_number) f.tag = "(" + std::to_string(++auto_) + ")";
            if (!f.label.empty()) {
                b.id = ch_.id + "-eq" + std::to_string(labels_.size() + 1);
                std::string number = f.tag;
                if (number.size() >= 2 && number.front() == '(' && number.back() == ')')
                    number = number.substr(1, number.size() - 2);
                if (!labels_.emplace(f.label, Target{number, b.id}).second)
                    diags_.warning(b.span, "the equation label '" + f.label +
                                               "' is used twice in this chapter");
            }
        }
        for (auto& c : b.children) collect(c);
    }

    void resolve(math::Node& n, base::Span at) {
        if (n.kind == math::Kind::Ref) {
            auto it = labels_.find(n.text);
            if (it != labels_.end()) {
                n.number = it->second.number;
            } else {
                diags_.warning(
                    at, "\\eqref{" + n.text + "}: no equation with this \\label in the chapter");
            }
        }
        for (auto& c : n.children) resolve(c, at);
    }
    void resolve(Inlines& ins) {
        for (auto& in : ins) {
            if (in.kind == InlineKind::Math && in.math) resolve(in.math->root, in.span);
            resolve(in.children);
        }
    }
    void resolve(Block& b) {
        if (b.kind == BlockKind::MathBlock && b.math) resolve(b.math->root, b.span);
        resolve(b.inlines);
        for (auto& c : b.children) resolve(c);
        for (auto& row : b.rows)
            for (auto& cell : row) resolve(cell.content);
    }
};

}  // namespace

void number_equations(Book& book, base::DiagSink& diags) {
    book.for_each_chapter([&](Chapter& ch) { Numberer(ch, diags).run(); });
}

}  // namespace bookc::model
