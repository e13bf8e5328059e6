#include "app/archive_compare.h"

#include <deque>

#include "app/compare_app.h"
#include "compare/comparison.h"
#include "ingest/json.h"
#include "scorecard_io/scorecard_json_reader.h"

namespace jixiao::archive {

std::optional<std::vector<OutputFile>> CompareArchived(Archive& archive, const std::string& year,
                                                       const std::string& framework,
                                                       const std::vector<std::string>& formats,
                                                       const std::string& template_dir,
                                                       Diagnostics& diags) {
  auto entries = archive.List(year, framework, diags);
  if (diags.HasErrors()) return std::nullopt;
  if (entries.size() < 2) {
    diags.Error(
        "archive.too_few", {"--archive", 0, 0, ""},
        "档案库中符合条件的案例不足两个（共" + std::to_string(entries.size()) + "个），无法比较");
    return std::nullopt;
  }
  // Deques keep addresses stable for the CaseRefs.
  std::deque<Scorecard> cards;
  std::deque<Framework> frameworks;
  std::deque<Case> cases;
  std::vector<compare::CaseRef> refs;
  for (const auto& e : entries) {
    auto card = ScorecardFromJson("archive:" + e.id, e.scorecard_json, diags);
    if (!card) return std::nullopt;
    std::vector<GradeBand> grades;
    JsonValue g = ParseJson("archive:" + e.id, e.grades_json);
    for (const auto& item : g.items)
      grades.push_back({item.Find("label")->text, Score{std::stoll(item.Find("min")->text)}});
    cards.push_back(*card);
    frameworks.push_back(FrameworkFromScorecard(cards.back(), e.framework_title, grades));
    Case c;
    c.id = e.id;
    c.project.name = e.project;
    c.project.town = e.town;
    c.project.year = e.year;
    JsonValue problems = ParseJson("archive:" + e.id, e.problems_json);
    for (const auto& p : problems.items) {
      Observation o;
      o.title = p.Find("title")->text;
      for (const auto& code : p.Find("indicators")->items) o.indicators.push_back(code.text);
      c.problems.push_back(o);
    }
    cases.push_back(c);
    refs.push_back({&frameworks.back(), &cases.back(), &cards.back()});
  }
  return RenderComparison(compare::Compare(refs), formats, template_dir, diags);
}

}  // namespace jixiao::archive
