// Private to highlight/: the library's repository of definitions, read once on first use
// (about 70 ms for its 359 definitions, so a book without languages never pays for it).
#pragma once

namespace KSyntaxHighlighting {
class Repository;
}

namespace bookc::highlight {

KSyntaxHighlighting::Repository& repository();

}  // namespace bookc::highlight
