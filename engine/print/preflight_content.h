#pragma once
// Preflight's reading of content streams: colour operators and spaces, text colours, rule
// weights, images and transparency in the graphics state. Internal to engine/print/.

#include <qpdf/QPDFPageObjectHelper.hh>
#include <string>
#include <vector>

#include "print/preflight.h"

namespace broadsheet::print::detail {

/// A content stream read operator by operator: collects each operator's operands and hands the
/// operator to on_operator; resource() looks a named resource up in the stream's resources.
class OperatorScanner : public QPDFObjectHandle::ParserCallbacks {
 public:
  explicit OperatorScanner(QPDFObjectHandle resources) : resources_(std::move(resources)) {}

  void handleObject(QPDFObjectHandle object, size_t, size_t) override {
    if (!object.isOperator()) {
      operands_.push_back(object);
      return;
    }
    on_operator(object.getOperatorValue());
    operands_.clear();
  }
  void handleEOF() override {}

 protected:
  virtual void on_operator(const std::string& op) = 0;
  /// Resource `name` of kind `kind` ("/XObject", "/ColorSpace", ...); null when there is none.
  QPDFObjectHandle resource(const char* kind, QPDFObjectHandle name) {
    if (!name.isName() || !resources_.isDictionary()) return QPDFObjectHandle::newNull();
    QPDFObjectHandle group = resources_.getKey(kind);
    return group.isDictionary() ? group.getKey(name.getName()) : QPDFObjectHandle::newNull();
  }

  QPDFObjectHandle resources_;
  std::vector<QPDFObjectHandle> operands_;
};

/// Scans page `number`'s content (and the forms it draws) into `findings`.
void scan_page_content(QPDFPageObjectHelper& page, int number, const PreflightOptions& options,
                       Findings& findings);

/// "DeviceRGB", "CalRGB", "ICC-based RGB", or empty when `space` is no RGB space.
std::string rgb_space_kind(QPDFObjectHandle space);

}  // namespace broadsheet::print::detail
