#include "ingest/framework_workbook.h"

#include <iterator>
#include <map>
#include <utility>
#include <vector>

#include "core/text.h"
#include "ingest/framework_loader.h"
#include "ingest/json.h"

namespace jixiao {
namespace fwbook {
namespace {
const std::pair<const char*, const char*> kMethods[] = {
    {"deduction", "扣分制"},  {"levels", "分档评分"},      {"elements", "要素评分"},
    {"ratio", "比率评分"},    {"bands", "区间评分"},       {"linear", "差距扣分"},
    {"target", "目标完成度"}, {"timeliness", "及时性扣分"}};
}  // namespace

const char* MethodName(const std::string& kind) {
  for (const auto& [k, name] : kMethods)
    if (kind == k) return name;
  return nullptr;
}

std::string MethodKind(const std::string& name) {
  for (const auto& [k, n] : kMethods)
    if (name == n || name == k) return k;
  return "";
}
}  // namespace fwbook

namespace {

using namespace fwbook;

// Builds the JSON text one value a line, remembering which cell each line came from.
class JsonOut {
 public:
  explicit JsonOut(std::string shown) : shown_(std::move(shown)) {}
  void Put(const std::string& fragment, const std::string& sheet, int row, int col) {
    text_ += '\n';
    ++line_;
    text_ += fragment;
    places_[line_] = CellLocation(shown_, sheet, row, col);
  }
  void Raw(const std::string& fragment) { text_ += fragment; }
  const std::string& text() const { return text_; }
  // The cell of the nearest line at or above `line` (a JSON object's errors name its first cell).
  Location Place(int line) const {
    auto it = places_.upper_bound(line);
    if (it == places_.begin()) return CellLocation(shown_, kInfoSheet, 1, 1);
    return std::prev(it)->second;
  }

 private:
  std::string shown_, text_;
  int line_ = 1;
  std::map<int, Location> places_;
};

struct Row {
  int row = 0, level = 0;
  std::vector<Row> children;
};

class Reader {
 public:
  Reader(const XlsxWorkbook& book, Diagnostics& diags)
      : book_(book), diags_(diags), out_(book.file) {}

  std::optional<std::string> Read() {
    const XlsxSheet* info = Sheet(kInfoSheet);
    const XlsxSheet* rows = Sheet(kRowsSheet);
    if (!info || !rows) return std::nullopt;
    if (rows->max_row > kMaxRows + 1 || info->max_row > 100) {
      diags_.Error("framework_book.too_big", CellLocation(book_.file, rows->name, kMaxRows + 2, 1),
                   "指标体系表过大：“指标”最多 " + std::to_string(kMaxRows) +
                       " 行、“体系”最多 100 行；请删去多余的行后重新上传");
      return std::nullopt;
    }
    size_t before = diags_.ErrorCount();
    out_.Put("{", kInfoSheet, 1, 1);
    Info(*info);
    out_.Put("\"indicators\": [", kRowsSheet, 1, 1);
    auto tree = Tree(*rows);
    for (size_t i = 0; i < tree.size(); ++i) Indicator(*rows, tree[i], i == 0);
    out_.Raw("]}");
    if (diags_.ErrorCount() != before) return std::nullopt;
    return out_.text();
  }
  const JsonOut& out() const { return out_; }

 private:
  const XlsxSheet* Sheet(const char* name) {
    if (const XlsxSheet* s = book_.Find(name)) return s;
    diags_.Error("framework_book.sheet", {book_.file, 0, 0, name},
                 std::string("指标体系表缺少工作表“") + name +
                     "”：请从“下载模板（Excel）”得到的工作簿上修改，不要删改工作表名");
    return nullptr;
  }
  // The cell's text; formulas and error values are refused (the file must carry the values).
  std::string Text(const XlsxSheet& s, int r, int c) {
    const XlsxCell& cell = s.At(r, c);
    if (cell.formula || cell.type == XlsxCell::Type::kError) {
      diags_.Error("framework_book.formula", CellLocation(book_.file, s.name, r, c),
                   "这里不能用公式或错误值，请直接填写内容（复制后“选择性粘贴→数值”）");
      return "";
    }
    return Trim(cell.text);
  }

  void Info(const XlsxSheet& s) {
    for (int r = 2; r <= s.max_row; ++r) {
      std::string label = Text(s, r, 1), value = Text(s, r, 2);
      if (label.empty() || value.empty()) continue;
      if (label == "标识") {
        out_.Put("\"id\": " + JsonQuoted(value) + ",", s.name, r, 2);
      } else if (label == "名称") {
        out_.Put("\"title\": " + JsonQuoted(value) + ",", s.name, r, 2);
      } else if (label == "总分") {
        out_.Put("\"total\": " + Number(s.At(r, 2), value) + ",", s.name, r, 2);
      } else if (label == "依据") {
        std::string items;
        for (const auto& line : SplitLines(value))
          items += (items.empty() ? "" : ",") + JsonQuoted(line);
        out_.Put("\"basis\": [" + items + "],", s.name, r, 2);
      } else if (label == "等级") {
        Grades(s, r, value);
      } else if (label == "录入数据") {
        out_.Put("\"metrics\": " + OneLine(value) + ",", s.name, r, 2);
      } else if (label == "取整") {
        out_.Put("\"rounding\": " + JsonQuoted(value) + ",", s.name, r, 2);
      } else if (label == "不适用") {
        out_.Put("\"not_applicable\": " + JsonQuoted(value) + ",", s.name, r, 2);
      } else {
        diags_.Error(
            "framework_book.label", CellLocation(book_.file, s.name, r, 1),
            "“体系”A 列只能写 标识、名称、依据、总分、等级、录入数据、取整、不适用，实际为“" +
                label + "”");
      }
    }
  }
  // 等级: one band a line, "优 90" (label, a space, the lowest score of the band).
  void Grades(const XlsxSheet& s, int r, const std::string& value) {
    std::string items;
    for (const auto& line : SplitLines(value)) {
      size_t space = line.find_last_of(' ');
      if (space == std::string::npos) {
        diags_.Error("framework_book.grade", CellLocation(book_.file, s.name, r, 2),
                     "等级每行写“等级名 最低分”（如“优 90”），“" + line + "”缺少最低分");
        continue;
      }
      std::string label = Trim(line.substr(0, space)), min = Trim(line.substr(space + 1));
      items += (items.empty() ? "" : ",") + std::string("{\"label\":") + JsonQuoted(label) +
               ",\"min\":" + JsonQuoted(min) + "}";
    }
    out_.Put("\"grades\": [" + items + "],", s.name, r, 2);
  }
  static std::vector<std::string> SplitLines(const std::string& value) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= value.size()) {
      size_t end = value.find('\n', start);
      if (end == std::string::npos) end = value.size();
      std::string line = Trim(value.substr(start, end - start));
      if (!line.empty()) lines.push_back(line);
      start = end + 1;
    }
    return lines;
  }
  static std::string OneLine(std::string text) {
    for (char& ch : text)
      if (ch == '\n' || ch == '\r') ch = ' ';
    return text;
  }
  // A number cell's exact decimal as written, or a typed text quoted (the JSON reader reads "3"
  // and "2/3"; anything else is its located error).
  static std::string Number(const XlsxCell& cell, const std::string& text) {
    return cell.type == XlsxCell::Type::kNumber ? text : JsonQuoted(text);
  }

  std::vector<Row> Tree(const XlsxSheet& s) {
    std::vector<Row> top;
    std::vector<Row*> open;  // open[k] = the last row of level k+1
    for (int r = 2; r <= s.max_row; ++r) {
      int level = 0;
      for (int c = kLevel1; c < kLevel1 + 4 && !level; ++c)
        if (!s.At(r, c).empty()) level = c - kLevel1 + 1;
      if (!level) {
        if (!s.At(r, kCode).empty() || !s.At(r, kWeight).empty())
          diags_.Error("framework_book.name", CellLocation(book_.file, s.name, r, kLevel1),
                       "这一行有编码或分值却没有指标名称：请在一级～四级中对应的一列写名称");
        continue;
      }
      if (level > static_cast<int>(open.size()) + 1) {
        diags_.Error("framework_book.level",
                     CellLocation(book_.file, s.name, r, kLevel1 + level - 1),
                     "这一行是" + std::to_string(level) + "级指标，但上面没有它所属的" +
                         std::to_string(level - 1) + "级指标；请把名称移到正确的一列");
        continue;
      }
      open.resize(level - 1);
      Row row{r, level, {}};
      std::vector<Row>& into = level == 1 ? top : open.back()->children;
      into.push_back(row);
      open.push_back(&into.back());
    }
    return top;
  }

  void Indicator(const XlsxSheet& s, const Row& row, bool first) {
    int r = row.row;
    out_.Put(std::string(first ? "" : ",") + "{", s.name, r, kCode);
    out_.Put("\"code\": " + JsonQuoted(Text(s, r, kCode)), s.name, r, kCode);
    out_.Put(",\"name\": " + JsonQuoted(Text(s, r, kLevel1 + row.level - 1)), s.name, r,
             kLevel1 + row.level - 1);
    std::string weight = Text(s, r, kWeight);
    if (!weight.empty())
      out_.Put(",\"weight\": " + Number(s.At(r, kWeight), weight), s.name, r, kWeight);
    if (std::string e = Text(s, r, kExplain); !e.empty())
      out_.Put(",\"explanation\": " + JsonQuoted(e), s.name, r, kExplain);
    if (std::string c = Text(s, r, kCriteria); !c.empty())
      out_.Put(",\"criteria\": " + JsonQuoted(c), s.name, r, kCriteria);
    Rule(s, r);
    if (!row.children.empty()) {
      out_.Put(",\"children\": [", s.name, r, kCode);
      for (size_t i = 0; i < row.children.size(); ++i) Indicator(s, row.children[i], i == 0);
      out_.Raw("]");
    }
    out_.Raw("}");
  }

  void Rule(const XlsxSheet& s, int r) {
    std::string method = Text(s, r, kMethod), params = OneLine(Text(s, r, kParams));
    if (method.empty() && params.empty()) return;
    std::string kind = MethodKind(method);
    if (kind.empty()) {
      diags_.Error("framework_book.method", CellLocation(book_.file, s.name, r, kMethod),
                   "评分方法“" + method +
                       "”不认识：请写 扣分制、分档评分、要素评分、比率评分、区间评分、差距扣分、"
                       "目标完成度、及时性扣分 之一（见“说明”）");
      return;
    }
    out_.Put(",\"rule\": {\"type\": " + JsonQuoted(kind), s.name, r, kMethod);
    if (!params.empty()) {
      Location where = CellLocation(book_.file, s.name, r, kParams);
      try {
        JsonValue v = ParseJson(book_.file, params);
        if (!v.IsObject()) throw InputError{};
      } catch (const InputError&) {
        diags_.Error("framework_book.params", where,
                     "评分参数须写成 {\"名\": 值, …} 的形式（见“说明”和随附指标体系的写法），"
                     "实际为“" +
                         params.substr(0, 200) + "”");
        return;
      }
      size_t open = params.find('{'), close = params.rfind('}');
      std::string inner = Trim(params.substr(open + 1, close - open - 1));
      if (!inner.empty()) out_.Put("," + inner, s.name, r, kParams);
    }
    out_.Raw("}");
  }

  const XlsxWorkbook& book_;
  Diagnostics& diags_;
  JsonOut out_;
};

}  // namespace

std::optional<Framework> FrameworkFromWorkbook(const XlsxWorkbook& book, Diagnostics& diags,
                                               std::string* json_text) {
  Reader reader(book, diags);
  auto json = reader.Read();
  if (!json) return std::nullopt;
  Diagnostics found;
  auto fw = ParseFramework(book.file, *json, found);
  for (const auto& d : found.items())
    diags.Add(d.severity, d.code, reader.out().Place(d.where.line), d.message);
  if (fw && json_text) *json_text = *json;
  return fw;
}

std::optional<Framework> ReadFrameworkWorkbook(const std::string& file, const std::string& shown,
                                               Diagnostics& diags, std::string* json_text) {
  XlsxWorkbook book;
  try {
    book = ReadXlsxFile(file);
  } catch (const InputError& e) {
    Location where = e.diagnostic.where;
    if (where.file == file) where.file = shown;
    diags.Add(e.diagnostic.severity, e.diagnostic.code, where, e.diagnostic.message);
    return std::nullopt;
  }
  book.file = shown;
  return FrameworkFromWorkbook(book, diags, json_text);
}

}  // namespace jixiao
