// One project's evidence (案例): metadata, typed metrics, the evaluator's findings, and the tables
// read from the case directory. Plain structs, no I/O.
// Contract: amounts are Money (fen); every row remembers its source line so that checks and
// scoring can point back at it. A table whose file is absent has present == false.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/amount.h"
#include "core/diagnostics.h"
#include "core/money.h"
#include "core/rational.h"
#include "model/attachment.h"
#include "model/survey.h"

namespace jixiao {

struct Project {
  std::string name, year, district, town, unit, authority, commissioner, evaluator, lead, kind,
      period, date;  // date: the report's date as printed on the cover ("2025年7月")
  std::string report_title;  // cover title when it differs: "…财政支出项目绩效（后）评价报告"
};

struct MetricValue {
  Rational value;
  std::string unit;  // "%", "元", "人次" …; percent metrics hold 98.9 for 98.9%
  std::string source;
  Location where;
  std::string written;  // the value exactly as typed: "９９.２％", 98.9
};

struct CaseDeduction {
  Amount amount;  // points, or a share of the weight ("25%", "2/3")
  std::string reason;
  Location where;
};

struct ScoreOverride {
  Score score;
  std::string reason;
  Location where;
};

struct Finding {
  std::optional<std::string> value;  // 业绩值 as the evaluator words it
  std::optional<std::string> level;  // levels rule; target rule: 达成/部分达成/未达成
  std::optional<Rational> share;     // target rule with bands: share within the level's band
  Location share_where;
  bool not_applicable = false;    // 不适用: scored as the framework's not_applicable says
  std::vector<int> met_elements;  // elements rule, 1-based
  bool has_met_elements = false;
  std::vector<CaseDeduction> deductions;
  std::optional<ScoreOverride> override_score;
  std::string analysis;
  // 摘要用语: the evaluator's short phrase for the 绩效分析 summary ("区镇资金结算划拨不够及时").
  std::string summary;
  Location where;
};

// What the evaluator states of a survey whose responses the case does not hold (case.json
// "survey": sample 样本量/发放份数, valid 有效问卷数, method 抽样方式). Printed in the body's
// survey paragraph and the survey annex when given; survey/ responses, when present, are counted.
struct SurveyStatement {
  std::optional<int64_t> sample, valid;
  std::string method;
  Location where;
  bool Knows() const { return sample || valid; }
};

struct Observation {  // an experience, problem or suggestion
  std::string title;
  std::string text;
  std::vector<std::string> indicators;
};

struct BudgetDetail {
  std::string detail;  // 项目明细
  std::string source;  // 资金来源
  Money initial;       // 年初预算
  std::optional<Rational> unit_price, quantity;
  std::string basis;  // 依据
  int line = 0;
  std::string
      quantity_unit;  // 单位 column, else the 数量 header's unit ("数量(人次)"); may be empty
};

// Rows sharing a 序号 form one line; 调整金额/调整后预算/实际支出 may be written once for the group
// (a merged cell in the published table).
struct BudgetLine {
  std::string seq;
  std::string composition;  // 项目构成
  std::vector<BudgetDetail> details;
  Money adjustment, adjusted, actual;
  int line = 0;
  Money Initial() const;
};

struct BudgetTotals {
  Money initial, adjustment, adjusted, actual;
  int line = 0;
};

struct FundingLine {
  std::string source;
  Money budget, received;
  int line = 0;
};

struct HistoryRow {
  std::string year;
  Money initial, adjusted, actual;
  int line = 0;
};

struct PlanRow {
  std::string seq, policy, content, unit;
  Rational planned;
  std::optional<Rational> actual;
  int line = 0;
};

struct Disbursement {
  int month = 0;
  int batch = 0;
  int64_t persons = 0;
  Money amount;
  std::string note;
  int line = 0;
};

struct Date {
  int year = 0, month = 0, day = 0;
  int64_t DayNumber() const;     // days since 1970-01-01
  std::string ToString() const;  // "2024-06-20"
  // 2024-06-20, 2024/6/20, 2024.6.20, 2024年6月20日 (core/quantity.h); nothing else.
  static std::optional<Date> Parse(const std::string& text);
};

struct Transfer {
  std::string item;
  Money amount;
  Date due, actual;
  int line = 0;
  int64_t DaysLate() const { return actual.DayNumber() - due.DayNumber(); }
};

struct TargetRow {
  std::string level1, level2, level3, value, actual, source;
  int line = 0;
  // Columns of the standalone 绩效目标申报表 (optional in a case's targets.csv).
  std::string value_type, unit, explanation,
      criteria;  // 指标值类型, 计量单位, 指标解释, 评(扣)分标准
  // A cell ended with （待确认） (a fix accepted, not yet confirmed by the unit): the mark is cut
  // from the text and kept as this status.
  bool pending = false;
};

// The header block of a 财政项目支出绩效目标申报表 (project.json beside a standalone targets.csv).
struct TargetProject {
  std::string name, category, authority, unit, start_date, end_date;
  std::optional<Money> total_funds, fiscal_funds, other_funds;
  std::string overall_goal, annual_goal;
  bool overall_goal_given = false, annual_goal_given = false;  // the key is in project.json
  std::string year;  // 年度 ("2023") from the table's title (（2023年度）) or project.json
  std::string year_where;  // where it was read: "Sheet!A2", "project.json 年度"; "" when none
  bool present = false;
};

template <typename Row>
struct Table {
  bool present = false;
  std::string file;  // path used in messages
  std::vector<Row> rows;
};

struct Case {
  std::string id;
  std::string dir;
  std::string framework_ref;
  Location framework_ref_where;
  Project project;
  std::map<std::string, MetricValue> metrics;
  std::map<std::string, Finding> findings;
  std::vector<Observation> experiences, problems, suggestions;
  std::map<std::string, std::string> narrative;  // section key -> Markdown text

  Table<BudgetLine> budget;
  std::optional<BudgetTotals> budget_totals;
  Table<FundingLine> funding;
  Table<HistoryRow> history;
  Table<PlanRow> plan;
  Table<Disbursement> disbursements;
  Table<Transfer> transfers;
  Table<TargetRow> targets;
  Survey survey;  // survey/questionnaire.json + survey/responses.csv, when present
  SurveyStatement survey_statement;     // case.json "survey", when given
  std::vector<Attachment> attachments;  // attachments/, in number order
};

}  // namespace jixiao
