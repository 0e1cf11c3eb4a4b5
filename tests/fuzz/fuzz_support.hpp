// Shared by the libFuzzer targets: a private scratch folder per process, files written
// into it, and checks that abort (so libFuzzer records the input) with a message.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace bookc::fuzz {

// A fresh folder for this process under $TMPDIR (or /dev/shm, or /tmp), removed at exit.
// Every input is written into it, so the loaders read real files, as in a build.
inline const std::string& scratch_dir() {
    static const std::string dir = [] {
        const char* tmp = std::getenv("TMPDIR");
        std::string base =
            tmp && *tmp ? tmp : (std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp");
        std::string templ = base + "/bookc-fuzz-XXXXXX";
        if (!mkdtemp(templ.data())) {
            std::perror("bookc fuzz: mkdtemp");
            std::abort();
        }
        static std::string keep = templ;
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(keep, ec);
        });
        return templ;
    }();
    return dir;
}

// An empty folder `name` inside the scratch folder (emptied when it exists).
inline std::string fresh_dir(const std::string& name) {
    std::string dir = scratch_dir() + "/" + name;
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    std::filesystem::create_directories(dir, ec);
    return dir;
}

inline void write_file(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        std::fprintf(stderr, "bookc fuzz: cannot write %s\n", path.c_str());
        std::abort();
    }
}

// An invariant of bookc's output: when it does not hold, the input is a finding.
#define BOOKC_FUZZ_CHECK(cond, what)                                                    \
    do {                                                                                \
        if (!(cond)) {                                                                  \
            std::fprintf(stderr, "bookc fuzz: check failed: %s (%s) at %s:%d\n", #cond, \
                         std::string(what).c_str(), __FILE__, __LINE__);                \
            std::abort();                                                               \
        }                                                                               \
    } while (0)

}  // namespace bookc::fuzz
