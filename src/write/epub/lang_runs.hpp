// Latin text in a Chinese book's XHTML, marked with its language so that the stylesheet's
// `text-justify: inter-character` (right for Han text) does not letter-space it: a block
// whose text is all Latin gets `lang`/`xml:lang` itself; inside Chinese blocks each Latin
// run of at least one word is wrapped in `<span lang="en" xml:lang="en">`.
#pragma once
#include <pugixml.hpp>

#include <string_view>

namespace bookc::epub {

// Marks the Latin text under `root` (a chapter's <body>) as `latin_lang` ([book]
// second_language, "en" by default) when `doc_lang` is Chinese, Japanese or Korean; does
// nothing for other languages. Code (<code>, <pre>, <kbd>, <samp>) is never wrapped, and
// elements that already carry a language are left alone.
void mark_latin_runs(pugi::xml_node root, std::string_view doc_lang, std::string_view latin_lang);

}  // namespace bookc::epub
