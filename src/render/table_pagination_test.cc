// Keeping merged groups on one page, and cutting tall label groups so each page shows its label.
#include "render/table_pagination.h"

#include <catch2/catch.hpp>

namespace jixiao::render {
namespace {

// A header, then `groups` groups of `size` rows: column 0 a label merged over each group, column 1
// the row's own text, column 2 an amount merged over the group when `shared_amount`.
doc::Table Grouped(int groups, int size, bool shared_amount, const std::string& label = "组") {
  doc::Table t;
  t.rows.push_back({doc::Cell{"一级"}, doc::Cell{"明细"}, doc::Cell{"金额"}});
  for (int g = 0; g < groups; ++g) {
    int first = static_cast<int>(t.rows.size());
    for (int i = 0; i < size; ++i)
      t.rows.push_back(
          {doc::Cell{label + std::to_string(g)}, doc::Cell{"明细"}, doc::Cell{"1,000.00"}});
    t.Merge(first, 0, size, 1);
    if (shared_amount) t.Merge(first, 2, size, 1);
  }
  return t;
}

}  // namespace

TEST_CASE("pagination: a group of details sharing one amount stays on one page") {
  doc::Table t = Grouped(2, 5, true);
  PagedTable p = Paginate(t, std::vector<int>(t.rows.size(), 300), 13958);
  for (size_t r = 1; r <= 4; ++r) CHECK(p.keep_with_next[r]);
  CHECK_FALSE(p.keep_with_next[5]);  // the group's last row: the page may break after it
  for (size_t r = 6; r <= 9; ++r) CHECK(p.keep_with_next[r]);
  CHECK_FALSE(p.keep_with_next[10]);
}

// 一级 over `rows` rows of 1000 twips, 二级 over pairs of rows, then one more 一级 row.
doc::Table ThreeLevels(int rows) {
  doc::Table t;
  t.rows.push_back({doc::Cell{"一级"}, doc::Cell{"二级"}, doc::Cell{"三级"}});
  for (int i = 0; i < rows; ++i)
    t.rows.push_back(
        {doc::Cell{"产出目标"}, doc::Cell{"二级" + std::to_string(i / 2)}, doc::Cell{"三级"}});
  t.rows.push_back({doc::Cell{"效益目标"}, doc::Cell{"二级x"}, doc::Cell{"三级"}});
  t.Merge(1, 0, rows, 1);
  for (int i = 0; i < rows / 2; ++i) t.Merge(1 + 2 * i, 1, 2, 1);
  return t;
}

TEST_CASE("pagination: a label group that fits on a page stays whole, its label merged once") {
  // 8 rows of 1000 twips: half a page, more than a quarter. Cutting it would print 产出目标 twice
  // on one page; letting it flow would leave the next page without it.
  doc::Table t = ThreeLevels(8);
  PagedTable p = Paginate(t, std::vector<int>(t.rows.size(), 1000), 13958);
  CHECK(p.table.rows[1][0].row_span == 8);
  for (size_t r = 2; r <= 8; ++r) CHECK(p.table.rows[r][0].covered);
  for (size_t r = 1; r <= 7; ++r) CHECK(p.keep_with_next[r]);
}

TEST_CASE("pagination: a label group taller than a page is cut into pieces of nearly a page") {
  // 20 rows of 1000 twips over a 13958-twip page: a piece gets four fifths of the page less the
  // header (1000) and 900 for the caption, 9266 twips: nine rows, cut inside a pair when need be
  // (the 二级 label repeats too); a piece after the break has its page under the header, 87% less
  // 1000 = 11143 twips: the eleven rows left.
  doc::Table t = ThreeLevels(20);
  PagedTable p = Paginate(t, std::vector<int>(t.rows.size(), 1000), 13958);
  std::vector<size_t> labels;  // rows where 产出目标 is printed
  for (size_t r = 1; r <= 20; ++r)
    if (!p.table.rows[r][0].covered) labels.push_back(r);
  CHECK(labels == std::vector<size_t>{1, 10});
  CHECK(p.table.rows[10][0].text == "产出目标");
  CHECK(p.table.rows[1][0].row_span == 9);
  CHECK(p.table.rows[10][0].row_span == 11);
  CHECK_FALSE(p.table.rows[10][1].covered);  // 二级4 over rows 9–10, cut: repeated on row 10
  CHECK(p.table.rows[10][1].text == "二级4");
  CHECK(p.table.rows[9][1].row_span == 1);
  for (size_t r = 1; r <= 8; ++r) CHECK(p.keep_with_next[r]);
  CHECK_FALSE(p.keep_with_next[9]);  // the page breaks between the pieces
  for (size_t r = 1; r <= 21; ++r) CHECK(p.page_before[r] == (r == 10));
}

TEST_CASE("pagination: a closing 合计 row keeps with the two rows before it") {
  doc::Table t;
  t.rows.push_back({doc::Cell{"项目"}, doc::Cell{"金额"}});
  for (int i = 0; i < 30; ++i) t.rows.push_back({doc::Cell{"明细"}, doc::Cell{"1.00"}});
  t.rows.push_back({doc::Cell{"合计"}, doc::Cell{"30.00"}});
  PagedTable p = Paginate(t, std::vector<int>(t.rows.size(), 600), 13958);
  CHECK(p.keep_with_next[29]);
  CHECK(p.keep_with_next[30]);
  CHECK_FALSE(p.keep_with_next[28]);
  CHECK_FALSE(p.keep_with_next[5]);
}

// Issue 22: the headline 得分表 (表3-1-1, five rows) split with one row on the next page.
TEST_CASE("pagination: a table of a few rows is kept whole; a long one is left to flow") {
  doc::Table t;
  t.rows.push_back({doc::Cell{"一级指标"}, doc::Cell{"得分"}});
  for (int i = 0; i < 4; ++i) t.rows.push_back({doc::Cell{"项目决策"}, doc::Cell{"14.25"}});
  t.rows.push_back({doc::Cell{"合计"}, doc::Cell{"89.65"}});
  PagedTable small = Paginate(t, std::vector<int>(t.rows.size(), 400), 13958);
  for (size_t r = 0; r + 1 < t.rows.size(); ++r) CHECK(small.keep_with_next[r]);
  CHECK_FALSE(small.keep_with_next.back());
  for (int i = 0; i < 10; ++i) t.rows.push_back({doc::Cell{"明细"}, doc::Cell{"1.00"}});
  PagedTable long_table = Paginate(t, std::vector<int>(t.rows.size(), 400), 13958);
  CHECK_FALSE(long_table.keep_with_next[2]);
}

TEST_CASE("pagination: a shared amount is never cut; kept whole only when it fits a page") {
  doc::Table fits = Grouped(1, 10, true), too_tall = Grouped(1, 20, true);
  fits.rows.push_back({doc::Cell{"合计"}, doc::Cell{""}, doc::Cell{"1.00"}});
  too_tall.rows.push_back({doc::Cell{"合计"}, doc::Cell{""}, doc::Cell{"1.00"}});
  PagedTable a = Paginate(fits, std::vector<int>(fits.rows.size(), 1000), 13958);
  for (size_t r = 1; r < 10; ++r) CHECK(a.keep_with_next[r]);
  CHECK(a.table.rows[2][2].covered);  // not cut
  PagedTable b = Paginate(too_tall, std::vector<int>(too_tall.rows.size(), 1000), 13958);
  for (size_t r = 1; r <= 18; ++r) CHECK_FALSE(b.keep_with_next[r]);  // 19, 20 keep with 合计
  for (size_t r = 2; r <= 20; ++r) CHECK(b.table.rows[r][2].covered);
}

TEST_CASE("pagination: an outline table keeps a bold parent row with its rows") {
  doc::Table t;
  t.rows.push_back({doc::Cell{"二级指标"}, doc::Cell{"三级指标"}, doc::Cell{"权重"}});
  doc::Cell parent{"B1 投入管理"}, weight{"7"};
  parent.bold = weight.bold = true;
  t.rows.push_back({parent, doc::Cell{""}, weight});
  for (int i = 0; i < 3; ++i) t.rows.push_back({doc::Cell{""}, doc::Cell{"B11"}, doc::Cell{"2"}});
  t.rows.push_back({parent, doc::Cell{""}, weight});
  // Rows enough that the table is not one of a few rows (those are kept whole).
  for (int i = 0; i < 6; ++i) t.rows.push_back({doc::Cell{""}, doc::Cell{"B21"}, doc::Cell{"2"}});
  PagedTable p = Paginate(t, std::vector<int>(t.rows.size(), 300), 13958);
  CHECK(p.keep_with_next[1]);
  CHECK(p.keep_with_next[2]);
  CHECK(p.keep_with_next[3]);
  CHECK_FALSE(p.keep_with_next[4]);
  CHECK(p.keep_with_next[5]);
}

}  // namespace jixiao::render
