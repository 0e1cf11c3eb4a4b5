// Helpers shared by the test executables: paths, temp folders, running commands.
#pragma once
#include <string>
#include <vector>

namespace bookc::test {

std::string source_dir();  // the project checkout
std::string shared_dir();  // ../shared ("" when it does not exist)
std::string seeds_dir();   // ../shared/seeds ("" when it does not exist)
std::string bookc_bin();   // the built bookc executable
// A fresh, empty folder under the build tree, named after `name`.
std::string temp_dir(const std::string& name);
// Where the EPUB writer's tests keep the packages they build (<name>.epub) for the
// validate label's epubcheck run (tests/validate/epubcheck_test.cpp).
std::string kept_epubs_dir();

struct RunResult {
    int status = -1;  // exit status (or -1 when it could not run / was killed)
    std::string out;
    std::string err;
};
// Runs a shell command line; captures stdout and stderr.
RunResult run(const std::string& command);
bool have_tool(const std::string& name);  // on PATH?

std::string read_text(const std::string& path);                     // "" when missing
void write_text(const std::string& path, const std::string& text);  // creates parent folders
std::string shell_quote(const std::string& s);

}  // namespace bookc::test
