#include "base/atomic_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "base/temp_registry.hpp"

namespace bookc::base {

namespace {

constexpr const char* kTmpSuffix = ".tmp-bookc";
constexpr const char* kJournalSuffix = ".commit-bookc";

std::string dir_of(const std::string& path) {
    auto k = path.find_last_of('/');
    if (k == std::string::npos) return ".";
    if (k == 0) return "/";
    return path.substr(0, k);
}

std::string name_of(const std::string& path) {
    auto k = path.find_last_of('/');
    return k == std::string::npos ? path : path.substr(k + 1);
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string random_hex() {
    unsigned char b[8] = {};
    std::size_t got = 0;
    while (got < sizeof b) {
        ssize_t n = ::getrandom(b + got, sizeof b - got, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            break;  // fall back to whatever we have plus the pid/address below
        }
        got += static_cast<std::size_t>(n);
    }
    if (got < sizeof b) {
        auto mix = reinterpret_cast<std::uintptr_t>(&got) ^ static_cast<std::uintptr_t>(::getpid());
        for (std::size_t i = got; i < sizeof b; ++i)
            b[i] = static_cast<unsigned char>(mix >> (i * 3));
    }
    char out[17];
    for (int i = 0; i < 8; ++i) std::snprintf(out + 2 * i, 3, "%02x", b[i]);
    return std::string(out, 16);
}

std::string errno_text() { return std::strerror(errno); }

// Makes the renames in `dir` durable.
void fsync_dir(const std::string& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// Exclusive flock on the folder itself, so concurrent builds commit one after the other.
class DirLock {
public:
    explicit DirLock(const std::string& dir) {
        fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd_ >= 0)
            while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
            }
    }
    ~DirLock() {
        if (fd_ >= 0) ::close(fd_);  // releases the lock
    }

private:
    int fd_ = -1;
};

// SIGINT/SIGTERM/SIGHUP wait while the renames run, so a Ctrl-C cannot split the pair.
class BlockSignals {
public:
    BlockSignals() {
        sigset_t set;
        sigemptyset(&set);
        for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
        ::sigprocmask(SIG_BLOCK, &set, &old_);
    }
    ~BlockSignals() { ::sigprocmask(SIG_SETMASK, &old_, nullptr); }

private:
    sigset_t old_;
};

// Test hook (tests/cli): BOOKC_TEST_STOP_AT=<point> stops the process (SIGSTOP) at that
// point so a test can signal or kill it there without any timing.
void test_stop(const char* point) {
    const char* want = std::getenv("BOOKC_TEST_STOP_AT");
    if (want && std::strcmp(want, point) == 0) ::raise(SIGSTOP);
}

bool write_all(int fd, std::string_view bytes) {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

// Creates `.<name>.<pid>.<random><suffix>` beside `path`, registered for removal on a
// signal. Returns the fd (or -1 with `err` set) and the temporary's path in `tmp`.
int create_temp(const std::string& path, const char* suffix, std::string& tmp, std::string& err) {
    install_temp_cleanup();
    std::string dir = dir_of(path);
    std::string prefix =
        (dir == "/" ? "" : dir) + "/." + name_of(path) + "." + std::to_string(::getpid()) + ".";
    for (int attempt = 0; attempt < 16; ++attempt) {
        tmp = prefix + random_hex() + suffix;
        if (!register_temp(tmp)) {
            err = "cannot create a temporary file for " + path + ": too many at once";
            return -1;
        }
        int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd >= 0) return fd;
        int e = errno;
        unregister_temp(tmp);
        if (e == EEXIST) continue;
        err = "cannot create " + tmp + ": " + std::strerror(e);
        return -1;
    }
    err = "cannot create a temporary file for " + path + ": every name tried exists";
    return -1;
}

// Writes a journal of the renames (tmp name TAB target name, one per line) atomically.
std::string write_journal(const std::string& dir, const std::string& first_name,
                          const std::string& text, std::string& journal) {
    journal = (dir == "/" ? "" : dir) + "/." + first_name + "." + std::to_string(::getpid()) +
              kJournalSuffix;
    std::string tmp, err;
    int fd = create_temp(journal, kTmpSuffix, tmp, err);
    if (fd < 0) return err;
    bool ok = write_all(fd, text) && ::fsync(fd) == 0;
    ok = (::close(fd) == 0) && ok;
    if (!ok || ::rename(tmp.c_str(), journal.c_str()) != 0) {
        err = "cannot write " + journal + ": " + errno_text();
        ::unlink(tmp.c_str());
        unregister_temp(tmp);
        return err;
    }
    unregister_temp(tmp);
    return {};
}

bool process_alive(long pid) {
    if (pid <= 0) return true;  // unknown: leave it alone
    if (pid == ::getpid()) return true;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// `.<core><suffix>` → core; false when `file` is not such a name.
bool strip_dot_and_suffix(const std::string& file, const char* suffix, std::string& core) {
    if (file.size() < 2 || file[0] != '.' || !ends_with(file, suffix)) return false;
    core = file.substr(1, file.size() - 1 - std::strlen(suffix));
    return true;
}

// `<name>.<pid>` (at most 9 digits) → name and pid; false when `core` is not such a name.
bool split_pid(const std::string& core, std::string& name, long& pid) {
    auto dot_pid = core.find_last_of('.');
    if (dot_pid == std::string::npos || dot_pid + 1 == core.size()) return false;
    std::string digits = core.substr(dot_pid + 1);
    if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
        return false;
    pid = std::strtol(digits.c_str(), nullptr, 10);
    name = core.substr(0, dot_pid);
    return !name.empty();
}

// `.<name>.<pid>.<16 hex><suffix>` → name and pid; false when `file` is not such a name.
bool parse_temp_name(const std::string& file, const char* suffix, std::string& name, long& pid) {
    std::string core;
    if (!strip_dot_and_suffix(file, suffix, core)) return false;
    auto dot_hex = core.find_last_of('.');
    if (dot_hex == std::string::npos || core.size() - dot_hex - 1 != 16) return false;
    for (char c : core.substr(dot_hex + 1))
        if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    core.resize(dot_hex);
    return split_pid(core, name, pid);
}

// `.<name>.<pid>.commit-bookc` → name and pid.
bool parse_journal_name(const std::string& file, std::string& name, long& pid) {
    std::string core;
    return strip_dot_and_suffix(file, kJournalSuffix, core) && split_pid(core, name, pid);
}

std::vector<std::string> list_dir(const std::string& dir) {
    std::vector<std::string> out;
    DIR* d = ::opendir(dir.c_str());
    if (!d) return out;
    while (dirent* e = ::readdir(d)) out.emplace_back(e->d_name);
    ::closedir(d);
    return out;
}

}  // namespace

OutputBatch::~OutputBatch() {
    for (const auto& s : staged_) {
        ::unlink(s.tmp.c_str());
        unregister_temp(s.tmp);
    }
}

std::string OutputBatch::stage(const std::string& path, std::string_view bytes) {
    std::string tmp, err;
    int fd = create_temp(path, kTmpSuffix, tmp, err);
    if (fd < 0) return err;
    staged_.push_back({path, tmp});  // removed by commit() or the destructor from now on
    if (!write_all(fd, bytes)) {
        err = "cannot write " + tmp + ": " + errno_text();
        ::close(fd);
        return err;
    }
    if (::fsync(fd) != 0) {
        err = "cannot write " + tmp + ": " + errno_text();
        ::close(fd);
        return err;
    }
    if (::close(fd) != 0) return "cannot write " + tmp + ": " + errno_text();
    return {};
}

std::string OutputBatch::commit() {
    if (staged_.empty()) return {};
    test_stop("staged");
    std::string dir = dir_of(staged_.front().path);
    DirLock lock(dir);
    BlockSignals block;
    std::string journal;
    if (staged_.size() > 1) {
        std::string text;
        for (const auto& s : staged_) text += name_of(s.tmp) + "\t" + name_of(s.path) + "\n";
        std::string err = write_journal(dir, name_of(staged_.front().path), text, journal);
        if (!err.empty()) return err;  // the destructor removes the temporaries
        fsync_dir(dir);
    }
    std::string err;
    std::size_t done = 0;
    for (; done < staged_.size(); ++done) {
        const Staged& s = staged_[done];
        if (::rename(s.tmp.c_str(), s.path.c_str()) != 0) {
            err = "cannot replace " + s.path + ": " + errno_text();
            break;
        }
        unregister_temp(s.tmp);
        if (done == 0) test_stop("renamed-one");
    }
    fsync_dir(dir);
    if (err.empty() && !journal.empty()) {
        ::unlink(journal.c_str());
        fsync_dir(dir);
    } else if (!err.empty() && done == 0 && !journal.empty()) {
        ::unlink(journal.c_str());  // nothing was renamed: nothing to finish later
    }
    // The journal of a half-done commit stays: it tells what is out of step.
    staged_.erase(staged_.begin(), staged_.begin() + static_cast<long>(done));
    return err;
}

std::string write_file_atomic(const std::string& path, std::string_view bytes) {
    OutputBatch batch;
    std::string err = batch.stage(path, bytes);
    if (!err.empty()) return err;
    return batch.commit();
}

std::vector<std::string> recover_outputs(const std::string& dir,
                                         const std::vector<std::string>& names) {
    std::vector<std::string> done;
    DirLock lock(dir);
    auto ours = [&](const std::string& name) {
        for (const auto& n : names)
            if (n == name) return true;
        return false;
    };
    std::string base = dir == "/" ? "" : dir;
    // 1. Journals of commits interrupted between their renames: finish them.
    for (const auto& file : list_dir(dir)) {
        std::string name;
        long pid = 0;
        if (!parse_journal_name(file, name, pid) || !ours(name) || process_alive(pid)) continue;
        std::string text;
        if (!read_regular_file(base + "/" + file, 64 * 1024, text).empty()) continue;
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t nl = text.find('\n', pos);
            if (nl == std::string::npos) nl = text.size();
            std::string line = text.substr(pos, nl - pos);
            pos = nl + 1;
            auto tab = line.find('\t');
            if (tab == std::string::npos) continue;
            std::string tmp = line.substr(0, tab), target = line.substr(tab + 1);
            std::string tmp_name;
            long tmp_pid = 0;
            // Only renames this journal could have asked for: a temporary of that process
            // over the file it was made for, inside this folder.
            if (!parse_temp_name(tmp, kTmpSuffix, tmp_name, tmp_pid) || tmp_pid != pid ||
                tmp_name != target || !ours(target) || target.find('/') != std::string::npos)
                continue;
            struct stat st {};
            if (::lstat((base + "/" + tmp).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
            if (::rename((base + "/" + tmp).c_str(), (base + "/" + target).c_str()) == 0)
                done.push_back("finished the interrupted replacement of " + base + "/" + target);
        }
        ::unlink((base + "/" + file).c_str());
        fsync_dir(dir);
    }
    // 2. Temporaries whose process is gone.
    for (const auto& file : list_dir(dir)) {
        std::string name;
        long pid = 0;
        bool temp = parse_temp_name(file, kTmpSuffix, name, pid);
        if (!temp) continue;
        // A journal's own temporary is named after the journal.
        std::string jname;
        long jpid = 0;
        bool of_journal = parse_journal_name(name, jname, jpid);
        if (!(ours(name) || (of_journal && ours(jname)))) continue;
        if (process_alive(pid)) continue;
        if (::unlink((base + "/" + file).c_str()) == 0)
            done.push_back("removed " + base + "/" + file + ", left by an interrupted build");
    }
    return done;
}

}  // namespace bookc::base
