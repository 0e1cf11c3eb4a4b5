// Helpers for the fetch tests: the local test server (tests/fetch/server.py, 127.0.0.1
// only), test images (WebP, GIF) and readers for what a build wrote (EPUB members, PDF
// image list).
#pragma once
#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>
#include <webp/encode.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace bookc::test {

// Starts server.py on a free port; stops it (by its pid) when destroyed.
class TestServer {
public:
    explicit TestServer(const std::string& dir) : dir_(dir) {
        REQUIRE_MESSAGE(have_tool("python3"), "python3 is needed to run the test HTTP server");
        std::filesystem::create_directories(dir + "/files");
        std::string script = source_dir() + "/tests/fetch/server.py";
        auto r = run("python3 " + shell_quote(script) + " " + shell_quote(dir + "/files") + " " +
                     shell_quote(dir + "/port") + " " + shell_quote(dir + "/log") +
                     " </dev/null >/dev/null 2>&1 & echo $!");
        pid_ = std::atoi(r.out.c_str());
        REQUIRE(pid_ > 0);
        // Startup: wait until the server has written its port (it does so once listening).
        for (int i = 0; i < 400 && port_.empty(); ++i) {
            port_ = read_text(dir + "/port");
            if (port_.empty()) ::usleep(25000);
        }
        REQUIRE_MESSAGE(!port_.empty(), "the test HTTP server did not start");
    }
    ~TestServer() {
        if (pid_ > 0) ::kill(pid_, SIGTERM);
    }
    std::string base() const { return "http://127.0.0.1:" + port_; }
    std::string host_dir() const { return "127.0.0.1:" + port_; }  // in the cache layout
    std::string files() const { return dir_ + "/files"; }
    std::string log() const { return read_text(dir_ + "/log"); }
    // Requests whose path (query included) is exactly `path`.
    int hits(const std::string& path) const {
        std::string l = log(), needle = "GET " + path + "\n";
        int n = 0;
        for (std::size_t p = 0; (p = l.find(needle, p)) != std::string::npos; p += needle.size())
            ++n;
        return n;
    }

private:
    std::string dir_;
    std::string port_;
    int pid_ = -1;
};

// A 6x4 red PNG.
inline std::string tiny_png() {
    static const char png[] =
        "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x06\x00\x00"
        "\x00\x04\x08\x02\x00\x00\x00\x22\x66\xd9\x14\x00\x00\x00\x11\x49\x44\x41\x54\x78\xda\x63"
        "\x38\xa1\xa1\x81\x86\x18\xc8\x15\x02\x00\xf4\xf9\x1a\x41\xec\xfc\x85\x68\x00\x00\x00\x00"
        "\x49\x45\x4e\x44\xae\x42\x60\x82";
    return std::string(png, sizeof png - 1);
}

// A w x h lossless WebP made with libwebp's encoder.
inline std::string make_webp(int w, int h) {
    std::vector<unsigned char> rgba(static_cast<std::size_t>(w * h * 4), 128);
    uint8_t* out = nullptr;
    std::size_t n = WebPEncodeLosslessRGBA(rgba.data(), w, h, w * 4, &out);
    std::string s(reinterpret_cast<const char*>(out), n);
    WebPFree(out);
    return s;
}

// A 1x1 GIF (one red pixel).
inline std::string tiny_gif() {
    static const char gif[] =
        "GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\x00\x00\x00\x00\xff"
        "\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00\x3b";
    return std::string(gif, sizeof gif - 1);
}

inline int count_of(const std::string& s, const std::string& what) {
    int n = 0;
    for (std::size_t p = 0; (p = s.find(what, p)) != std::string::npos; p += what.size()) ++n;
    return n;
}

// Every XHTML document of an EPUB, concatenated.
inline std::string epub_xhtml(const std::string& epub) {
    REQUIRE_MESSAGE(have_tool("unzip"), "unzip is needed to read the EPUB");
    return run("unzip -p " + shell_quote(epub) + " '*.xhtml'").out;
}
inline std::string epub_members(const std::string& epub) {
    REQUIRE_MESSAGE(have_tool("unzip"), "unzip is needed to read the EPUB");
    return run("unzip -Z1 " + shell_quote(epub)).out;
}
inline std::string epub_member(const std::string& epub, const std::string& name) {
    return run("unzip -p " + shell_quote(epub) + " " + shell_quote(name)).out;
}

// `pdfimages -list` rows of type "image" (soft masks left out), as "WIDTHxHEIGHT" lines.
inline std::string pdf_images(const std::string& pdf) {
    REQUIRE_MESSAGE(have_tool("pdfimages"), "pdfimages (poppler-utils) is needed to read the PDF");
    auto r = run("pdfimages -list " + shell_quote(pdf));
    REQUIRE(r.status == 0);
    std::string out;
    std::size_t line_no = 0, b = 0;
    while (b < r.out.size()) {
        std::size_t e = r.out.find('\n', b);
        if (e == std::string::npos) e = r.out.size();
        std::string line = r.out.substr(b, e - b);
        b = e + 1;
        if (++line_no <= 2) continue;  // header and rule
        char type[32] = {};
        int page = 0, num = 0, w = 0, h = 0;
        if (std::sscanf(line.c_str(), "%d %d %31s %d %d", &page, &num, type, &w, &h) == 5 &&
            std::string(type) == "image")
            out += std::to_string(w) + "x" + std::to_string(h) + "\n";
    }
    return out;
}

}  // namespace bookc::test
