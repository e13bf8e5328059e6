// Inline SVG charts for the bureau page; see charts.h.
#include "web/charts.h"

#include <algorithm>

#include "render/render.h"

namespace jixiao::web {
namespace {

constexpr int kWidth = 760, kLabelWidth = 230, kValueWidth = 80;
constexpr int kPlot = kWidth - kLabelWidth - kValueWidth;
const char* const kColours[] = {"#2f6fb3", "#d9822b", "#3d9a5b", "#a5479a",
                                "#c23b3b", "#6b7a8f", "#b59a1e", "#2a9d9d"};

std::string X(const std::string& s) { return render::XmlEscape(s); }

// The bar's length in pixels: value ÷ full of the plot, clamped, rounded half-up.
int Length(const Rational& value, const Rational& full) {
  if (full <= Rational(0) || value <= Rational(0)) return 0;
  Rational share = value / full;
  if (share > Rational(1)) share = Rational(1);
  return static_cast<int>((share * Rational(kPlot)).RoundScaled(0));
}

std::string Bar(const ChartBar& b, int y, int height, const char* colour, const Rational& full) {
  std::string rect = "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y) +
                     "\" width=\"" + std::to_string(std::max(Length(b.value, full), 1)) +
                     "\" height=\"" + std::to_string(height) + "\" fill=\"" + colour +
                     "\"><title>" + X(b.label + "：" + b.shown) + "</title></rect>";
  if (!b.href.empty()) rect = "<a href=\"" + X(b.href) + "\">" + rect + "</a>";
  return rect + "<text x=\"" + std::to_string(kLabelWidth + Length(b.value, full) + 6) + "\" y=\"" +
         std::to_string(y + height - 2) + "\" class=\"value\">" + X(b.shown) + "</text>";
}

std::string Frame(const std::string& title, int height, const std::string& body) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 " +
         std::to_string(kWidth) + " " + std::to_string(height) + "\" width=\"" +
         std::to_string(kWidth) + "\" height=\"" + std::to_string(height) + "\" aria-label=\"" +
         X(title) + "\"><title>" + X(title) + "</title>" + body + "</svg>";
}

std::string Label(const std::string& text, int y, const std::string& href) {
  std::string t = "<text x=\"" + std::to_string(kLabelWidth - 8) + "\" y=\"" + std::to_string(y) +
                  "\" text-anchor=\"end\">" + X(ShortLabel(text, 15)) + "</text>";
  return href.empty() ? t : "<a href=\"" + X(href) + "\">" + t + "</a>";
}

}  // namespace

std::string ShortLabel(const std::string& text, size_t max_chars) {
  size_t chars = 0, i = 0;
  while (i < text.size()) {
    if (chars == max_chars) return text.substr(0, i) + "…";
    unsigned char c = static_cast<unsigned char>(text[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++chars;
  }
  return text;
}

std::string BarChartSvg(const std::string& title, const std::vector<ChartBar>& bars,
                        const Rational& full) {
  if (bars.empty()) return "";
  constexpr int kRow = 26, kBar = 18, kTop = 8;
  std::string body;
  int y = kTop;
  for (size_t i = 0; i < bars.size(); ++i, y += kRow) {
    body += Label(bars[i].label, y + kBar - 4, bars[i].href);
    body += Bar(bars[i], y, kBar, kColours[0], full);
  }
  return Frame(title, y + kTop, body);
}

std::string GroupedChartSvg(const std::string& title, const std::vector<std::string>& series,
                            const std::vector<ChartGroup>& groups, const Rational& full) {
  if (groups.empty() || series.empty()) return "";
  constexpr int kBar = 12, kGap = 10, kLegendRow = 22;
  constexpr size_t kColourCount = sizeof(kColours) / sizeof(kColours[0]);
  std::string body;
  // The legend: one swatch per series, four to a row.
  int y = 6;
  for (size_t s = 0; s < series.size(); ++s) {
    int x = 10 + static_cast<int>(s % 4) * 185;
    if (s > 0 && s % 4 == 0) y += kLegendRow;
    body += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) +
            "\" width=\"14\" height=\"14\" fill=\"" + kColours[s % kColourCount] +
            "\"/><text x=\"" + std::to_string(x + 20) + "\" y=\"" + std::to_string(y + 12) + "\">" +
            X(ShortLabel(series[s], 10)) + "</text>";
  }
  y += kLegendRow + 6;
  for (const auto& g : groups) {
    int band = static_cast<int>(series.size()) * kBar;
    body += Label(g.label, y + band / 2 + 5, g.href);
    for (size_t s = 0; s < g.bars.size() && s < series.size(); ++s) {
      if (!g.bars[s].shown.empty())
        body += Bar(g.bars[s], y + static_cast<int>(s) * kBar, kBar - 2, kColours[s % kColourCount],
                    full);
    }
    y += band + kGap;
  }
  return Frame(title, y, body);
}

}  // namespace jixiao::web
