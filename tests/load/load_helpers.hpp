// Helpers for the load tests: load one article from a string, compare against goldens.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "base/diag.hpp"
#include "base/hash.hpp"
#include "base/source.hpp"
#include "config/config.hpp"
#include "load/load.hpp"
#include "model/model.hpp"
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

// Compares `actual` with tests/golden/model/<name>.txt; BOOKC_UPDATE_GOLDEN=1 rewrites it.
inline void check_golden(const std::string& name, const std::string& actual) {
    std::string path = source_dir() + "/tests/golden/model/" + name + ".txt";
    const char* upd = std::getenv("BOOKC_UPDATE_GOLDEN");
    if (upd && std::string(upd) == "1") {
        write_text(path, actual);
        MESSAGE("golden updated: " << path);
        return;
    }
    std::string expected = read_text(path);
    if (expected.empty()) FAIL("missing golden " << path << " (run with BOOKC_UPDATE_GOLDEN=1)");
    if (actual != expected) {
        // Show the first differing line rather than both whole dumps.
        std::size_t i = 0, line = 1;
        while (i < actual.size() && i < expected.size() && actual[i] == expected[i]) {
            if (actual[i] == '\n') ++line;
            ++i;
        }
        auto line_at = [](const std::string& s, std::size_t at) {
            std::size_t b = s.rfind('\n', at == 0 ? 0 : at - 1);
            b = (b == std::string::npos || at == 0) ? 0 : b + 1;
            return s.substr(b, s.find('\n', b) - b);
        };
        FAIL_CHECK("golden " << name << " differs at line " << line << "\n  expected: "
                             << line_at(expected, i) << "\n  actual:   " << line_at(actual, i));
        write_text(path + ".actual", actual);
        MESSAGE("golden differs: diff " << path << " " << path << ".actual");
    }
}

inline std::string fixture(const std::string& rel) {
    return source_dir() + "/tests/fixtures/load/" + rel;
}

// For dumps of the shared seeds: the seeds are third-party text, so the repository keeps
// only a hash of their dump (tests/golden/model/<name>.hash), never a copy of the text.
// BOOKC_UPDATE_GOLDEN=1 rewrites it; on a mismatch the live dump is written to the build
// tree to compare with the dump of an earlier commit.
inline void check_golden_hash(const std::string& name, const std::string& actual) {
    auto h = base::hash128(actual);
    std::string hex = base::to_hex(h.data(), h.size()) + "\n";
    std::string path = source_dir() + "/tests/golden/model/" + name + ".hash";
    const char* upd = std::getenv("BOOKC_UPDATE_GOLDEN");
    if (upd && std::string(upd) == "1") {
        write_text(path, hex);
        MESSAGE("golden hash updated: " << path);
        return;
    }
    std::string expected = read_text(path);
    if (expected.empty())
        FAIL("missing golden hash " << path << " (run with BOOKC_UPDATE_GOLDEN=1)");
    if (hex != expected) {
        std::string live = std::string(BOOKC_TEST_TMP) + "/" + name + ".actual.txt";
        write_text(live, actual);
        FAIL_CHECK("the dump of " << name << " changed; it is in " << live);
    }
}

}  // namespace bookc::test
