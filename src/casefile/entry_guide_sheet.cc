// The 说明 sheet of the data-entry workbook: what the workbook is for, how to fill it in, and what
// `new --targets` left out of the framework (see entry_guide_sheet.h).
#include "casefile/entry_guide_sheet.h"

#include "casefile/entry_layout.h"

namespace jixiao {

using doc::CellStyle;

doc::Sheet EntryGuideSheet(const Framework& fw, const Case& c,
                           const std::vector<std::string>& notes, EntryBookFor reader) {
  doc::Sheet s;
  s.name = entry::kGuide;
  s.widths = {16, 90, 24};
  s.Text(0, 0, "绩效评价数据录入工作簿", CellStyle::kTitle);
  s.Merge(0, 0, 0, 1);
  // Names a person reads; the ids import needs stay in hidden column C (issue 21).
  s.Text(2, 0, entry::kGuideProject, CellStyle::kHeader);
  s.Text(2, 1, c.project.name.empty() ? "（项目名称在“项目信息”页填写）" : c.project.name);
  s.Text(2, 2, c.id);
  s.Text(3, 0, entry::kGuideFramework, CellStyle::kHeader);
  s.Text(3, 1, fw.title.empty() ? fw.id : fw.title);
  s.Text(3, 2, fw.id);
  s.hidden_columns = {2};
  const char* last_step =
      reader == EntryBookFor::kBrowser
          ? "填好后保存，回到本评价的网页，在“第二步 "
            "上传填好的工作簿”处选择本文件，点“上传并评分”；"
            "每个错误都会指明工作表和单元格。"
          : "填好后运行：jixiao import 本文件.xlsx 案例目录 ；每个错误都会指明工作表和单元格。";
  const char* format_help =
      reader == EntryBookFor::kBrowser
          ? "各页的填写说明见表头单元格的提示；评价页的“核验清单”列出尚待填写的内容。"
          : "格式说明见 jixiao 随附的 docs/case-format.md。";
  const char* lines[] = {
      "淡黄色单元格为待填写内容；第一行为表头，请勿改动表头文字（可以调整列的顺序）。",
      "金额一律以元为单位填数字（如 1471745.31）；日期填 2024-06-20 或 2024年6月20日。",
      "扣分明细：“扣分”填分数（0.75）或占该指标分值的比例（25%、2/3），每项扣分写明原因。",
      "评价结论：“等级”从下拉列表中选；“满足的要素”填要素序号，用逗号分隔（如 "
      "1,3），都不满足填“无”。",
      "调整后得分只在需要人工改分时填写，并写明调整原因。",
      "“摘要用语”可选：绩效分析概括该指标时用的短语（如“区镇资金结算划拨不够及时”）；不填时按扣分原"
      "因概括。",
      "绩效目标的“实际值”按指标值的写法填（如 98.9%、及时）。",
      "经验问题建议：类别从下拉列表选；“相关指标”填指标编码，逗号分隔。",
      reader == EntryBookFor::kBrowser ? "问卷答卷与叙述文字不在本工作簿中：问卷在评价页“问卷调查”"
                                         "处上传，叙述在“填写叙述”页填写。"
                                       : "问卷答卷（survey/）与叙述文字（narrative/"
                                         "）不在本工作簿中，导入时保留案例目录中的原文件。",
      last_step,
      format_help};
  int row = 5;
  for (const char* line : lines)
    s.Text(row++, 0, line, CellStyle::kNote), s.Merge(row - 1, 0, row - 1, 1);
  if (!notes.empty()) {  // issue 23 §4: nothing of the unit's table is changed without a word
    ++row;
    s.Text(row++, 0,
           reader == EntryBookFor::kBrowser
               ? "由绩效目标表生成指标体系时未加入或改放的行（“绩效目标”页仍按原表保留）："
               : "由绩效目标表生成指标体系时未加入或改放的行（targets.csv 仍按原表保留）：",
           CellStyle::kHeader);
    s.Merge(row - 1, 0, row - 1, 1);
    for (const std::string& note : notes)
      s.Text(row++, 0, note, CellStyle::kNote), s.Merge(row - 1, 0, row - 1, 1);
  }
  s.landscape = false;
  return s;
}

}  // namespace jixiao
