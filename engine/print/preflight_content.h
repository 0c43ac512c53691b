#pragma once
// Preflight's reading of content streams: colour operators and spaces, text colours, rule
// weights, images and transparency in the graphics state. Internal to engine/print/.

#include <qpdf/QPDFPageObjectHelper.hh>

#include "print/preflight.h"

namespace broadsheet::print::detail {

/// Scans page `number`'s content (and the forms it draws) into `findings`.
void scan_page_content(QPDFPageObjectHelper& page, int number, const PreflightOptions& options,
                       Findings& findings);

/// "DeviceRGB", "CalRGB", "ICC-based RGB", or empty when `space` is no RGB space.
std::string rgb_space_kind(QPDFObjectHandle space);

}  // namespace broadsheet::print::detail
