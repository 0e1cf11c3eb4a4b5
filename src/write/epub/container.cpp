#include "write/epub/container.hpp"

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace bookc::epub {

namespace {
struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct SourceFree {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};
struct ErrorFini {
    void operator()(zip_error_t* e) const { zip_error_fini(e); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;

int rank(const std::string& path) {
    if (path == "mimetype") return 0;
    if (path == "META-INF/container.xml") return 1;
    return 2;
}

void dos_time(const std::string& iso, zip_uint16_t& dtime, zip_uint16_t& ddate) {
    int y = 1980, mo = 1, d = 1, h = 0, mi = 0, s = 0;
    if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6 || y < 1980 ||
        y > 2107) {
        y = 1980, mo = 1, d = 1, h = 0, mi = 0, s = 0;
    }
    ddate = static_cast<zip_uint16_t>(((y - 1980) << 9) | (mo << 5) | d);
    dtime = static_cast<zip_uint16_t>((h << 11) | (mi << 5) | (s / 2));
}
}  // namespace

std::optional<std::string> zip_package(std::vector<ZipEntry> entries, const std::string& modified,
                                       std::string& error) {
    std::stable_sort(entries.begin(), entries.end(), [](const ZipEntry& a, const ZipEntry& b) {
        if (rank(a.path) != rank(b.path)) return rank(a.path) < rank(b.path);
        return a.path < b.path;
    });
    zip_uint16_t dtime = 0, ddate = 0;
    dos_time(modified, dtime, ddate);

    zip_error_t zerr;
    zip_error_init(&zerr);
    std::unique_ptr<zip_error_t, ErrorFini> zerr_guard(&zerr);
    SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &zerr));
    if (!buffer) {
        error = zip_error_strerror(&zerr);
        return std::nullopt;
    }
    ZipPtr za(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &zerr));
    if (!za) {
        error = zip_error_strerror(&zerr);
        return std::nullopt;
    }
    zip_source_keep(buffer.get());  // we read the archive back from it after closing

    for (const auto& e : entries) {
        zip_source_t* src = zip_source_buffer(za.get(), e.data.data(), e.data.size(), 0);
        if (!src) {
            error = zip_strerror(za.get());
            return std::nullopt;
        }
        zip_int64_t idx = zip_file_add(za.get(), e.path.c_str(), src, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(src);
            error = zip_strerror(za.get());
            return std::nullopt;
        }
        const bool store = e.path == "mimetype";  // OCF: the first entry, stored
        if (zip_set_file_compression(za.get(), idx, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                     store ? 0 : 9) < 0 ||
            zip_file_set_dostime(za.get(), idx, dtime, ddate, 0) < 0) {
            error = zip_strerror(za.get());
            return std::nullopt;
        }
    }
    if (zip_close(za.get()) < 0) {
        error = zip_strerror(za.get());
        return std::nullopt;
    }
    za.release();  // closed (and freed) by zip_close

    zip_source_t* s = buffer.get();
    if (zip_source_open(s) < 0) {
        error = zip_error_strerror(zip_source_error(s));
        return std::nullopt;
    }
    zip_source_seek(s, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(s);
    zip_source_seek(s, 0, SEEK_SET);
    std::string out(static_cast<std::size_t>(std::max<zip_int64_t>(size, 0)), '\0');
    zip_int64_t got =
        size > 0 ? zip_source_read(s, out.data(), static_cast<zip_uint64_t>(size)) : 0;
    zip_source_close(s);
    if (got != size) {
        error = "could not read the archive back from memory";
        return std::nullopt;
    }
    return out;
}

}  // namespace bookc::epub
