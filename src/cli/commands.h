// The command table of the `jixiao` binary: one function per command, one file per command.
// Contract: each command returns the process exit code — 0 ok, 1 bad input (every problem printed
// to stderr, located and in Chinese), 2 usage. `--help` on every command prints its usage.
#pragma once

#include <string>
#include <vector>

namespace jixiao {
class Diagnostics;
namespace store {
struct DocumentFilter;
}  // namespace store
}  // namespace jixiao

namespace jixiao::cli {

using Args = std::vector<std::string>;

struct Command {
  const char* name;
  const char* summary;
  const char* usage;
  int (*run)(const Args& args);
};

const std::vector<Command>& Commands();
int Main(int argc, char** argv);

int RunValidate(const Args& args);
int RunTidy(const Args& args);
int RunDraft(const Args& args);  // cmd_draft.cc: drafts where the case has no words
int RunScore(const Args& args);
int RunReport(const Args& args);
int RunTargets(const Args& args);
int RunSurvey(const Args& args);
int RunSurveyImport(const Args& args);  // cmd_survey_import.cc: jixiao survey import
int RunCompare(const Args& args);
// cmd_compare_archive.cc: `compare --archive`, after the output folder is prepared.
int CompareFromArchive(const std::string& archive_path, const store::DocumentFilter& filter,
                       const std::vector<std::string>& formats, const std::string& templates,
                       const std::string& out_dir, Diagnostics& diags, bool matrix);
int RunArchive(const Args& args);
int RunNew(const Args& args);
int RunSheet(const Args& args);
int RunFramework(const Args& args);  // cmd_framework.cc: the 指标体系表 (.xlsx) both ways
int RunImport(const Args& args);
int RunServe(const Args& args);
int RunUser(const Args& args);
int RunSelfeval(const Args& args);  // cmd_selfeval.cc: check; cmd_selfeval_form.cc: new, score

bool WantsHelp(const Args& args);
// "docx,html,md" -> {"docx", "html", "md"}; items trimmed, empty and repeated items dropped.
std::vector<std::string> SplitList(const std::string& list);
// False (after printing why) when --formats named nothing; the caller then prints its usage.
bool FormatsGiven(const std::vector<std::string>& formats);
int Usage(const Command& command, bool to_stderr);
const Command& FindCommand(const std::string& name);

}  // namespace jixiao::cli
