#include "render/docx_chart.h"

#include "render/chart_axis.h"
#include "render/render.h"

namespace jixiao::render {
namespace {

// The unit the chart's value labels carry ("93.33%" -> "%", "4.5分" -> "分") and their decimals:
// Word prints the cached numbers through a number format, so the format gives them back.
struct LabelUnit {
  std::string suffix;
  size_t decimals = 2;
};
LabelUnit UnitOfLabels(const doc::Chart& c) {
  for (const auto& label : c.value_labels) {
    size_t last = label.find_last_of("0123456789");
    if (last == std::string::npos) continue;  // "—"
    size_t point = label.rfind('.', last);
    return {label.substr(last + 1), point == std::string::npos ? 0 : last - point};
  }
  return {};
}
// An Excel number format: 0.00"%" (a bare % would multiply by 100).
std::string NumberFormat(size_t decimals, const std::string& suffix) {
  std::string code = decimals ? "0." + std::string(decimals, '0') : "0";
  return XmlEscape(suffix.empty() ? code : code + "\"" + suffix + "\"");
}

}  // namespace

// A native DrawingML bar chart part. The data live in the chart's caches (no embedded workbook):
// Word and LibreOffice draw it as is; editing the data in Word asks for the workbook.
std::string DocxChartPart(const doc::Chart& c) {
  std::string n = std::to_string(c.labels.size());
  std::string cats, vals;
  for (size_t i = 0; i < c.labels.size(); ++i) {
    cats +=
        "<c:pt idx=\"" + std::to_string(i) + "\"><c:v>" + XmlEscape(c.labels[i]) + "</c:v></c:pt>";
    vals +=
        "<c:pt idx=\"" + std::to_string(i) + "\"><c:v>" + ValueText(c.values[i]) + "</c:v></c:pt>";
  }
  ChartAxis axis = AxisOf(c);  // the HTML chart's ticks
  std::string max = "<c:max val=\"" + ValueText(axis.max) + "\"/>";
  LabelUnit unit = UnitOfLabels(c);
  std::string series = c.series_name;
  if (!unit.suffix.empty() && series.find(unit.suffix) == std::string::npos)
    series += "（" + unit.suffix + "）";  // the data sheet's numbers are bare
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
         "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
         "<c:roundedCorners val=\"0\"/><c:chart><c:autoTitleDeleted "
         "val=\"1\"/><c:plotArea><c:layout/>"
         "<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/><c:varyColors "
         "val=\"0\"/>"
         "<c:ser><c:idx val=\"0\"/><c:order "
         "val=\"0\"/><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache>"
         "<c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>" +
         XmlEscape(series) +
         "</c:v></c:pt></c:strCache>"
         "</c:strRef></c:tx><c:spPr><a:solidFill><a:srgbClr val=\"4472C4\"/></a:solidFill></c:spPr>"
         "<c:dLbls><c:numFmt formatCode=\"" +
         NumberFormat(unit.decimals, unit.suffix) +
         "\" sourceLinked=\"0\"/><c:showLegendKey val=\"0\"/>"
         "<c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent "
         "val=\"0\"/>"
         "<c:showBubbleSize val=\"0\"/></c:dLbls>"
         "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$" +
         std::to_string(c.labels.size() + 1) +
         "</c:f><c:strCache>"
         "<c:ptCount val=\"" +
         n + "\"/>" + cats +
         "</c:strCache></c:strRef></c:cat>"
         "<c:val><c:numRef><c:f>Sheet1!$B$2:$B$" +
         std::to_string(c.labels.size() + 1) +
         "</c:f><c:numCache>"
         "<c:formatCode>0.00</c:formatCode><c:ptCount val=\"" +
         n + "\"/>" + vals +
         "</c:numCache></c:numRef></c:val>"
         "</c:ser><c:gapWidth val=\"80\"/><c:axId val=\"101\"/><c:axId val=\"102\"/></c:barChart>"
         "<c:catAx><c:axId val=\"101\"/><c:scaling><c:orientation "
         "val=\"minMax\"/></c:scaling><c:delete val=\"0\"/>"
         "<c:axPos val=\"b\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:tickLblPos "
         "val=\"nextTo\"/>"
         "<c:crossAx val=\"102\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn "
         "val=\"ctr\"/>"
         "<c:lblOffset val=\"100\"/></c:catAx>"
         "<c:valAx><c:axId val=\"102\"/><c:scaling><c:orientation val=\"minMax\"/>" +
         max +
         "<c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos "
         "val=\"l\"/><c:majorGridlines/>"
         "<c:numFmt formatCode=\"" +
         NumberFormat(0, unit.suffix) +
         "\" sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx "
         "val=\"101\"/>"
         "<c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/><c:majorUnit val=\"" +
         ValueText(axis.step) +
         "\"/></c:valAx></c:plotArea>"
         "<c:plotVisOnly val=\"1\"/></c:chart></c:chartSpace>";
}

}  // namespace jixiao::render
