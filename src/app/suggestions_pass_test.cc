// A suggestion the checker makes must pass the checker (trial 3 item 6: 采纳 “≥90%” for 群众幸福感
// raised “不是比率”): over every table of tests/targets-corpus, each fix is applied alone as the
// web's 采纳 applies it, the table read again and re-checked, and the row it changed may carry no
// rule it did not carry before. Rows a fix deletes are left out (nothing to re-check).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "app/targets_app.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

std::map<int, std::set<std::string>> RulesByRow(const std::vector<targets::Issue>& issues) {
  std::map<int, std::set<std::string>> out;
  for (const auto& i : issues)
    if (i.row) out[i.row].insert(i.rule);
  return out;
}

}  // namespace

TEST_CASE("every suggestion the checker makes passes the checker at its row", "[targets]") {
  const fs::path corpus = fs::path(JIXIAO_SOURCE_DIR) / "tests/targets-corpus";
  const fs::path scratch =
      fs::temp_directory_path() / ("jixiao-suggestions-" + std::to_string(::getpid()));
  fs::create_directories(scratch);
  // The trial's own rows (麻风病防治, 广元市昭化区 2021) beside the corpus: 群众幸福感 明显提升.
  const fs::path trial = scratch / "trial3-leprosy";
  fs::create_directories(trial);
  std::ofstream(trial / "targets.csv") << "一级,二级,三级,指标值\n"
                                          "产出指标,数量指标,春节慰问人数,32人\n"
                                          "产出指标,质量指标,生活改善率,100%\n"
                                          "效益指标,社会效益指标,群众防治意识,明显增强\n"
                                          "满意度指标,满意度指标,群众幸福感,明显提升\n";
  std::vector<fs::path> tables{trial};
  for (const auto& entry : fs::directory_iterator(corpus)) tables.push_back(entry.path());
  int applied = 0;
  std::vector<std::string> failures;
  for (const auto& path : tables) {
    const fs::directory_entry entry(path);
    if (!fs::exists(entry.path() / "targets.csv")) continue;
    Diagnostics d;
    auto file = LoadTargetTable(entry.path().string(), d);
    if (!file) continue;
    const auto issues = CheckTargetTable(*file, nullptr);
    const auto before = RulesByRow(issues);
    for (const auto& issue : issues) {
      if (issue.fixes.empty() || !issue.file.empty()) continue;
      bool deletes = false;
      for (const auto& f : issue.fixes) deletes = deletes || f.delete_row;
      if (deletes) continue;
      const FixedTable fixed = FixTargetTable(*file, {issue});
      if (fixed.changes.empty()) continue;
      ++applied;
      const fs::path dir = scratch / "t";
      fs::remove_all(dir);
      fs::create_directories(dir);
      std::ofstream(dir / "targets.csv", std::ios::binary) << fixed.csv;
      for (const char* beside : {"project.json", "budget.csv"})
        if (fs::exists(entry.path() / beside)) fs::copy_file(entry.path() / beside, dir / beside);
      Diagnostics d2;
      auto again = LoadTargetTable(dir.string(), d2);
      REQUIRE(again);
      // The fixed file's rows are numbered afresh: back to the source rows (FixedTable::lines).
      std::map<int, int> source;
      for (size_t k = 0; k < again->targets.rows.size() && k < fixed.lines.size(); ++k)
        source[again->targets.rows[k].line] = fixed.lines[k];
      std::vector<targets::Issue> after_issues = CheckTargetTable(*again, nullptr);
      for (auto& i : after_issues) i.row = i.row ? source[i.row] : 0;
      const auto after = RulesByRow(after_issues);
      const int row = issue.row;
      auto was = before.count(row) ? before.at(row) : std::set<std::string>{};
      if (!after.count(row)) continue;
      for (const auto& rule : after.at(row))
        if (!was.count(rule)) {
          std::string what;
          for (const auto& f : issue.fixes) what += f.column + "→" + f.value + " ";
          failures.push_back(entry.path().filename().string() + " 第" + std::to_string(row) +
                             "行 采纳 " + issue.rule + "（" + what + "）后新出现 " + rule);
        }
    }
  }
  fs::remove_all(scratch);
  CHECK(applied > 50);  // the corpus holds many fixes; none silently skipped
  for (const auto& f : failures) UNSCOPED_INFO(f);
  CHECK(failures.empty());
}

}  // namespace jixiao
