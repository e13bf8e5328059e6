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

constexpr size_t kLabelChars = 15;

// `shown`: the label as DistinctLabels shortened it.
std::string Label(const std::string& shown, int y, const std::string& href) {
  std::string t = "<text x=\"" + std::to_string(kLabelWidth - 8) + "\" y=\"" + std::to_string(y) +
                  "\" text-anchor=\"end\">" + X(shown) + "</text>";
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

namespace {

std::vector<std::string> Chars(const std::string& text) {  // UTF-8 characters
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

// The first `head` and last `tail` characters with "…" between.
std::string MiddleCut(const std::vector<std::string>& chars, size_t head, size_t tail) {
  std::string out;
  for (size_t i = 0; i < head; ++i) out += chars[i];
  out += "…";
  for (size_t i = chars.size() - tail; i < chars.size(); ++i) out += chars[i];
  return out;
}

}  // namespace

std::vector<std::string> DistinctLabels(const std::vector<std::string>& labels, size_t max_chars) {
  std::vector<std::string> cut;
  for (const auto& l : labels) cut.push_back(ShortLabel(l, max_chars));
  std::vector<std::string> out = cut;
  for (size_t i = 0; i < out.size(); ++i) {
    bool clash = false;
    for (size_t j = 0; j < cut.size(); ++j)
      clash = clash || (j != i && cut[j] == cut[i] && labels[j] != labels[i]);
    if (!clash || max_chars < 3) continue;
    // The shortest end that tells this label from every clashing one (at most all but 2 kept
    // for the start).
    const auto chars = Chars(labels[i]);
    size_t tail = 1;
    for (; tail + 2 < max_chars; ++tail) {
      const std::string end = MiddleCut(chars, 0, tail);
      bool unique = true;
      for (size_t j = 0; j < labels.size(); ++j)
        if (j != i && labels[j] != labels[i] && cut[j] == cut[i]) {
          const auto other = Chars(labels[j]);
          unique = unique && (other.size() < tail || MiddleCut(other, 0, tail) != end);
        }
      if (unique) break;
    }
    tail = std::max(tail, (max_chars - 1) / 3);  // a readable end, a third of the room at least
    out[i] = MiddleCut(chars, max_chars - 1 - tail, tail);
  }
  return out;
}

std::string BarChartSvg(const std::string& title, const std::vector<ChartBar>& bars,
                        const Rational& full) {
  if (bars.empty()) return "";
  constexpr int kRow = 26, kBar = 18, kTop = 8;
  std::string body;
  int y = kTop;
  std::vector<std::string> labels;
  for (const auto& b : bars) labels.push_back(b.label);
  const auto shown = DistinctLabels(labels, kLabelChars);
  for (size_t i = 0; i < bars.size(); ++i, y += kRow) {
    body += Label(shown[i], y + kBar - 4, bars[i].href);
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
  std::vector<std::string> labels;
  for (const auto& g : groups) labels.push_back(g.label);
  const auto shown = DistinctLabels(labels, kLabelChars);
  for (size_t k = 0; k < groups.size(); ++k) {
    const ChartGroup& g = groups[k];
    int band = static_cast<int>(series.size()) * kBar;
    body += Label(shown[k], y + band / 2 + 5, g.href);
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
