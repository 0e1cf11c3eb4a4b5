// fetch_all: curl multi runs up to `parallel` transfers at once; each result is stored at
// its URL's index, so what the caller sees does not depend on which download ends first.
#include "load/fetch.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace bookc::load {

namespace {

struct UrlDeleter {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
};

struct Transfer {
    std::size_t index = 0;
    CURL* easy = nullptr;
    std::unique_ptr<CURLU, UrlDeleter> url;
    std::string body;
    long max_bytes = 0;
    bool too_big = false;
    int attempts = 0;
    char errbuf[CURL_ERROR_SIZE] = {};
};

std::size_t on_data(char* p, std::size_t size, std::size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::size_t len = size * n;
    if (t->body.size() + len > static_cast<std::size_t>(t->max_bytes)) {
        t->too_big = true;
        return 0;  // curl aborts the transfer with CURLE_WRITE_ERROR
    }
    t->body.append(p, len);
    return len;
}

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

CURL* make_easy(const std::string& url, Transfer& t, const FetchOptions& o) {
    CURL* e = curl_easy_init();
    if (!e) return nullptr;
    std::string u = url.rfind("//", 0) == 0 ? "https:" + url : url;
    // Parsed by curl's URL API, which percent-encodes spaces and non-ASCII bytes that
    // articles often leave raw (图片 1.png); the transfer reads it from t.url.
    t.url.reset(curl_url());
    if (!t.url || curl_url_set(t.url.get(), CURLUPART_URL, u.c_str(),
                               CURLU_URLENCODE | CURLU_ALLOW_SPACE) != CURLUE_OK) {
        curl_easy_cleanup(e);
        return nullptr;
    }
    curl_easy_setopt(e, CURLOPT_CURLU, t.url.get());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(o.max_redirects));
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_bytes));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, static_cast<long>(o.connect_timeout));
    curl_easy_setopt(e, CURLOPT_TIMEOUT, static_cast<long>(o.timeout));
    // A server that trickles: below 1 KB/s for 15 s (or the whole timeout) gives up.
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1024L);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, static_cast<long>(std::min(15, o.timeout)));
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_USERAGENT, "bookc (image fetch)");
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // gzip etc.; the limit counts decoded bytes
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.errbuf);
    curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
    return e;
}

bool transient(CURLcode rc, long status) {
    switch (rc) {
        case CURLE_COULDNT_CONNECT:
        case CURLE_OPERATION_TIMEDOUT:
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_PARTIAL_FILE:
        case CURLE_GOT_NOTHING:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
            return true;
        case CURLE_OK:
            return status == 408 || status == 429 || status == 500 || status == 502 ||
                   status == 503 || status == 504;
        default:
            return false;
    }
}

std::string describe(CURLcode rc, long status, const Transfer& t, const FetchOptions& o) {
    if (t.too_big || rc == CURLE_FILESIZE_EXCEEDED)
        return "larger than " + std::to_string(o.max_bytes) +
               " bytes ([images] max_bytes); aborted";
    if (rc == CURLE_OK) return "HTTP " + std::to_string(status);
    std::string msg = t.errbuf[0] ? t.errbuf : curl_easy_strerror(rc);
    return msg;
}

}  // namespace

std::vector<FetchResult> fetch_all(const std::vector<std::string>& urls, const FetchOptions& opts) {
    std::vector<FetchResult> results(urls.size());
    if (urls.empty()) return results;
    global_init();
    std::unique_ptr<CURLM, decltype(&curl_multi_cleanup)> multi(curl_multi_init(),
                                                                curl_multi_cleanup);
    if (!multi) {
        for (auto& r : results) r.error = "cannot start libcurl";
        return results;
    }
    std::vector<Transfer> transfers(urls.size());
    std::size_t next = 0;
    int active = 0;
    auto start = [&](Transfer& t) {
        t.body.clear();
        t.too_big = false;
        t.errbuf[0] = 0;
        ++t.attempts;
        curl_multi_add_handle(multi.get(), t.easy);
        ++active;
    };
    auto start_next = [&] {
        while (next < urls.size() && active < std::max(1, opts.parallel)) {
            Transfer& t = transfers[next];
            t.index = next;
            t.max_bytes = opts.max_bytes;
            t.easy = make_easy(urls[next], t, opts);
            ++next;
            if (!t.easy) {
                results[t.index].error = "not a URL libcurl can use";
                continue;
            }
            start(t);
        }
    };
    start_next();
    while (active > 0) {
        int running = 0;
        if (curl_multi_perform(multi.get(), &running) != CURLM_OK) break;
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi.get(), &left)) {
            if (msg->msg != CURLMSG_DONE) continue;
            Transfer* t = nullptr;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&t));
            CURLcode rc = msg->data.result;
            long status = 0;
            curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
            curl_multi_remove_handle(multi.get(), t->easy);
            --active;
            bool ok = rc == CURLE_OK && status >= 200 && status < 300 && !t->too_big;
            if (!ok && !t->too_big && transient(rc, status) && t->attempts < 2) {
                start(*t);  // one retry
                continue;
            }
            FetchResult& r = results[t->index];
            r.attempts = t->attempts;
            r.ok = ok;
            const char* ct = nullptr;
            if (curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct)
                r.content_type = ct;
            if (ok)
                r.body = std::move(t->body);
            else
                r.error = describe(rc, status, *t, opts);
            t->body = std::string();
            curl_easy_cleanup(t->easy);
            t->easy = nullptr;
        }
        start_next();
        if (active > 0) curl_multi_poll(multi.get(), nullptr, 0, 500, nullptr);
    }
    for (auto& t : transfers)  // only after a multi failure
        if (t.easy) {
            curl_multi_remove_handle(multi.get(), t.easy);
            curl_easy_cleanup(t.easy);
            if (results[t.index].error.empty() && !results[t.index].ok)
                results[t.index].error = "libcurl failed";
        }
    return results;
}

}  // namespace bookc::load
