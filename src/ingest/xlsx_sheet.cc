// SAX handler for one worksheet part: <sheetData> rows and cells, <mergeCells>.
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "ingest/xlsx_parts.h"
#include "ingest/xlsx_sax.h"

namespace jixiao::xlsx_internal {

namespace {

class SheetHandler : public Poco::XML::DefaultHandler {
 public:
  SheetHandler(const SheetContext& context, XlsxSheet& sheet) : ctx_(context), sheet_(sheet) {}

  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local,
                    const Poco::XML::XMLString&, const Poco::XML::Attributes& attrs) override {
    if (in_cell_) {
      if (local == "v" || local == "f") {
        capture_ = local == "v" ? &value_ : &formula_text_;
        capture_->clear();
        if (local == "f") has_formula_ = true;
      } else if (local == "is") {
        in_inline_ = true;
        inline_.Reset();
      }
      if (in_inline_) inline_.Start(local);
      return;
    }
    if (local == "row") {
      const std::string r = Attribute(attrs, "r", false);
      if (r.empty()) {
        ++row_;
      } else {
        char* end = nullptr;
        errno = 0;
        const long value = std::strtol(r.c_str(), &end, 10);
        if (*end != '\0' || errno != 0 || value < 1 || value > 1048576)
          Fail(*ctx_.file, sheet_.name + "!行" + r, "xlsx.bad_row",
               "行号 " + r + " 无效（应为 1–1048576）；文件已损坏，请在 Excel 中重新保存");
        row_ = static_cast<int>(value);
      }
      col_ = 0;
    } else if (local == "c") {
      const std::string ref = Attribute(attrs, "r", false);
      if (ref.empty()) {
        if (row_ < 1) row_ = 1;
        ++col_;
        if (col_ > 16384)
          Fail(*ctx_.file, sheet_.name + "!行" + std::to_string(row_), "xlsx.bad_ref",
               "一行超过 16384 列；文件已损坏");
      } else if (!ParseCellRef(ref, row_, col_)) {
        Fail(*ctx_.file, sheet_.name + "!" + ref.substr(0, 20), "xlsx.bad_ref",
             "单元格引用 " + ref.substr(0, 20) +
                 " 无效或超出 Excel 范围（最多 1048576 行、16384 列）；文件已损坏");
      }
      in_cell_ = true;
      has_formula_ = false;
      type_ = Attribute(attrs, "t", false);
      style_index_ = Attribute(attrs, "s", false);
      value_.clear();
      inline_.Reset();
    } else if (local == "mergeCell") {
      AddMerge(Attribute(attrs, "ref", false));
    }
  }

  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local,
                  const Poco::XML::XMLString&) override {
    if (!in_cell_) return;
    if (in_inline_) inline_.End(local);
    if (local == "is") in_inline_ = false;
    if (local == "v" || local == "f") capture_ = nullptr;
    if (local == "c") {
      in_cell_ = false;
      FinishCell();
    }
  }

  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    if (capture_ && length > 0) capture_->append(ch + start, static_cast<size_t>(length));
    if (in_inline_) inline_.Characters(ch + start, length);
  }

 private:
  [[noreturn]] void CellFail(const std::string& code, const std::string& message) {
    Fail(*ctx_.file, sheet_.name + "!" + CellName(row_, col_), code, message);
  }

  XlsxNumberStyle StyleOf() const {
    if (style_index_.empty()) return XlsxNumberStyle::kGeneral;
    const long index = std::strtol(style_index_.c_str(), nullptr, 10);
    if (index < 0 || static_cast<size_t>(index) >= ctx_.styles->size())
      return XlsxNumberStyle::kGeneral;
    return (*ctx_.styles)[static_cast<size_t>(index)];
  }

  void FinishCell() {
    XlsxCell cell;
    cell.formula = has_formula_;
    cell.style = StyleOf();
    if (type_ == "s") {
      char* end = nullptr;
      errno = 0;
      const long long index = std::strtoll(value_.c_str(), &end, 10);
      if (value_.empty() || *end != '\0' || errno != 0 || index < 0 ||
          static_cast<unsigned long long>(index) >= ctx_.shared_strings->size())
        CellFail("xlsx.bad_shared_string", "共享字符串编号 " + value_.substr(0, 20) +
                                               " 不存在；文件已损坏，请在 Excel 中重新保存");
      cell.type = XlsxCell::Type::kText;
      cell.text = (*ctx_.shared_strings)[static_cast<size_t>(index)];
    } else if (type_ == "inlineStr") {
      cell.type = XlsxCell::Type::kText;
      cell.text = inline_.value;
    } else if (type_ == "str") {
      cell.type = XlsxCell::Type::kText;
      cell.text = value_;
    } else if (type_ == "b") {
      if (value_.empty()) return;
      if (value_ != "0" && value_ != "1")
        CellFail("xlsx.bad_boolean", "逻辑值 " + value_.substr(0, 20) + " 无效（应为 0 或 1）");
      cell.type = XlsxCell::Type::kBoolean;
      cell.number = value_ == "1" ? 1 : 0;
      cell.text = value_ == "1" ? "TRUE" : "FALSE";
    } else if (type_ == "e") {
      cell.type = XlsxCell::Type::kError;
      cell.text = value_;
    } else if (type_ == "d") {
      if (value_.empty()) return;
      cell.type = XlsxCell::Type::kText;
      cell.text = value_;
      cell.style = XlsxNumberStyle::kDate;
      std::string iso = value_.substr(0, 19);
      if (iso.size() > 10 && iso[10] == 'T') iso[10] = ' ';
      if (iso.size() >= 10 && iso[4] == '-' && iso[7] == '-')
        cell.date = iso.size() > 10 ? iso : iso.substr(0, 10);
      if (cell.date.size() > 10 && cell.date.substr(10) == " 00:00:00") cell.date.resize(10);
    } else if (type_.empty() || type_ == "n") {
      if (value_.empty()) {
        // A formula saved without its result (written by a program that does not calculate).
        if (has_formula_) Store(row_, col_, std::move(cell));
        return;
      }
      char* end = nullptr;
      const double number = std::strtod(value_.c_str(), &end);
      if (*end != '\0' || !std::isfinite(number))
        CellFail("xlsx.bad_number", "数值 " + value_.substr(0, 30) + " 无法读取；文件已损坏");
      cell.type = XlsxCell::Type::kNumber;
      cell.number = number;
      cell.text = DecimalText(number);
      const bool dated = cell.style == XlsxNumberStyle::kDate ||
                         cell.style == XlsxNumberStyle::kDateTime ||
                         cell.style == XlsxNumberStyle::kTime;
      if (dated)
        SerialToDate(number, ctx_.date1904, cell.style != XlsxNumberStyle::kDate, cell.date);
    } else {
      CellFail("xlsx.bad_type", "单元格类型 t=\"" + type_.substr(0, 20) + "\" 未知；文件已损坏");
    }
    if (cell.type == XlsxCell::Type::kText && cell.text.empty()) {
      if (has_formula_) Store(row_, col_, XlsxCell{.formula = true});
      return;
    }
    Store(row_, col_, std::move(cell));
  }

  void Store(int row, int col, XlsxCell cell) {
    if (*ctx_.cell_budget == 0)
      CellFail("xlsx.too_many_cells", "工作簿的单元格数超过上限，不予读取；请删去无关的数据");
    --*ctx_.cell_budget;
    sheet_.cells[{row, col}] = std::move(cell);
    if (row > sheet_.max_row) sheet_.max_row = row;
    if (col > sheet_.max_col) sheet_.max_col = col;
  }

  void AddMerge(const std::string& ref) {
    const size_t colon = ref.find(':');
    XlsxRange range;
    const bool ok = colon == std::string::npos
                        ? ParseCellRef(ref, range.first_row, range.first_col)
                        : ParseCellRef(ref.substr(0, colon), range.first_row, range.first_col) &&
                              ParseCellRef(ref.substr(colon + 1), range.last_row, range.last_col);
    if (!ok)
      Fail(*ctx_.file, sheet_.name + "!" + ref.substr(0, 30), "xlsx.bad_merge",
           "合并区域 " + ref.substr(0, 30) + " 无效；文件已损坏，请在 Excel 中重新保存");
    if (colon == std::string::npos) {
      range.last_row = range.first_row;
      range.last_col = range.first_col;
    }
    if (range.last_row < range.first_row) std::swap(range.last_row, range.first_row);
    if (range.last_col < range.first_col) std::swap(range.last_col, range.first_col);
    if (*ctx_.cell_budget == 0)
      Fail(*ctx_.file, sheet_.name, "xlsx.too_many_cells", "合并区域过多，不予读取");
    --*ctx_.cell_budget;
    sheet_.merges.push_back(range);
  }

  const SheetContext& ctx_;
  XlsxSheet& sheet_;
  int row_ = 0, col_ = 0;
  bool in_cell_ = false, in_inline_ = false, has_formula_ = false;
  std::string type_, style_index_, value_, formula_text_;
  std::string* capture_ = nullptr;
  RichText inline_;
};

}  // namespace

void ParseSheetPart(const SheetContext& context, const std::string& xml, XlsxSheet& sheet) {
  SheetHandler handler(context, sheet);
  ParseXml(*context.file, sheet.name, xml, handler);
}

}  // namespace jixiao::xlsx_internal
