#pragma once
// Body lines of a rendered PDF, rebuilt from poppler's word boxes (`pdftotext -bbox-layout`, via
// pdf_words in test_support.h) the way a reader's eye finds them: body-size words, grouped into
// rows by their box bottom, rows into columns by the gutters between them. The definitions are
// those of the engine-neutral meter the project's typography targets were first measured with,
// so the figures agree with it; they live here so that the tests need nothing outside the
// repository.

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "test_support.h"
#include "text/unicode.h"

namespace broadsheet::testing {

/// One line of body text in one column, words left to right.
struct PdfLine {
  int page = 0;
  int column = 0;
  double y = 0;           ///< median box bottom of its words (a fixed offset from the baseline)
  double x0 = 0, x1 = 0;  ///< its first word's left and last word's right edge
  double left = 0, right = 0;  ///< its column's edges (the values most lines share)
  std::vector<std::string> words;
  std::vector<std::pair<double, double>> boxes;  ///< each word's x0, x1
  bool paragraph_final = false;                  ///< the next line is indented, or there is none
};

namespace pdf_lines_detail {

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/// Sorted values cut where neighbours are more than `tolerance` apart.
inline std::vector<std::vector<double>> clusters(std::vector<double> values, double tolerance) {
  std::sort(values.begin(), values.end());
  std::vector<std::vector<double>> groups;
  for (double v : values) {
    if (!groups.empty() && v - groups.back().back() <= tolerance) {
      groups.back().push_back(v);
    } else {
      groups.push_back({v});
    }
  }
  return groups;
}

/// The edge most lines share (0.3 pt clusters); a tie goes to the outermost cluster.
inline double common_edge(const std::vector<double>& values, bool left_edge) {
  const auto groups = clusters(values, 0.3);
  const std::vector<double>* best = &groups.front();
  for (const auto& g : groups) {
    const bool more = g.size() > best->size();
    const bool outer = g.size() == best->size() &&
                       (left_edge ? g.front() < best->front() : g.front() > best->front());
    if (more || outer) best = &g;
  }
  return median(*best);
}

/// The most common box height, counting each word by its characters, rounded to 0.1 pt.
inline double body_box_height(const std::vector<PdfWord>& words) {
  std::map<long, std::size_t> weight;
  for (const PdfWord& w : words) {
    weight[std::lround((w.y1 - w.y0) * 10)] += text::count_code_points(w.text);
  }
  const auto most =
      std::max_element(weight.begin(), weight.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
  return static_cast<double>(most->first) / 10;
}

/// Rows of one page's body words by box bottom (within a quarter of the box height of the
/// row's first word), without rows far (4 box heights) from every other row, such as a folio.
inline std::vector<std::vector<PdfWord>> rows_of(std::vector<PdfWord> words, double height) {
  std::stable_sort(words.begin(), words.end(),
                   [](const PdfWord& a, const PdfWord& b) { return a.y1 < b.y1; });
  std::vector<std::vector<PdfWord>> rows;
  for (const PdfWord& w : words) {
    if (!rows.empty() && w.y1 - rows.back().front().y1 <= 0.25 * height) {
      rows.back().push_back(w);
    } else {
      rows.push_back({w});
    }
  }
  std::vector<double> ys;
  for (const auto& row : rows) {
    std::vector<double> bottoms;
    for (const PdfWord& w : row) bottoms.push_back(w.y1);
    ys.push_back(median(bottoms));
  }
  std::vector<std::vector<PdfWord>> kept;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t j = 0; j < rows.size(); ++j) {
      if (j != i && std::abs(ys[j] - ys[i]) <= 4 * height) {
        kept.push_back(rows[i]);
        break;
      }
    }
  }
  return kept;
}

/// Column extents: the union of the words' x extents, cut at gaps wider than 0.6 em; a piece
/// narrower than 4 em is not a column of its own.
inline std::vector<std::pair<double, double>> columns_of(
    const std::vector<std::vector<PdfWord>>& rows, double size) {
  std::vector<std::pair<double, double>> spans;
  for (const auto& row : rows)
    for (const PdfWord& w : row) spans.emplace_back(w.x0, w.x1);
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<double, double>> segments;
  for (const auto& [a, b] : spans) {
    if (!segments.empty() && a - segments.back().second <= 0.6 * size) {
      segments.back().second = std::max(segments.back().second, b);
    } else {
      segments.emplace_back(a, b);
    }
  }
  std::vector<std::pair<double, double>> columns;
  for (const auto& s : segments) {
    const bool narrow =
        s.second - s.first < 4 * size ||
        (!columns.empty() && columns.back().second - columns.back().first < 4 * size);
    if (!columns.empty() && narrow) {
      columns.back().second = std::max(columns.back().second, s.second);
    } else {
      columns.push_back(s);
    }
  }
  return columns;
}

inline double row_y(const std::vector<PdfWord>& row) {
  std::vector<double> bottoms;
  for (const PdfWord& w : row) bottoms.push_back(w.y1);
  return median(bottoms);
}

/// The lines of one column of one page, top to bottom, with the column's edges.
inline std::vector<PdfLine> column_lines(const std::vector<std::vector<PdfWord>>& rows, int page,
                                         int column, std::pair<double, double> extent) {
  std::vector<PdfLine> lines;
  for (const auto& row : rows) {
    std::vector<PdfWord> in_column;
    for (const PdfWord& w : row) {
      const double centre = (w.x0 + w.x1) / 2;
      if (centre >= extent.first && centre <= extent.second) in_column.push_back(w);
    }
    if (in_column.empty()) continue;
    std::stable_sort(in_column.begin(), in_column.end(),
                     [](const PdfWord& a, const PdfWord& b) { return a.x0 < b.x0; });
    PdfLine line;
    line.page = page;
    line.column = column;
    line.y = row_y(row);
    line.x0 = in_column.front().x0;
    line.x1 = in_column.back().x1;
    for (const PdfWord& w : in_column) {
      line.words.push_back(w.text);
      line.boxes.emplace_back(w.x0, w.x1);
    }
    lines.push_back(std::move(line));
  }
  std::vector<double> starts, ends;
  for (const PdfLine& l : lines) {
    starts.push_back(l.x0);
    ends.push_back(l.x1);
  }
  const double left = common_edge(starts, true), right = common_edge(ends, false);
  for (PdfLine& l : lines) {
    l.left = left;
    l.right = right;
  }
  return lines;
}

}  // namespace pdf_lines_detail

/// The body lines of `words` in reading order (page by page, columns left to right, lines top
/// to bottom). Body words are those whose box height is within 4 % of the most common one;
/// `body_size` (pt) sets the gutter and indent thresholds.
inline std::vector<PdfLine> pdf_body_lines(const std::vector<PdfWord>& words, double body_size) {
  namespace d = pdf_lines_detail;
  if (words.empty()) return {};
  const double height = d::body_box_height(words);
  std::map<int, std::vector<PdfWord>> pages;
  for (const PdfWord& w : words) {
    if (std::abs((w.y1 - w.y0) - height) <= 0.04 * height) pages[w.page].push_back(w);
  }
  std::vector<PdfLine> lines;
  for (const auto& [page, page_words] : pages) {
    const auto rows = d::rows_of(page_words, height);
    if (rows.empty()) continue;
    const auto columns = d::columns_of(rows, body_size);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      auto column = d::column_lines(rows, page, static_cast<int>(c), columns[c]);
      lines.insert(lines.end(), column.begin(), column.end());
    }
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    lines[i].paragraph_final =
        i + 1 == lines.size() || lines[i + 1].x0 - lines[i + 1].left > 0.3 * body_size;
  }
  return lines;
}

}  // namespace broadsheet::testing
