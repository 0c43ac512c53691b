#pragma once
// Rewrites the colour operators of a content stream Cairo wrote: every DeviceRGB `rg`/`RG` (and
// DeviceGray `g`/`G`) becomes DeviceCMYK `k`/`K` with the inks the colour table gives it.

#include <qpdf/QPDFObjectHandle.hh>
#include <string>
#include <vector>

#include "print/color_table.h"

namespace broadsheet::print {

/// The ExtGState names the filter uses to switch overprint; the print pass adds them to each
/// page's resources: index 2 * stroke + fill (0 off, 1 on).
inline const char* const kOverprintStates[4] = {"/BSop00", "/BSop01", "/BSop10", "/BSop11"};

/// A qpdf token filter for one content stream. With `overprint_black`, 100 % black (text and
/// rules) overprints: a `gs` that sets /OP and /op precedes the colour whenever that changes,
/// with the state saved and restored by q and Q as the PDF's graphics state is.
class CmykColorFilter : public QPDFObjectHandle::TokenFilter {
 public:
  /// `where` names the stream in errors ("page 1").
  CmykColorFilter(const ColorTable& colors, bool overprint_black, std::string where);
  void handleToken(QPDFTokenizer::Token const& token) override;
  void handleEOF() override;

 private:
  struct Overprint {
    bool stroke = false, fill = false;
  };
  void flush();
  void rewrite_color(const std::string& op);
  void set_overprint(bool stroking, bool on);

  const ColorTable& colors_;
  bool overprint_black_;
  std::string where_;
  std::vector<QPDFTokenizer::Token> pending_;  ///< numbers (and spaces) since the last operator
  std::vector<double> operands_;
  Overprint overprint_;
  std::vector<Overprint> saved_;
};

/// "0.1216": at most four decimals, no trailing zeros.
std::string format_ink(double value);

}  // namespace broadsheet::print
