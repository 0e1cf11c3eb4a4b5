// bookc init [DIR]: starts a book. Writes a commented book.toml, a sample article (our own
// words) that shows what bookc reads, and a .gitignore for the output and cache folders.
// It never overwrites: if any of the three exists, nothing is written. Each file is
// created with O_EXCL, so a file that appears meanwhile is not clobbered either.
#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "base/diag.hpp"
#include "cli/pipeline.hpp"

namespace fs = std::filesystem;

namespace bookc::cli {

namespace {

// A TOML basic string holding `s`.
std::string toml_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

// A slug from the folder name: letters, digits, '-', '_' and '.' kept; "book" otherwise.
std::string slug_of(const std::string& name) {
    std::string s;
    for (unsigned char c : name)
        if (std::isalnum(c) || c == '-' || c == '_') s += static_cast<char>(std::tolower(c));
    return s.empty() ? std::string("book") : s;
}

std::string book_toml(const std::string& title, const std::string& slug) {
    return "# bookc: the book's settings. Every key is optional; the values shown commented\n"
           "# out are the defaults. `bookc build` writes dist/<slug>.epub and dist/<slug>.pdf.\n"
           "\n"
           "# Chapter order: files and globs, relative to this folder. Without it, every\n"
           "# .md, .markdown, .html, .htm and .txt file is a chapter, in natural name order.\n"
           "chapters = [\"*.md\"]\n"
           "\n"
           "[book]\n"
           "title = " +
           toml_string(title) +
           "\n"
           "# subtitle = \"\"\n"
           "authors = [\"佚名\"]\n"
           "# language = \"zh-CN\"\n"
           "slug = " +
           toml_string(slug) +
           "                # the output files' name\n"
           "# layout = \"handbook\"       # or \"a4\", or a layout folder inside this one\n"
           "# cover = \"images/cover.jpg\"  # otherwise a cover page is generated\n"
           "# date = 2026-01-01\n"
           "# description = \"\"\n"
           "\n"
           "# Readers' comments (精选留言 blocks of column exports) close their chapter.\n"
           "[comments]\n"
           "# include = true\n"
           "# sort = \"likes\"    # likes | date | source\n"
           "# max = 20          # per chapter\n"
           "# avatars = false   # true: fetch avatars and show them in the EPUB\n"
           "\n"
           "[images]\n"
           "# remote = \"fetch\"  # fetch (into .bookc-cache/) | link | error\n"
           "\n"
           "[clean]\n"
           "# markers = [\"相关阅读\"]          # cut plain-text boilerplate from these lines on\n"
           "# normalize_punctuation = true  # half-width ,;:?!() between Han → full-width\n";
}

const char* kSample = R"md(---
title: 第一篇
date: 2026-01-01
---

# 第一篇

这是一篇示例文章，`bookc init` 把它放在这里，让你看到一本书从哪里开始。把它改写成你自己的内容，或者删掉它，再放进你收集的文章：Markdown、HTML 或纯文本都可以。

## 写法

段落之间空一行。**加粗**、*强调*、`代码`和[链接](https://example.com/)都照常书写。脚注写成这样[^1]。

- 列表的一项；
- 另一项。

> 引文自成一段。

```go
func main() {
	fmt.Println("你好，书")
}
```

## 读者留言

从专栏导出的文章，末尾常带一段 HTML 的读者留言；bookc 会把它排成本章最后的一节。

<div><strong>精选留言（1）</strong></div>
<ul>
<li><span>示例读者</span> 👍（3）<div>这一段留言会出现在本章的留言区里。</div>2026-01-02</li>
</ul>

[^1]: 脚注排在页脚（PDF）或章末（EPUB）。
)md";

const char* kGitignore =
    "# bookc's outputs and its cache of downloaded images (safe to delete)\n"
    "/dist/\n"
    "/.bookc-cache/\n";

// Creates `path` with `text`; refuses to replace anything. "" or the reason.
std::string create_new(const std::string& path, const std::string& text) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) return std::strerror(errno);
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            std::string why = std::strerror(errno);
            ::close(fd);
            return why;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) return std::strerror(errno);
    return {};
}

int fail(const std::string& what, const std::vector<std::string>& hints = {}) {
    std::fprintf(stderr, "bookc: error: %s\n", what.c_str());
    for (const auto& h : hints) std::fprintf(stderr, "  hint: %s\n", h.c_str());
    return kContentError;
}

}  // namespace

int cmd_init(const Options& opts) {
    const std::string dir = opts.book_dir.empty() ? std::string(".") : opts.book_dir;
    const std::string shown = base::printable(dir);
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        return fail(shown + " exists and is not a folder");
    fs::create_directories(dir, ec);
    if (ec) return fail("cannot create " + shown + ": " + ec.message());

    const std::string name = fs::absolute(dir, ec).lexically_normal().filename().string();
    const std::string title = name.empty() || name == "." ? std::string("我的书") : name;
    const std::vector<std::pair<std::string, std::string>> files = {
        {"book.toml", book_toml(title, slug_of(name))},
        {"01-first.md", kSample},
        {".gitignore", kGitignore},
    };
    std::vector<std::string> present;
    for (const auto& [file, text] : files)
        if (fs::symlink_status(fs::path(dir) / file, ec).type() != fs::file_type::not_found)
            present.push_back(file);
    if (!present.empty()) {
        std::string list;
        for (const auto& p : present) list += (list.empty() ? "" : ", ") + p;
        return fail(shown + " already has " + list + "; init writes nothing",
                    {"bookc init starts a new book; edit the files that are there instead"});
    }
    for (const auto& [file, text] : files) {
        const std::string path = (fs::path(dir) / file).string();
        if (std::string why = create_new(path, text); !why.empty())
            return fail("cannot create " + base::printable(path) + ": " + why);
    }
    if (!opts.quiet) {
        std::printf("bookc: started a book in %s: book.toml, 01-first.md, .gitignore\n",
                    shown.c_str());
        std::printf("  next: bookc build %s\n", shown.c_str());
    }
    return kOk;
}

}  // namespace bookc::cli
