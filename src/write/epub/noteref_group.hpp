// Footnote markers that never begin a line in the EPUB: the marker, the word before it and
// the closing punctuation after it ("一模一样²。") go into one `<span class="noteref-group">`,
// which the stylesheet sets `white-space: nowrap`. A span rather than word joiners (U+2060):
// the text stays exactly the author's (copy, search and text-to-speech see no invisible
// characters), and every CSS reading system honours nowrap, while support for WJ between an
// element and its neighbours varies.
#pragma once
#include <pugixml.hpp>

#include <cstddef>
#include <string_view>

namespace bookc::epub {

// Appends the group span to `parent`, moving into it what the marker must stay with: the
// last character of a preceding text node (a whole Latin word or number), or a short
// preceding element (`<em>词</em>`). Nothing is moved after a space.
pugi::xml_node open_noteref_group(pugi::xml_node parent);

// Bytes at the start of `s` that must not begin a line (closing marks and pauses such as
// `。，」）` and ASCII `.,;:!?)]}`), which follow the marker into its group.
std::size_t leading_closers(std::string_view s);

}  // namespace bookc::epub
