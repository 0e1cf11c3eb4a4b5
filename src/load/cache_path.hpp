// Private to load/: where a remote image lives in the cache folder. The layout is the
// one `wget -x` makes, so a user can read it, fill it from a mirror or keep it between
// CI runs: remote/<host>[:<port>]/<path>[?<query>].
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bookc::load {

// The cache file for `url` (http, https or protocol-relative //host/…), relative to the
// cache folder and '/'-separated, or nullopt when the URL cannot be parsed or has no
// host. The result never holds "..", "." or empty components, never starts with '/',
// and holds no control or non-ASCII byte:
//   - the host is lower-cased; a port that is not the scheme's default follows ':';
//   - each path segment and the query keep their bytes when they are letters, digits,
//     `-._~!$&'()*+,;=:@` or a valid %XX escape (escapes stay as the URL wrote them);
//     every other byte (control characters, space, '\', '"', '<', '>', '|', '^', '`',
//     '{', '}', '%' without two hex digits, non-ASCII, and '/' or '?' inside the query)
//     becomes %XX;
//   - a segment that is only dots ("..", "...") has its dots written as %2E;
//   - the query follows the last segment after a '?' (wget's file names); the fragment
//     is dropped; an empty path or one ending in '/' gets the file name "index.html";
//   - a file name longer than 200 bytes keeps its first 150 bytes plus '~' and a hash of
//     the whole name (file systems refuse names over 255 bytes).
std::optional<std::string> cache_rel_path(std::string_view url);

}  // namespace bookc::load
