#include "print/preflight_content.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace broadsheet::print::detail {

namespace {

using Object = QPDFObjectHandle;

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  /// This matrix applied after `inner` (PDF's `cm`: new CTM = inner × CTM).
  Matrix after(const Matrix& m) const {
    return {m.a * a + m.b * c, m.a * b + m.b * d,     m.c * a + m.d * c,
            m.c * b + m.d * d, m.e * a + m.f * c + e, m.e * b + m.f * d + f};
  }
  double scale() const { return std::sqrt(std::abs(a * d - b * c)); }
};

enum class Space { Gray, Rgb, Cmyk, Other };

struct Paint {
  Space space = Space::Gray;
  std::vector<double> values{0};
};

struct GraphicsState {
  Matrix ctm;
  double line_width = 1;
  Paint fill, stroke;
};

std::string numbers(const std::vector<double>& values) {
  std::string text;
  for (double v : values) {
    char part[32];
    std::snprintf(part, sizeof part, "%s%g", text.empty() ? "" : " ", v);
    text += part;
  }
  return text;
}

std::vector<double> operand_numbers(std::vector<Object> operands) {
  std::vector<double> values;
  for (Object o : operands)
    if (o.isNumber()) values.push_back(o.getNumericValue());
  return values;
}

Matrix matrix_of(const std::vector<double>& v) {
  return v.size() == 6 ? Matrix{v[0], v[1], v[2], v[3], v[4], v[5]} : Matrix{};
}

/// Reads one content stream (a page's, or a form's) with the resources it draws with.
class ContentScanner : public OperatorScanner {
 public:
  ContentScanner(std::string where, Object resources, GraphicsState start,
                 const PreflightOptions& options, Findings& findings, int depth)
      : OperatorScanner(std::move(resources)),
        where_(std::move(where)),
        state_(std::move(start)),
        options_(options),
        findings_(findings),
        depth_(depth) {}

 private:
  void on_operator(const std::string& op) override;
  void set_color(const std::string& op, Space space);
  void set_space(const std::string& op);
  void check_text();
  void check_stroke();
  void check_state();
  void draw_xobject();

  std::string where_;
  GraphicsState state_;
  std::vector<GraphicsState> saved_;
  const PreflightOptions& options_;
  Findings& findings_;
  int depth_;
};

void ContentScanner::on_operator(const std::string& op) {
  if (op == "q")
    saved_.push_back(state_);
  else if (op == "Q" && !saved_.empty())
    state_ = saved_.back(), saved_.pop_back();
  else if (op == "cm")
    state_.ctm = state_.ctm.after(matrix_of(operand_numbers(operands_)));
  else if (op == "w" && !operands_.empty() && operands_[0].isNumber())
    state_.line_width = operands_[0].getNumericValue();
  else if (op == "rg" || op == "RG")
    set_color(op, Space::Rgb);
  else if (op == "k" || op == "K")
    set_color(op, Space::Cmyk);
  else if (op == "g" || op == "G")
    set_color(op, Space::Gray);
  else if (op == "cs" || op == "CS")
    set_space(op);
  else if (op == "sc" || op == "scn")
    state_.fill.values = operand_numbers(operands_);
  else if (op == "SC" || op == "SCN")
    state_.stroke.values = operand_numbers(operands_);
  else if (op == "Tj" || op == "TJ" || op == "'" || op == "\"")
    check_text();
  else if (op == "S" || op == "s" || op == "B" || op == "B*" || op == "b" || op == "b*")
    check_stroke();
  else if (op == "gs")
    check_state();
  else if (op == "Do")
    draw_xobject();
  else if (op == "BI" || op == "ID" || op == "EI")
    findings_.add(where_ + ": inline image (colour space not checked)");
}

void ContentScanner::set_color(const std::string& op, Space space) {
  const bool stroking = std::isupper(static_cast<unsigned char>(op[0])) != 0;
  Paint& paint = stroking ? state_.stroke : state_.fill;
  paint = {space, operand_numbers(operands_)};
  if (space == Space::Rgb)
    findings_.add(where_ + ": DeviceRGB " + (stroking ? "stroke" : "fill") + " colour " +
                  numbers(paint.values) + " " + op);
}

void ContentScanner::set_space(const std::string& op) {
  const bool stroking = op == "CS";
  Paint& paint = stroking ? state_.stroke : state_.fill;
  paint.space = Space::Other;
  if (operands_.empty() || !operands_[0].isName()) return;
  const std::string name = operands_[0].getName();
  Object space = operands_[0];
  if (name != "/DeviceRGB" && name != "/DeviceCMYK" && name != "/DeviceGray" && name != "/Pattern")
    space = resource("/ColorSpace", operands_[0]);
  if (name == "/DeviceCMYK") paint.space = Space::Cmyk;
  if (name == "/DeviceGray") paint.space = Space::Gray;
  const std::string kind = rgb_space_kind(space);
  if (kind.empty()) return;
  paint.space = Space::Rgb;
  findings_.add(where_ + ": " + kind + " colour space " + name + " (" + op + ")");
}

void ContentScanner::check_text() {
  const Paint& fill = state_.fill;
  const auto& v = fill.values;
  if (fill.space == Space::Rgb && v.size() == 3 && v[0] < 0.15 && v[1] < 0.15 && v[2] < 0.15)
    findings_.add(where_ + ": black text in RGB " + numbers(v) +
                  ": it separates into four inks (rich black)");
  if (fill.space == Space::Cmyk && v.size() == 4 && v[3] >= 0.8 && v[0] + v[1] + v[2] > 0.01)
    findings_.add(where_ + ": rich black text cmyk " + numbers(v) + " (body text wants K only)");
}

void ContentScanner::check_stroke() {
  const double weight = state_.line_width * state_.ctm.scale();
  if (weight < options_.thinnest_rule - 1e-6) {
    char text[64];
    std::snprintf(text, sizeof text, "%.3g pt", weight);
    findings_.add(where_ + ": rule thinner than " + numbers({options_.thinnest_rule}) + " pt (" +
                  text + ")");
  }
}

void ContentScanner::check_state() {
  if (operands_.empty()) return;
  Object state = resource("/ExtGState", operands_[0]);
  if (!state.isDictionary()) return;
  const std::string name = operands_[0].getName();
  Object mask = state.getKey("/SMask");
  if (!mask.isNull() && !(mask.isName() && mask.getName() == "/None"))
    findings_.add(where_ + ": transparency: soft mask in graphics state " + name);
  for (const char* key : {"/CA", "/ca"}) {
    Object alpha = state.getKey(key);
    if (alpha.isNumber() && alpha.getNumericValue() < 1)
      findings_.add(where_ + ": transparency: opacity " + numbers({alpha.getNumericValue()}) +
                    " in graphics state " + name);
  }
  Object blend = state.getKey("/BM");
  if (blend.isName() && blend.getName() != "/Normal" && blend.getName() != "/Compatible")
    findings_.add(where_ + ": transparency: blend mode " + blend.getName());
}

void ContentScanner::draw_xobject() {
  if (operands_.empty()) return;
  Object xobject = resource("/XObject", operands_[0]);
  if (!xobject.isStream()) return;
  Object dict = xobject.getDict();
  const std::string name = operands_[0].getName();
  Object subtype = dict.getKey("/Subtype");
  if (subtype.isName() && subtype.getName() == "/Image") {
    const std::string kind = rgb_space_kind(dict.getKey("/ColorSpace"));
    if (!kind.empty()) findings_.add(where_ + ": " + kind + " image " + name);
    if (!dict.getKey("/SMask").isNull())
      findings_.add(where_ + ": transparency: image " + name + " has a soft mask");
    const Matrix& m = state_.ctm;
    const double width_in = std::hypot(m.a, m.b) / 72, height_in = std::hypot(m.c, m.d) / 72;
    Object w = dict.getKey("/Width"), h = dict.getKey("/Height");
    if (w.isNumber() && h.isNumber() && width_in > 0 && height_in > 0) {
      const double ppi = std::min(w.getNumericValue() / width_in, h.getNumericValue() / height_in);
      if (ppi < options_.lowest_image_ppi)
        findings_.add(where_ + ": image " + name + " is " + numbers({std::round(ppi)}) +
                      " ppi at its placed size (under " + numbers({options_.lowest_image_ppi}) +
                      ")");
    }
    return;
  }
  if (!subtype.isName() || subtype.getName() != "/Form" || depth_ > 8) return;
  Object group = dict.getKey("/Group");
  if (group.isDictionary() && group.getKey("/S").isName() &&
      group.getKey("/S").getName() == "/Transparency")
    findings_.add(where_ + ": transparency group in form " + name);
  GraphicsState inner = state_;
  Object matrix = dict.getKey("/Matrix");
  if (matrix.isArray()) {
    std::vector<double> values;
    for (Object v : matrix.getArrayAsVector())
      if (v.isNumber()) values.push_back(v.getNumericValue());
    inner.ctm = inner.ctm.after(matrix_of(values));
  }
  Object own = dict.getKey("/Resources");
  ContentScanner form(where_, own.isDictionary() ? own : resources_, inner, options_, findings_,
                      depth_ + 1);
  xobject.parseAsContents(&form);
}

}  // namespace

std::string rgb_space_kind(QPDFObjectHandle space) {
  if (space.isName()) {
    if (space.getName() == "/DeviceRGB" || space.getName() == "/RGB") return "DeviceRGB";
    if (space.getName() == "/CalRGB") return "CalRGB";
    return {};
  }
  if (!space.isArray() || space.getArrayNItems() < 2) return {};
  Object family = space.getArrayItem(0);
  if (!family.isName()) return {};
  if (family.getName() == "/CalRGB") return "CalRGB";
  if (family.getName() == "/Indexed") return rgb_space_kind(space.getArrayItem(1));
  if (family.getName() == "/ICCBased") {
    Object profile = space.getArrayItem(1);
    if (profile.isStream() && profile.getDict().getKey("/N").isInteger() &&
        profile.getDict().getKey("/N").getIntValue() == 3)
      return "ICC-based RGB";
  }
  return {};
}

void scan_page_content(QPDFPageObjectHelper& page, int number, const PreflightOptions& options,
                       Findings& findings) {
  ContentScanner scanner("page " + std::to_string(number), page.getAttribute("/Resources", false),
                         {}, options, findings, 0);
  page.parseContents(&scanner);
}

}  // namespace broadsheet::print::detail
