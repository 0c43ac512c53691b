#pragma once
// Drawing pictures and advertisements with Cairo. A JPEG goes to a PDF as its own bytes (Cairo's
// JPEG MIME data): nothing is re-encoded. A PNG is decoded and drawn. A PDF advertisement is
// drawn by poppler (in the print module) on raster surfaces (the PNG preview); on a PDF surface it is left out, for
// place_pdf_ads (render/pdf_ads.h) to put in as vectors.

#include <cairo.h>

#include "core/display_list.h"

namespace broadsheet::render {

/// Draws `item` clipped to its frame. `vector_pdf`: the surface is a PDF (skip PDF ads).
void draw_image(cairo_t* cr, const ImageItem& item, bool vector_pdf);

}  // namespace broadsheet::render
