#pragma once
// A PDF's pages read back operator by operator with libqpdf: each drawing operator with the
// colour, line width and transformation in force, and the straight strokes (rules) a page draws
// in page space, for tests that check what was drawn rather than what the layout meant to draw.

#include <array>
#include <cmath>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <string>
#include <vector>

namespace broadsheet::testing {

struct OpenPdf {
  QPDF pdf;
  explicit OpenPdf(const std::string& path) { pdf.processFile(path.c_str()); }
  std::vector<QPDFPageObjectHelper> pages() { return QPDFPageDocumentHelper(pdf).getAllPages(); }
};

/// A transformation matrix [a b c d e f], as PDF's `cm` gives it.
using Matrix = std::array<double, 6>;

/// One drawing operation as the content stream says it, with the graphics state it runs in.
struct Op {
  std::string name;
  std::vector<double> operands;
  std::vector<double> fill, stroke;  ///< the current colour operands (k or K, rg or RG, ...)
  std::string fill_op = "g", stroke_op = "G";
  bool fill_overprint = false;
  double line_width = 1;
  Matrix ctm{1, 0, 0, 1, 0, 0};
};

/// Every operator of a page's content, with the state in force (q/Q saved and restored).
class OpRecorder : public QPDFObjectHandle::ParserCallbacks {
 public:
  explicit OpRecorder(QPDFObjectHandle resources) : resources_(resources) {}
  std::vector<Op> ops;
  void handleObject(QPDFObjectHandle object, size_t, size_t) override {
    if (!object.isOperator()) {
      if (object.isNumber()) operands_.push_back(object.getNumericValue());
      if (object.isName()) name_ = object.getName();
      return;
    }
    Op op = state_;
    op.name = object.getOperatorValue();
    op.operands = operands_;
    if (op.name == "q") saved_.push_back(state_);
    if (op.name == "Q" && !saved_.empty()) state_ = saved_.back(), saved_.pop_back();
    if (op.name == "k" || op.name == "rg" || op.name == "g") {
      state_.fill = operands_;
      state_.fill_op = op.name;
    }
    if (op.name == "K" || op.name == "RG" || op.name == "G") {
      state_.stroke = operands_;
      state_.stroke_op = op.name;
    }
    if (op.name == "w" && operands_.size() == 1) state_.line_width = operands_[0];
    if (op.name == "cm" && operands_.size() == 6) state_.ctm = multiply(operands_, state_.ctm);
    if (op.name == "gs") {
      QPDFObjectHandle state = resources_.getKey("/ExtGState").getKey(name_);
      if (state.hasKey("/op")) state_.fill_overprint = state.getKey("/op").getBoolValue();
    }
    ops.push_back(op);
    operands_.clear();
  }
  void handleEOF() override {}

 private:
  /// m × n, as PDF concatenates a new `cm` (m) onto the current matrix (n).
  static Matrix multiply(const std::vector<double>& m, const Matrix& n) {
    return {m[0] * n[0] + m[1] * n[2],        m[0] * n[1] + m[1] * n[3],
            m[2] * n[0] + m[3] * n[2],        m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]};
  }
  QPDFObjectHandle resources_;
  Op state_;
  std::vector<Op> saved_;
  std::vector<double> operands_;
  std::string name_;
};

inline std::vector<Op> page_ops(QPDFPageObjectHelper& page) {
  OpRecorder recorder(page.getAttribute("/Resources", false));
  page.parseContents(&recorder);
  return recorder.ops;
}

/// A straight stroke in page space, y measured down from the top of the page (as the layout
/// measures it), with its width and stroke colour.
struct Stroke {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0;
  std::vector<double> color;
};

/// The single-segment paths (`x y m x y l S`) a page strokes: rules. Curves, rectangles and
/// paths of several segments (frames, outlines) are not rules and are left out.
inline std::vector<Stroke> page_rules(QPDFPageObjectHelper& page) {
  const double height = page.getMediaBox().getArrayAsRectangle().ury;
  std::vector<Stroke> out;
  std::vector<const Op*> path;
  const std::vector<Op> ops = page_ops(page);
  for (const Op& op : ops) {
    if (op.name == "m" || op.name == "l") {
      if (op.name == "m") path.clear();
      path.push_back(&op);
      continue;
    }
    if (op.name == "S" && path.size() == 2 && path[0]->name == "m" && path[1]->name == "l" &&
        path[0]->operands.size() == 2 && path[1]->operands.size() == 2) {
      const Matrix& t = op.ctm;
      const auto x = [&](const Op* p) {
        return t[0] * p->operands[0] + t[2] * p->operands[1] + t[4];
      };
      const auto y = [&](const Op* p) {
        return t[1] * p->operands[0] + t[3] * p->operands[1] + t[5];
      };
      out.push_back({x(path[0]), height - y(path[0]), x(path[1]), height - y(path[1]),
                     op.line_width * std::sqrt(std::abs(t[0] * t[3] - t[1] * t[2])), op.stroke});
    }
    path.clear();
  }
  return out;
}

}  // namespace broadsheet::testing
