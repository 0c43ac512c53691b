#pragma once
// The display list: what a page draws, in page coordinates (points, y down). Composition fills
// it; every surface (PDF, PNG) is drawn from it by one routine in render/.

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/geometry.h"
#include "core/placed_image.h"

namespace broadsheet {

struct PositionedGlyph {
  std::uint32_t id = 0;
  double x = 0, y = 0;  ///< the glyph origin on the page
};

/// How many bytes of text map to how many glyphs (Cairo's cairo_text_cluster_t).
struct TextCluster {
  int num_bytes = 0;
  int num_glyphs = 0;
};

/// Glyphs of one font and size, with the text they stand for (for the PDF's text layer).
struct GlyphRunItem {
  int font = 0;  ///< a font::FontId
  double size = 0;
  double x_scale = 1;  ///< horizontal glyph scaling (justification); positions already include it
  Color color;
  std::vector<PositionedGlyph> glyphs;
  std::string text;
  std::vector<TextCluster> clusters;  ///< in glyph order; sums to text.size() / glyphs.size()
  /// Right-to-left: the glyphs are in visual order, the text in logical order, and the clusters
  /// map the text to the glyphs from the last glyph back (Cairo's BACKWARD cluster flag).
  bool backward = false;
  /// Tagged PDF: the structure element this run belongs to ("H1" headline, "H2" subheads, "P"
  /// kicker, deck, byline and paragraphs, "Caption", "BlockQuote" pull quotes, "Div" fact boxes;
  /// empty: untagged, as folio and jump lines). Runs with the same tag, element and story
  /// form one element; a story's elements are wrapped in an "Art" element. Runs are drawn in
  /// reading order, so elements come out in it.
  std::string tag;
  int element = -1;  ///< e.g. the paragraph's index in its story
  int story = -1;    ///< the story's index on the page
};

struct FillRectItem {
  Rect rect;
  Color color;
};

struct StrokeRectItem {
  Rect rect;
  double weight = 0.5;
  Color color;
  bool dashed = false;
};

struct LineItem {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double weight = 0.5;
  Color color;
};

/// A picture or an advertisement: `image` with its top-left corner at (x, y), scaled by
/// `scale` (points per pixel; per point for a PDF), clipped to `frame`.
struct ImageItem {
  Rect frame;
  double x = 0, y = 0;
  double scale = 1;
  PlacedImagePtr image;
  std::string alt;  ///< tagged PDF: the Figure's alternate text (the caption); empty: an artifact
};

/// Print items go to every output; preview items (placeholders, guides, overset marks) only to
/// previews.
enum class Layer : unsigned char { Print, Preview };

struct DisplayItem {
  std::variant<GlyphRunItem, FillRectItem, StrokeRectItem, LineItem, ImageItem> shape;
  Layer layer = Layer::Print;
};

struct DisplayPage {
  double width = 0, height = 0;  ///< trim size, pt
  std::vector<DisplayItem> items;

  /// Appends a shape. (Built in place: GCC 12 warns falsely when a temporary variant is copied.)
  template <class Shape>
  void add(Shape shape, Layer layer = Layer::Print) {
    DisplayItem& item = items.emplace_back();
    item.shape.template emplace<Shape>(std::move(shape));
    item.layer = layer;
  }
};

struct DisplayList {
  std::string title;
  std::vector<DisplayPage> pages;
};

}  // namespace broadsheet
