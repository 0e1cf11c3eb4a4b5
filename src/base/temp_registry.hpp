// Temporary files this process is writing, removed if the process is interrupted: a
// SIGINT, SIGTERM or SIGHUP handler unlinks every registered path with async-signal-safe
// calls only, then lets the signal end the process as it would have.
#pragma once
#include <string>

namespace bookc::base {

// Installs the handlers (once; later calls do nothing).
void install_temp_cleanup();
// Registers a path to remove on a signal; false when every slot is taken (the caller then
// must not create the file). At most kMaxTemps paths at a time, each shorter than 4096 bytes.
inline constexpr int kMaxTemps = 16;
bool register_temp(const std::string& path);
// Forgets a path (after it was renamed or removed).
void unregister_temp(const std::string& path);

}  // namespace bookc::base
