// Running the highlighter over a code block and turning its formats into tokens: the
// library's default styles (Theme::TextStyle) map onto our fixed classes, its UTF-16
// offsets onto byte offsets of the block's UTF-8 text. Adjacent pieces of one class merge.
#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>
#include <optional>

#include "base/utf8.hpp"
#include "highlight/highlight.hpp"
#include "highlight/repository.hpp"

namespace bookc::highlight {

namespace {

using model::TokenClass;
using Style = KSyntaxHighlighting::Theme::TextStyle;

std::optional<TokenClass> class_of(Style s) {
    switch (s) {
        case Style::Keyword:
        case Style::ControlFlow:
            return TokenClass::Keyword;
        case Style::DataType:
            return TokenClass::Type;
        case Style::Char:
        case Style::String:
        case Style::VerbatimString:
        case Style::SpecialString:
            return TokenClass::String;
        case Style::SpecialChar:
            return TokenClass::Escape;
        case Style::DecVal:
        case Style::BaseN:
        case Style::Float:
            return TokenClass::Number;
        case Style::Comment:
        case Style::Documentation:
        case Style::CommentVar:
        case Style::RegionMarker:
        case Style::Information:
        case Style::Warning:
        case Style::Alert:
            return TokenClass::Comment;
        case Style::Function:
            return TokenClass::Function;
        case Style::Operator:
            return TokenClass::Operator;
        case Style::Preprocessor:
        case Style::Import:
            return TokenClass::Preprocessor;
        case Style::Constant:
            return TokenClass::Constant;
        case Style::BuiltIn:
        case Style::Extension:
            return TokenClass::Builtin;
        case Style::Variable:
            return TokenClass::Variable;
        case Style::Attribute:
        case Style::Annotation:
            return TokenClass::Attribute;
        case Style::Error:
            return TokenClass::Error;
        case Style::Normal:
        case Style::Others:
            return std::nullopt;
    }
    return std::nullopt;
}

class Collector : public KSyntaxHighlighting::AbstractHighlighter {
public:
    std::vector<model::CodeToken> tokens;

    // Highlights one line (no '\n') starting at byte `base` of the block.
    KSyntaxHighlighting::State line(std::string_view text, std::uint32_t base,
                                    const KSyntaxHighlighting::State& state) {
        // Byte offset (from the block's start) of each UTF-16 unit of the line, plus its end.
        offsets_.clear();
        std::u32string u32;
        std::size_t i = 0;
        while (i < text.size()) {
            std::size_t at = i;
            char32_t c = base::next_codepoint(text, i);
            u32 += c;
            offsets_.push_back(base + std::uint32_t(at));
            if (c > 0xFFFF) offsets_.push_back(base + std::uint32_t(at));
        }
        offsets_.push_back(base + std::uint32_t(text.size()));
        line_ = QString::fromUcs4(u32.data(), int(u32.size()));
        return highlightLine(line_, state);
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format& format) override {
        auto cls = class_of(format.textStyle());
        if (!cls || length <= 0 || offset < 0 || std::size_t(offset + length) >= offsets_.size())
            return;
        // Blanks carry no colour (YAML marks the space after a key): no token for them.
        bool blank = true;
        for (int k = offset; k < offset + length && blank; ++k) blank = line_[k].isSpace();
        if (blank) return;
        std::uint32_t b = offsets_[std::size_t(offset)], e = offsets_[std::size_t(offset + length)];
        if (b >= e) return;
        if (!tokens.empty() && tokens.back().cls == *cls && tokens.back().end == b)
            tokens.back().end = e;
        else
            tokens.push_back({b, e, *cls});
    }

private:
    std::vector<std::uint32_t> offsets_;
    QString line_;
};

}  // namespace

std::vector<model::CodeToken> highlight_code(std::string_view language, std::string_view code) {
    std::string name = definition_for(language);
    if (name.empty()) return {};
    Collector h;
    h.setDefinition(repository().definitionForName(QString::fromStdString(name)));
    h.setTheme(repository().defaultTheme());
    KSyntaxHighlighting::State state;
    std::size_t start = 0;
    while (start <= code.size()) {
        std::size_t nl = code.find('\n', start);
        if (nl == std::string_view::npos) nl = code.size();
        std::string_view ln = code.substr(start, nl - start);
        if (!ln.empty() && ln.back() == '\r') ln.remove_suffix(1);
        state = h.line(ln, std::uint32_t(start), state);
        start = nl + 1;
    }
    return std::move(h.tokens);
}

}  // namespace bookc::highlight
