#pragma once
// What a plant would object to in a placed PDF ad: RGB colours or transparency (PDF/X-1a wants
// CMYK ads without it). Broadsheet places ads untouched; the print pass only drops the
// transparency group a form would otherwise carry for nothing, and render --print warns.
// Part of the print module.

#include <qpdf/QPDFObjectHandle.hh>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::print {

/// What a form XObject draws with.
struct FormColors {
  bool rgb = false;           ///< a DeviceRGB, CalRGB or ICC-based RGB colour, space or image
  bool transparency = false;  ///< a soft mask, opacity under 1, a blend mode, a nested group
};

/// Reads `form`'s content and the forms it draws (not `form`'s own /Group, which is what the
/// print pass may drop when nothing inside needs it).
FormColors inspect_form(QPDFObjectHandle form);

/// The problems of the PDF ad `bytes` (its first page): "RGB colours", "transparency"; none
/// for a CMYK ad without transparency. `name` names it in errors (std::runtime_error).
std::vector<std::string> pdf_ad_problems(std::string_view bytes, const std::string& name);

}  // namespace broadsheet::print
