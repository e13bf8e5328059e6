#include "scoring/survey_stats.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace jixiao {
namespace {

const double kZ = 1.959963984540054;  // 95%

// Rate of one question over a set of responses: share of positive choices or mean of scores.
std::optional<Rational> Rate(const Question& q, const std::vector<const SurveyResponse*>& rows,
                             int64_t* answered, int64_t* positive) {
  int64_t n = 0, hits = 0, score_sum = 0;
  for (const auto* r : rows) {
    auto it = r->answers.find(q.id);
    if (it == r->answers.end() || it->second.empty()) continue;
    ++n;
    if (q.method == Question::Method::kShare) {
      bool hit = std::any_of(it->second.begin(), it->second.end(),
                             [&](const std::string& o) { return q.positive.count(o) > 0; });
      hits += hit ? 1 : 0;
    } else {
      auto s = q.scores.find(it->second.front());
      score_sum += s == q.scores.end() ? 0 : s->second;
    }
  }
  *answered = n;
  *positive = hits;
  if (n == 0) return std::nullopt;
  return q.method == Question::Method::kShare ? Rational(hits * 100, n) : Rational(score_sum, n);
}

}  // namespace

std::pair<double, double> WilsonInterval(int64_t positive, int64_t n) {
  if (n <= 0) return {0, 0};
  double p = static_cast<double>(positive) / static_cast<double>(n), nn = static_cast<double>(n);
  double denom = 1 + kZ * kZ / nn;
  double center = (p + kZ * kZ / (2 * nn)) / denom;
  double half = kZ * std::sqrt(p * (1 - p) / nn + kZ * kZ / (4 * nn * nn)) / denom;
  return {100 * std::max(0.0, center - half), 100 * std::min(1.0, center + half)};
}

int64_t RequiredSample(double margin, std::optional<int64_t> population) {
  double n0 = kZ * kZ * 0.25 / (margin * margin);
  if (population && *population > 0) n0 = n0 / (1 + (n0 - 1) / static_cast<double>(*population));
  return static_cast<int64_t>(std::ceil(n0 - 1e-9));
}

SurveyStats ComputeSurvey(const Survey& survey, Diagnostics& diags) {
  SurveyStats s;
  const Questionnaire& qn = survey.questionnaire;
  s.population = qn.population;
  std::vector<const SurveyResponse*> all;
  for (const auto& r : survey.responses) {
    all.push_back(&r);
    bool any = std::any_of(r.answers.begin(), r.answers.end(),
                           [](const auto& a) { return !a.second.empty(); });
    ++(any ? s.valid : s.invalid);
  }
  s.total = static_cast<int64_t>(all.size());
  s.valid_percent = s.total ? Rational(s.valid * 100, s.total) : Rational(0);
  if (s.valid > 0) {
    double n = static_cast<double>(s.valid);
    double fpc = 1;
    if (qn.population && *qn.population > s.valid)
      fpc = std::sqrt((static_cast<double>(*qn.population) - n) /
                      (static_cast<double>(*qn.population) - 1));
    s.margin_percent = 100 * kZ * std::sqrt(0.25 / n) * fpc;
  }
  s.required_sample = RequiredSample(0.05, qn.population);
  s.small_sample = s.valid < s.required_sample;
  for (const auto& q : qn.questions) {
    QuestionStats qs;
    qs.question = &q;
    int64_t positive = 0;
    qs.rate = Rate(q, all, &qs.answered, &positive);
    qs.missing = s.total - qs.answered;
    for (const auto& option : q.options) {
      int64_t count = 0;
      for (const auto* r : all) {
        auto it = r->answers.find(q.id);
        if (it != r->answers.end() &&
            std::find(it->second.begin(), it->second.end(), option) != it->second.end())
          ++count;
      }
      qs.options.push_back(
          {option, count, qs.answered ? Rational(count * 100, qs.answered) : Rational(0)});
    }
    if (q.method == Question::Method::kShare && qs.answered > 0) {
      auto [low, high] = WilsonInterval(positive, qs.answered);
      qs.wilson_low = low;
      qs.wilson_high = high;
    }
    if (qs.answered == 0)
      diags.Warning("survey.no_answers", q.where,
                    "题目“" + q.id + "”没有有效作答" +
                        (q.metric.empty() ? "" : "，无法计算“" + q.metric + "”"));
    s.questions.push_back(qs);
    if (!q.group_by.empty()) {
      Breakdown b{&q, q.group_by, {}};
      std::map<std::string, std::vector<const SurveyResponse*>> groups;
      for (const auto* r : all) {
        auto g = r->groups.find(q.group_by);
        groups[g == r->groups.end() || g->second.empty() ? "未填写" : g->second].push_back(r);
      }
      for (const auto& [name, rows] : groups) {
        GroupRate gr{name, 0, std::nullopt};
        int64_t unused = 0;
        gr.rate = Rate(q, rows, &gr.answered, &unused);
        b.groups.push_back(gr);
      }
      s.breakdowns.push_back(b);
    }
  }
  return s;
}

}  // namespace jixiao
