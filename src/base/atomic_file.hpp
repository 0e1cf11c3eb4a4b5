// Writes output files so that readers see either the old files or the complete new ones.
//
// Each output is written to its own temporary file in the target folder, named
// `.<name>.<pid>.<random>.tmp-bookc` and created with O_CREAT|O_EXCL|O_NOFOLLOW (a planted
// file or symbolic link is never written through; two builds never share a temporary),
// written fully and fsynced. Only when every output of the build is complete are they
// renamed over their targets, back to back, and the folder is fsynced.
//
// Several outputs (the EPUB and the PDF) are committed as a pair: under an flock on the
// folder (concurrent builds commit one after the other), a journal
// `.<first-name>.<pid>.commit-bookc` listing the renames is written before the first rename
// and removed after the last. A build killed between the renames leaves the journal and its
// remaining temporaries; the next build into that folder finishes those renames first
// (recover_outputs), so a new EPUB never stays beside an old PDF unnoticed.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/read_file.hpp"

namespace bookc::base {

class OutputBatch {
public:
    OutputBatch() = default;
    OutputBatch(const OutputBatch&) = delete;
    OutputBatch& operator=(const OutputBatch&) = delete;
    ~OutputBatch();  // removes the temporaries of a batch that was not committed

    // Writes `bytes` to a fresh temporary beside `path`. "" on success, else a message.
    std::string stage(const std::string& path, std::string_view bytes);
    // Renames every staged temporary over its target (see above). "" on success, else a
    // message; on failure the temporaries not yet renamed are removed.
    std::string commit();

private:
    struct Staged {
        std::string path;  // target
        std::string tmp;   // temporary beside it
    };
    std::vector<Staged> staged_;
};

// One file, written atomically (an OutputBatch of one).
std::string write_file_atomic(const std::string& path, std::string_view bytes);

// Before writing `names` (file names, no folder) into `dir`: finishes the renames of a
// commit journal whose process is gone, and removes temporaries of these names whose
// process is gone (left by kill -9 or a crash). Returns one line per thing done.
std::vector<std::string> recover_outputs(const std::string& dir,
                                         const std::vector<std::string>& names);

}  // namespace bookc::base
