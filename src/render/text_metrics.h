// Widths of table text as Word and LibreOffice set it: Han characters and full-width punctuation
// one em, ASCII in Times New Roman / Liberation Serif advance widths (the two share metrics).
// Text splits into unbreakable segments: an ASCII word ("1,471,745.31", "-706,093.81"), a number
// with its unit ("100.00%", "2024年", "1-12月", "2,400.00元"), a document number ("〔2022〕7号")
// kept with its brackets, a single Han character otherwise; a closing mark stays with what it
// closes, an opening one with what follows. Contract: widths overestimate slightly, so the wrap
// simulated here breaks no later than the renderer does.
#pragma once

#include <string>
#include <vector>

namespace jixiao::render {

struct Segment {
  size_t offset = 0, length = 0;  // bytes into the text, and its length in bytes
  int width = 0;                  // twips at the given size
  bool protect = false;  // joined where a renderer could break (digits + unit, 〕 + digits)
  bool space_after = false;
  bool ascii_first = false, ascii_last = false;  // for the space set between Han and Latin
};

// `half_points`: font size in half points (18 = 9 pt).
std::vector<Segment> Segments(const std::string& text, int half_points);
int TextWidth(const std::string& text, int half_points);

// Greedy line filling at `width` twips of room: the number of lines, and (when `breaks` is given)
// the byte offsets of protected segments that start a new line, where a writer puts an explicit
// break so the renderer cannot split them.
int LinesAt(const std::vector<Segment>& segments, int width, std::vector<size_t>* breaks = nullptr);

// LinesAt for a room at least as wide as the widest segment, with the rooms [*lo, *hi) in which
// the filling breaks the text at the same places (so into the same number of lines): from the
// fullest line's width up to the least room that takes one more segment onto some line.
int LinesSpan(const std::vector<Segment>& segments, int width, int* lo, int* hi);

// LinesAt's filling with `first_width` twips on the first line and `width` on the others: the
// largest room left at the end of a line that is not the last (what justification would spread
// between its characters), 0 for one line.
int LargestSlack(const std::vector<Segment>& segments, int first_width, int width);

// The least room (at least 1) in which LinesAt gives one line: it gives 1 exactly when the room
// is at least this wide, so a caller may skip the line filling there.
int OneLineWidth(const std::vector<Segment>& segments);

}  // namespace jixiao::render
