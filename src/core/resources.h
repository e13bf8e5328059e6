// Finds the folders jixiao ships beside its binary (templates/, indicators/, docs/) at run time.
// Contract: no path is fixed at build time. A folder is looked for, first match wins, in
// $JIXIAO_HOME/<name> (an explicit override), <bin>/<name> (a portable folder), <bin>/../share/
// jixiao/<name> (an install prefix, moved or not) and <bin>/../<name> (the source tree when the
// binary is build/jixiao); a candidate counts only if it holds the folder's marker file.
#pragma once

#include <string>
#include <vector>

namespace jixiao {

struct ResourceLookup {
  std::string name;                // "templates", "indicators" or "docs"
  std::string dir;                 // the folder found; empty when none matched
  std::vector<std::string> tried;  // every candidate, in the order looked at
  bool found() const { return !dir.empty(); }
};

// The marker a candidate folder must hold: templates → report/sections.txt, indicators →
// national-2020.json, docs → case-format.md; any other name → the folder itself.
std::string ResourceMarker(const std::string& name);

// The lookup itself, on explicit inputs so tests can fake a layout: `home` is $JIXIAO_HOME (empty
// when unset), `exe` the running binary's path (empty when unknown).
ResourceLookup LocateResource(const std::string& name, const std::string& home,
                              const std::string& exe);

// The same for this process: $JIXIAO_HOME and /proc/self/exe.
ResourceLookup LocateResource(const std::string& name);

// The path of the running binary (/proc/self/exe), or "" when it cannot be read.
std::string ExecutablePath();

// A Chinese sentence for a failed lookup naming every place looked at and how to fix it; "" when
// the lookup found its folder.
std::string ResourceMissingMessage(const ResourceLookup& lookup);

}  // namespace jixiao
