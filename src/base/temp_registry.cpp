#include "base/temp_registry.hpp"

#include <unistd.h>
#include <atomic>
#include <csignal>
#include <cstring>

namespace bookc::base {

namespace {

constexpr std::size_t kPathMax = 4096;

// A slot is written only while its flag is 0, then published by setting the flag; the
// handler reads only slots whose flag is 1. Lock-free atomics are async-signal-safe.
struct Slot {
    std::atomic<int> used{0};
    char path[kPathMax];
};
Slot g_slots[kMaxTemps];
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void on_signal(int sig) {
    for (auto& s : g_slots)
        if (s.used.load(std::memory_order_acquire) == 1) ::unlink(s.path);
    // End the process the way the signal would have (exit status says which signal).
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    ::sigaction(sig, &dfl, nullptr);
    ::raise(sig);
}

}  // namespace

void install_temp_cleanup() {
    static std::atomic<bool> installed{false};
    if (installed.exchange(true)) return;
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&sa.sa_mask, sig);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction old {};
        ::sigaction(sig, nullptr, &old);
        if (old.sa_handler == SIG_IGN) continue;  // e.g. nohup: keep ignoring it
        ::sigaction(sig, &sa, nullptr);
    }
}

bool register_temp(const std::string& path) {
    if (path.size() >= kPathMax) return false;
    for (auto& s : g_slots) {
        int expected = 0;
        // 2 = being filled: invisible to the handler until the path is complete.
        if (!s.used.compare_exchange_strong(expected, 2)) continue;
        std::memcpy(s.path, path.c_str(), path.size() + 1);
        s.used.store(1, std::memory_order_release);
        return true;
    }
    return false;
}

void unregister_temp(const std::string& path) {
    for (auto& s : g_slots) {
        if (s.used.load(std::memory_order_acquire) != 1) continue;
        if (path == s.path) {
            s.used.store(0, std::memory_order_release);
            return;
        }
    }
}

}  // namespace bookc::base
