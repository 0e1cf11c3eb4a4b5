// Finding the highlighter's definition for a fence's language name. The library's own
// knowledge first (definition names, any case; then the name as a file extension, which
// covers py, rs, ts, sh, yml, cpp, …), and a few aliases writers use that it lacks.
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <algorithm>
#include <map>
#include <mutex>
#include <string>

#include "highlight/highlight.hpp"
#include "highlight/repository.hpp"

namespace bookc::highlight {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return char(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return out;
}

// Fence names in common use that the library knows under another name.
const std::map<std::string, std::string, std::less<>>& aliases() {
    static const std::map<std::string, std::string, std::less<>> m = {
        {"golang", "go"},
        {"shell", "bash"},
        {"console", "bash"},
        {"shell-session", "bash"},
        {"csharp", "c#"},
        {"c-sharp", "c#"},
        {"objc", "objective-c"},
        {"docker", "dockerfile"},
        {"k8s", "yaml"},
        {"proto", "protobuf"},
        {"plpgsql", "sql (postgresql)"},
        {"postgresql", "sql (postgresql)"},
        {"mysql", "sql (mysql)"},
        {"vue", "html"},
        {"jsonc", "json"},
    };
    return m;
}

// Names meaning "no language".
bool plain(std::string_view l) {
    return l.empty() || l == "text" || l == "plain" || l == "plaintext" || l == "txt" ||
           l == "none" || l == "nohighlight" || l == "output";
}

}  // namespace

KSyntaxHighlighting::Repository& repository() {
    static KSyntaxHighlighting::Repository repo;
    return repo;
}

std::string definition_for(std::string_view language) {
    std::string l = lower(language);
    if (plain(l)) return {};
    if (auto it = aliases().find(l); it != aliases().end()) l = it->second;
    static std::mutex mutex;
    static std::map<std::string, std::string, std::less<>> by_name;  // lower-case name → name
    static std::map<std::string, std::string, std::less<>> found;    // cache of answers
    std::lock_guard lock(mutex);
    if (auto it = found.find(l); it != found.end()) return it->second;
    auto& repo = repository();
    if (by_name.empty())
        for (const auto& d : repo.definitions())
            if (!d.isHidden())
                by_name.emplace(lower(d.name().toStdString()), d.name().toStdString());
    std::string name;
    if (auto it = by_name.find(l); it != by_name.end()) {
        name = it->second;
    } else if (l.find_first_of("/\\*?[") == std::string::npos) {
        auto d = repo.definitionForFileName(QString::fromStdString("x." + l));
        if (d.isValid() && !d.isHidden()) name = d.name().toStdString();
    }
    found.emplace(l, name);
    return name;
}

}  // namespace bookc::highlight
