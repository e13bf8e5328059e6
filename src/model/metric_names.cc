#include "model/metric_names.h"

namespace jixiao {

const std::vector<DerivedMetricInfo>& DerivedMetrics() {
  static const std::vector<DerivedMetricInfo> kMetrics = {
      {"年初预算", "元", "budget.csv", "Σ年初预算"},
      {"调整后预算", "元", "budget.csv", "Σ调整后预算"},
      {"实际支出", "元", "budget.csv", "Σ实际支出"},
      {"预算执行率", "%", "budget.csv", "实际支出 ÷ 调整后预算 × 100%"},
      {"预算调整率", "%", "budget.csv", "(调整后预算 − 年初预算) ÷ 年初预算 × 100%"},
      {"资金到位率", "%", "funding.csv", "到位资金 ÷ 调整后预算 × 100%"},
      {"成本节约率", "%", "budget.csv", "(计划成本 − 实际成本) ÷ 计划成本 × 100%",
       "计划成本取调整后预算、实际成本取实际支出；“指标数据”中填了计划成本或实际成本的，取所填"},
      {"逾期事项数", "项", "transfers.csv", "实际日期晚于截止日期的事项数"},
      {"逾期天数", "天", "transfers.csv", "Σ(实际日期 − 截止日期)，仅计逾期事项"},
      {"发放批次数", "批次", "disbursements.csv", "发放明细行数"},
      {"发放人次", "人次", "disbursements.csv", "Σ人次"},
      {"发放金额", "元", "disbursements.csv", "Σ金额"},
      {"月均发放批次", "批次", "disbursements.csv", "发放批次数 ÷ 有发放的月份数"},
      {"最少月发放批次", "批次", "disbursements.csv", "各月发放批次的最小值"},
  };
  return kMetrics;
}

const DerivedMetricInfo* FindDerivedMetric(const std::string& name) {
  for (const auto& m : DerivedMetrics())
    if (name == m.name) return &m;
  return nullptr;
}

}  // namespace jixiao
