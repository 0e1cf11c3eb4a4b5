#include "font/font.hpp"
namespace bookc::font {
Font::~Font() {}
FontDb::FontDb(std::string data_dir, std::vector<std::string> extra) : data_dir_(std::move(data_dir)), dirs_(std::move(extra)) {}
FontDb::~FontDb() {}
std::optional<FaceInfo> FontDb::find(const std::string&, bool) { return std::nullopt; }
std::shared_ptr<Font> FontDb::load(const FaceInfo&) { return nullptr; }
std::shared_ptr<Font> FontDb::get(const std::string&, bool) { return nullptr; }
}  // namespace bookc::font
