#include "print/pdf_ad_check.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <stdexcept>

#include "print/preflight_content.h"

namespace broadsheet::print {

namespace {

using Object = QPDFObjectHandle;

constexpr int kDeepestForm = 8;

bool is_rgb(Object space) {
  return !detail::rgb_space_kind(space).empty();
}

bool is_transparency_group(Object dict) {
  Object group = dict.getKey("/Group");
  return group.isDictionary() && group.getKey("/S").isName() &&
         group.getKey("/S").getName() == "/Transparency";
}

bool is_transparent_state(Object state) {
  if (!state.isDictionary()) return false;
  Object mask = state.getKey("/SMask");
  if (!mask.isNull() && !(mask.isName() && mask.getName() == "/None")) return true;
  for (const char* key : {"/CA", "/ca"}) {
    Object alpha = state.getKey(key);
    if (alpha.isNumber() && alpha.getNumericValue() < 1) return true;
  }
  Object blend = state.getKey("/BM");
  return blend.isName() && blend.getName() != "/Normal" && blend.getName() != "/Compatible";
}

/// Reads one content stream with its resources, following the forms it draws.
class FormScanner : public detail::OperatorScanner {
 public:
  FormScanner(Object resources, FormColors& found, int depth)
      : detail::OperatorScanner(std::move(resources)), found_(found), depth_(depth) {}

 private:
  /// The resource of `kind` the last operand names.
  Object resource(const char* kind) {
    return operands_.empty() ? Object::newNull()
                             : OperatorScanner::resource(kind, operands_.back());
  }

  void on_operator(const std::string& op) override {
    if (op == "rg" || op == "RG") found_.rgb = true;
    if ((op == "cs" || op == "CS") && !operands_.empty())
      found_.rgb = found_.rgb || is_rgb(operands_.back()) || is_rgb(resource("/ColorSpace"));
    if (op == "gs" && is_transparent_state(resource("/ExtGState"))) found_.transparency = true;
    if (op == "sh") {
      Object shading = resource("/Shading");
      if (shading.isDictionary() || shading.isStream()) {
        Object dict = shading.isStream() ? shading.getDict() : shading;
        found_.rgb = found_.rgb || is_rgb(dict.getKey("/ColorSpace"));
      }
    }
    if (op == "Do") draw(resource("/XObject"));
  }

  void draw(Object xobject) {
    if (!xobject.isStream()) return;
    Object dict = xobject.getDict();
    Object subtype = dict.getKey("/Subtype");
    if (subtype.isName() && subtype.getName() == "/Image") {
      found_.rgb = found_.rgb || is_rgb(dict.getKey("/ColorSpace"));
      if (!dict.getKey("/SMask").isNull() || dict.getKey("/SMaskInData").isNumber())
        found_.transparency = true;
      return;
    }
    if (!subtype.isName() || subtype.getName() != "/Form" || depth_ >= kDeepestForm) return;
    if (is_transparency_group(dict)) found_.transparency = true;
    Object own = dict.getKey("/Resources");
    FormScanner inner(own.isDictionary() ? own : resources_, found_, depth_ + 1);
    xobject.parseAsContents(&inner);
  }

  FormColors& found_;
  int depth_;
};

}  // namespace

FormColors inspect_form(Object form) {
  FormColors found;
  if (!form.isStream()) return found;
  FormScanner scanner(form.getDict().getKey("/Resources"), found, 0);
  form.parseAsContents(&scanner);
  return found;
}

std::vector<std::string> pdf_ad_problems(std::string_view bytes, const std::string& name) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  pdf.processMemoryFile(name.c_str(), bytes.data(), bytes.size());
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  if (pages.empty()) throw std::runtime_error(name + ": the PDF has no pages");
  const FormColors colors = inspect_form(pages.front().getFormXObjectForPage(false));
  std::vector<std::string> problems;
  if (colors.rgb) problems.emplace_back("RGB colours");
  if (colors.transparency) problems.emplace_back("transparency");
  return problems;
}

}  // namespace broadsheet::print
