// Temporary files of this process: where they go and that they disappear on every way out.
// Contract: writers create temporaries only in ScratchDir() (the output folder, set by the command
// before any writing; "." by default) under names from TempName(), register them while they live,
// and unregister after renaming or removing them. SIGINT/SIGTERM/SIGHUP remove every registered
// file before the process dies; a SIGKILL cannot be caught, so RemoveStaleTemps() deletes the
// temporaries of dead jixiao processes the next time a folder is written.
#pragma once

#include <string>

namespace jixiao::temp {

// The folder set on this thread, else the one set last on any thread ("." when none).
void SetScratchDir(const std::string& dir);
std::string ScratchDir();

// "<dir>/.jixiao-<pid>-<n>-<label>.tmp": hidden, unique in this process, names its owner.
std::string TempName(const std::string& dir, const std::string& label);

void Register(const std::string& path);
void Unregister(const std::string& path);
void InstallSignalCleanup();  // idempotent

// Removes the temporaries in `dir` whose process is gone: hidden ".jixiao-<pid>-…" files and
// ".jixiao-<word>-<pid>-…" files or folders (such as the office layout pass's). Returns how many.
int RemoveStaleTemps(const std::string& dir);

}  // namespace jixiao::temp
