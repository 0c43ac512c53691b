#pragma once
// PDF advertisements placed as vectors: after Cairo has drawn a page, each PDF ad's first page
// becomes a form XObject (qpdf) drawn at its frame, clipped to it. Nothing in the ad is
// rasterised or converted: its colours, fonts and text stay as the ad's maker wrote them.

#include <string>
#include <string_view>

#include "core/display_list.h"

namespace broadsheet::render {

/// True when some page of `display` has a PDF ad (an ImageItem of a PDF) on its print layer.
bool has_pdf_ads(const DisplayList& display);

/// `pdf` (drawn from `display` by Cairo, pages in the same order and size) with every PDF ad
/// of `display` added on top of its page. The same inputs give the same bytes.
std::string place_pdf_ads(std::string_view pdf, const DisplayList& display);

}  // namespace broadsheet::render
