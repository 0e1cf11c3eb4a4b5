// default_identifier: see identity.hpp.
#include "write/epub/identity.hpp"

#include <uuid/uuid.h>

#include <cctype>

namespace bookc::epub {

namespace {
// RFC 4122 Appendix C: the namespace for names that are URLs / URNs.
UUID_DEFINE(kNamespaceUrl, 0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
            0x4f, 0xd4, 0x30, 0xc8);
}  // namespace

std::string default_identifier(std::string_view title, const std::vector<std::string>& authors,
                               std::string_view language) {
    // Fields are separated by control characters that no cleaned title or name contains.
    std::string name = "urn:bookc:book:";
    name += title;
    name += '\x1f';
    for (const auto& a : authors) {
        name += a;
        name += '\x1e';
    }
    name += '\x1f';
    for (char c : language)  // language tags are case-insensitive (zh-CN = zh-cn)
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    uuid_t out;
    uuid_generate_sha1(out, kNamespaceUrl, name.data(), name.size());
    char text[UUID_STR_LEN];
    uuid_unparse_lower(out, text);
    return std::string("urn:uuid:") + text;
}

}  // namespace bookc::epub
