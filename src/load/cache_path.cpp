// Remote image URL → its file in the cache folder (see cache_path.hpp for the rules).
// The URL is parsed by libcurl's URL API, which also removes dot segments from the path.
#include "load/cache_path.hpp"

#include <curl/curl.h>

#include <memory>
#include <vector>

#include "base/hash.hpp"
#include "load/text.hpp"

namespace bookc::load {

namespace {

struct UrlDeleter {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
struct CurlStr {
    char* p = nullptr;
    ~CurlStr() { curl_free(p); }
};

std::optional<std::string> part(CURLU* u, CURLUPart which) {
    CurlStr s;
    if (curl_url_get(u, which, &s.p, 0) != CURLUE_OK || !s.p) return std::nullopt;
    return std::string(s.p);
}

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool keep_byte(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("-._~!$&'()*+,;=:@").find(c) != std::string_view::npos;
}

std::string escape_byte(unsigned char c) {
    static const char* hex = "0123456789ABCDEF";
    return {'%', hex[c >> 4], hex[c & 15]};
}

// One path segment (or the query): safe bytes kept, the rest %XX.
std::string clean(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '%' && i + 2 < s.size() && is_hex(s[i + 1]) && is_hex(s[i + 2])) {
            out.append(s.substr(i, 3));
            i += 2;
        } else if (keep_byte(c)) {
            out += c;
        } else {
            out += escape_byte(static_cast<unsigned char>(c));
        }
    }
    if (!out.empty() && out.find_first_not_of('.') == std::string::npos) {
        std::string dots;
        for (std::size_t i = 0; i < out.size(); ++i) dots += "%2E";
        out = dots;
    }
    return out;
}

std::string shorten(const std::string& name) {
    if (name.size() <= 200) return name;
    auto h = base::hash128(name);
    std::string head = name.substr(0, 150);
    // Do not cut a %XX escape in half.
    std::size_t pct = head.rfind('%');
    if (pct != std::string::npos && pct + 3 > head.size()) head.resize(pct);
    return head + "~" + base::to_hex(h.data(), 8);
}

}  // namespace

std::optional<std::string> cache_rel_path(std::string_view url_in) {
    std::string url(trim_ascii(url_in));
    if (starts_with(url, "//")) url = "https:" + url;
    std::unique_ptr<CURLU, UrlDeleter> u(curl_url());
    if (!u) return std::nullopt;
    if (curl_url_set(u.get(), CURLUPART_URL, url.c_str(), CURLU_ALLOW_SPACE) != CURLUE_OK)
        return std::nullopt;
    auto scheme = part(u.get(), CURLUPART_SCHEME);
    auto host = part(u.get(), CURLUPART_HOST);
    if (!scheme || !host || host->empty()) return std::nullopt;
    std::string sch = to_lower_ascii(*scheme);
    if (sch != "http" && sch != "https") return std::nullopt;
    std::string out = "remote/" + clean(to_lower_ascii(*host));
    if (auto port = part(u.get(), CURLUPART_PORT)) {
        if (!((sch == "http" && *port == "80") || (sch == "https" && *port == "443")))
            out += ":" + clean(*port);
    }
    std::string path = part(u.get(), CURLUPART_PATH).value_or("/");
    std::vector<std::string> segs;
    std::size_t i = 0;
    while (i <= path.size()) {
        std::size_t j = path.find('/', i);
        if (j == std::string::npos) j = path.size();
        std::string_view seg(path.data() + i, j - i);
        if (!seg.empty() && seg != ".") segs.push_back(clean(seg));
        i = j + 1;
    }
    if (path.empty() || path.back() == '/' || segs.empty()) segs.push_back("index.html");
    if (auto query = part(u.get(), CURLUPART_QUERY)) {
        std::string q;
        for (char c : *query)
            q += (c == '/' || c == '?') ? escape_byte(static_cast<unsigned char>(c))
                                        : std::string(1, c);
        segs.back() += "?" + clean(q);
    }
    for (auto& s : segs) out += "/" + shorten(s);
    return out;
}

}  // namespace bookc::load
