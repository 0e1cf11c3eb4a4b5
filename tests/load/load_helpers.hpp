// Helpers for the load tests: load one article from a string, dump it (goldens:
// support/golden.hpp).
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "base/diag.hpp"
#include "base/source.hpp"
#include "config/config.hpp"
#include "load/load.hpp"
#include "model/model.hpp"
#include "support/golden.hpp"
#include "support/test_support.hpp"

namespace bookc::test {

struct Loaded {
    base::SourceMap sources;
    base::DiagSink diags;
    model::Book book;
    model::Chapter chapter;
    std::string diag_text() const { return diags.format(sources); }
};

// Writes `text` to a temp book folder as `rel` and loads that one file as a chapter.
inline void load_text(Loaded& out, const std::string& name, const std::string& rel,
                      const std::string& text, std::optional<model::Format> format = std::nullopt,
                      const config::BookConfig& cfg = {}) {
    std::string dir = temp_dir(name);
    write_text(dir + "/" + rel, text);
    config::BookConfig c = cfg;
    model::Format f = format ? *format : load::detect_format(text, rel.substr(rel.rfind('.')));
    base::FileId id = out.sources.add(dir + "/" + rel, rel, text);
    out.chapter = load::load_chapter(dir, id, f, c, out.book, out.sources, out.diags);
}

inline std::string dump_chapter(const model::Chapter& ch, const model::Book& shell = {}) {
    model::Book b;
    b.meta = shell.meta;
    b.assets = shell.assets;
    model::Part p;
    p.chapters.push_back(ch);
    b.parts.push_back(std::move(p));
    return model::dump(b);
}

inline std::string fixture(const std::string& rel) {
    return source_dir() + "/tests/fixtures/load/" + rel;
}

}  // namespace bookc::test
