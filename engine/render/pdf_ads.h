#pragma once
// PDF advertisements placed as vectors: after Cairo has drawn a page, each PDF ad's first page
// becomes a form XObject (qpdf) drawn at its frame, clipped to it. Nothing in the ad is
// rasterised or converted: its colours, fonts and text stay as the ad's maker wrote them.
// place_pdf_ads() and draw_pdf_ad_page() are part of the print module (print/pdf_parts.h): the
// engine calls them through print::pdf_parts(), only for pages with PDF ads.

#include <cairo.h>

#include <string>
#include <string_view>
#include <variant>

#include "core/display_list.h"

namespace broadsheet::render {

/// The PDF ad (an ImageItem of a PDF on the print layer) that `item` is, or nullptr.
inline const ImageItem* pdf_ad(const DisplayItem& item) {
  const auto* image = std::get_if<ImageItem>(&item.shape);
  if (image == nullptr || item.layer != Layer::Print) return nullptr;
  return image->image->format == ImageFormat::Pdf ? image : nullptr;
}

/// True when some page of `display` has a PDF ad on its print layer.
inline bool has_pdf_ads(const DisplayList& display) {
  for (const DisplayPage& page : display.pages)
    for (const DisplayItem& item : page.items)
      if (pdf_ad(item)) return true;
  return false;
}

/// `pdf` (drawn from `display` by Cairo, pages in the same order and size) with every PDF ad
/// of `display` added on top of its page. The same inputs give the same bytes.
std::string place_pdf_ads(std::string_view pdf, const DisplayList& display);

/// Poppler draws the first page of the PDF `image` on `cr`, its trim box's top left at the
/// origin, in points (raster surfaces: the PNG preview).
void draw_pdf_ad_page(cairo_t* cr, const PlacedImage& image);

}  // namespace broadsheet::render
