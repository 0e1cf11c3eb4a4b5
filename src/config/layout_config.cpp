#include "config/config.hpp"
namespace bookc::config {
std::string data_dir() { return BOOKC_DEFAULT_DATA_DIR; }
std::optional<Layout> load_layout(const std::string&, base::DiagSink&) { return Layout{}; }
}  // namespace bookc::config
