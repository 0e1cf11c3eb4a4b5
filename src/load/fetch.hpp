// Private to load/: downloads a batch of URLs in parallel with libcurl (http and https
// only, size, redirect and time limits, one retry on transient failures). Knows nothing
// of images or the cache: it returns bytes or a reason.
#pragma once
#include <string>
#include <vector>

namespace bookc::load {

struct FetchOptions {
    long max_bytes = 20L * 1024 * 1024;  // a body larger than this is aborted
    int timeout = 30;                    // seconds for a whole transfer
    int connect_timeout = 10;            // seconds
    int parallel = 4;                    // transfers at a time
    int max_redirects = 5;
};

struct FetchResult {
    bool ok = false;           // a 2xx answer whose body arrived whole
    std::string body;          // the body (ok only)
    std::string content_type;  // as the server said (may be empty)
    std::string error;         // why it failed (not ok): "HTTP 404", curl's message, …
    int attempts = 0;          // 1, or 2 after a retry
};

// One result per URL, in the order of `urls` (never in the order downloads finish).
std::vector<FetchResult> fetch_all(const std::vector<std::string>& urls, const FetchOptions& opts);

}  // namespace bookc::load
