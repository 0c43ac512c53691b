#pragma once
// The page template model: everything a page design says, resolved once at load into fixed
// geometry (points, y down from the top of the trim). Code holds no page21 number: every value
// here comes from a template file (templates/*.toml, documented in templates/README.md).

#include <array>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.h"

namespace broadsheet::layout_template {

enum class Align { Justify, Left, Center, Right };

/// A face in the font manifest (fonts/fonts.toml).
struct FontRef {
  std::string family;  ///< "TeX Gyre Termes"
  std::string style;   ///< "Regular", "Italic", "Bold", "Bold Italic"
};

/// Justification ranges (InDesign's newspaper defaults unless a template says otherwise).
struct Justification {
  double word_space_min = 0.80;  ///< fraction of the font's space width
  double word_space_desired = 1.00;
  double word_space_max = 1.33;
  double letter_space_min = -0.02;  ///< fraction of the em, added after every glyph
  double letter_space_desired = 0.0;
  double letter_space_max = 0.02;
  /// Horizontal glyph scaling (fraction of the glyph's width); [1, 1, 1] is off, InDesign's
  /// default. Used after word and letter spacing have reached their limits.
  double glyph_scale_min = 1.0;
  double glyph_scale_desired = 1.0;
  double glyph_scale_max = 1.0;
  bool scales_glyphs() const { return glyph_scale_min != 1.0 || glyph_scale_max != 1.0; }
};

enum class TextDirection { Auto, LeftToRight, RightToLeft };

/// A named text style.
struct TextStyle {
  std::string name;
  FontRef font;
  double size = 10;     ///< pt
  double leading = 12;  ///< pt, baseline to baseline
  Align align = Align::Left;
  double first_line_indent = 0;  ///< em; not applied to a story's first paragraph
  bool hyphenate = false;
  bool hyphenate_capitalized = true;  ///< allow hyphens in capitalised words
  bool optical_margins = false;       ///< hanging punctuation
  bool uppercase = false;             ///< set in capitals (section flags)
  double tracking = 0;                ///< fixed letter spacing, em
  double space_before = 0;            ///< pt, display styles: extra space above the block
  double space_after = 0;             ///< pt, below the block
  Color color;
  Justification justification;
  /// OpenType features beyond the defaults, HarfBuzz syntax: "onum", "smcp", "-liga", "salt=2".
  std::vector<std::string> features;
  /// The paragraphs' base direction: "auto" (from the first strong character), "ltr", "rtl"
  /// (whole right-to-left stories: right-aligned ragged and last lines).
  TextDirection direction = TextDirection::Auto;
  int source_line = 0;  ///< where the style is defined (for messages)
  /// BCP 47 language of the style's text over the story's ("en" for an English kicker on a
  /// Chinese page); empty: the story's language.
  std::string language{};
};

struct Margins {
  double top = 0, bottom = 0, inside = 0, outside = 0;
};

/// Trim size, bleed and margins. On a right-hand page the inside margin is on the left.
struct PageGeometry {
  double width = 0, height = 0;  ///< trim, pt
  double bleed = 0;              ///< pt, used in print mode only
  Margins margins;
  bool right_hand = true;
};

/// Columns and baseline grid of the type area.
struct Grid {
  int columns = 1;
  double gutter = 0;          ///< pt
  double baseline = 12;       ///< pt, the pitch of the baseline grid
  double first_baseline = 0;  ///< pt below the top of the story area: the grid's first line
};

/// One column of the type area, left to right.
struct ColumnRegion {
  double x = 0;
  double width = 0;
};

/// Where a folio item sits across the band.
enum class FolioAnchor { Inside, Center, Outside };

/// A text in the folio band. `text` may hold fields filled from the story's source line or the
/// command line: {publication} {PUBLICATION} {weekday} {month} {day} {year} {page}.
struct FolioItem {
  std::string text;
  std::string style;  ///< a style name
  FolioAnchor anchor = FolioAnchor::Center;
  /// pt, moves the item from its anchor towards the centre; for the centre anchor, a positive
  /// offset moves it towards the outside edge (a negative one towards the inside).
  double offset = 0;
  std::optional<Color> background;  ///< a solid block behind the text (section flag)
  double padding = 0;               ///< pt, around the text inside the block
  int source_line = 0;
};

/// The band at the top of the type area.
struct Folio {
  double depth = 0;        ///< pt
  double rule_weight = 0;  ///< pt, full-width rule under the band; 0 = none
  Color rule_color;
  double gap_below = 0;  ///< pt between the rule and the top of the story area
  std::vector<FolioItem> items;
};

enum class SlotKind { Story, Advertisement, Picture };
/// The order a story's columns fill in: from the left, from the right, or (auto) from the
/// right for a right-to-left story.
enum class ColumnOrder { Auto, LeftToRight, RightToLeft };
enum class SlotPlace { Top, Below, Bottom };

/// A place for a story (or an ad, or a picture) on the page.
/// How pictures are placed in a slot (a picture or ad slot's file, or a story slot's pictures).
struct PictureOptions {
  std::string file;  ///< picture and ad slots: the file the template names (resolved); or none
  std::array<double, 2> focus{0.5, 0.5};      ///< the point kept in view, fractions from top left
  std::optional<std::array<double, 4>> crop;  ///< [left, top, right, bottom] fractions
  bool scale_to_fit = false;    ///< ads: scale an ad of another size to fit (else an error)
  std::string caption, credit;  ///< picture slots: the texts under the picture
  std::string caption_style = "caption";
  std::string credit_style = "credit";
  int columns = 0;   ///< story slots: columns the story's lead picture spans (0: all)
  double depth = 0;  ///< story slots: the lead picture's depth, pt (0: from its shape)
  double gap = 4;    ///< story slots: pt between an inset picture and the body lines beside it
};

struct Slot {
  std::string name;
  SlotKind kind = SlotKind::Story;
  int first_column = 1;  ///< 1-based, inclusive
  int last_column = 1;
  SlotPlace place = SlotPlace::Top;
  std::vector<std::string> below;  ///< for place = below: the slots it sits under
  double min_depth = 0;            ///< pt
  double max_depth = std::numeric_limits<double>::infinity();  ///< pt
  double depth = 0;  ///< pt, fixed depth (advertisements, pictures)
  // Story slots:
  std::string headline_style = "headline";
  std::string deck_style = "deck";
  std::string body_style = "body";
  std::string contact_style = "contact";
  std::string subhead_style = "subhead";    ///< optional: short unpunctuated lines in the body
  std::string jump_style = "jump";          ///< optional: "Continued on page N" / "From page M"
  std::string kicker_style = "kicker";      ///< optional: else the deck style
  std::string byline_style = "byline";      ///< optional: else the contact style
  std::string dateline_style = "dateline";  ///< optional: else the body style
  std::string drop_cap_style = "drop_cap";  ///< optional: else the headline style's face
  int drop_cap_lines = 0;                   ///< body lines a drop cap spans; 0: none
  int page = 1;                             ///< 1-based page of the template this slot is on
  std::string continued_in;                 ///< a story slot on a later page taking the overflow
  int continued_in_line = 0;                ///< where continued_in is set (for messages)
  double headline_min_size = 0;             ///< pt; 0 = the style's size, not fitted
  double headline_max_size = 0;
  int headline_max_lines = 2;
  int deck_max_lines = 3;
  // Advertisement and picture slots:
  std::string label;  ///< shown in previews
  int source_line = 0;
  PictureOptions picture;  ///< pictures: the slot's own, or a story's (template_pictures.h)
  ColumnOrder column_order = ColumnOrder::Auto;  ///< story slots: which column the story opens
};

enum class DecorationKind { Rule, Box, Block };

/// A keyline, a keyline box or a colour block: drawn in print, placed either on a slot's
/// rectangle as composed (`slot` set) or at a fixed place in the story area.
struct Decoration {
  DecorationKind kind = DecorationKind::Rule;
  int page = 1;
  std::string slot;          ///< place on this slot's rectangle; empty: fixed place
  bool bottom_edge = false;  ///< rules on a slot: along its foot instead of its head
  double offset = 0;         ///< pt: a rule moves this far out of the slot, a box grows by it
  int first_column = 1, last_column = 1;  ///< fixed place: the columns spanned
  double top = 0;                         ///< fixed place: pt below the top of the story area
  double height = 0;                      ///< fixed place: boxes and blocks
  double weight = 0.5;                    ///< rules and boxes, pt
  Color color;
  int source_line = 0;
};

/// What `render` makes by default: a preview PDF (RGB, as drawn) or the print-ready PDF.
enum class OutputMode { Preview, Print };

/// [print]: how the print-ready PDF is made (templates/README.md, "Print").
struct PrintOptions {
  OutputMode output = OutputMode::Preview;
  std::string icc_profile;       ///< CMYK output profile (resolved path); empty: ghostscript's
  std::string output_condition;  ///< the OutputIntent's identifier; empty: the profile's name
  double ink_limit = 2.4;        ///< total ink, 0..4 (240 %: newsprint)
  bool overprint_black = false;  ///< 100 % K text and rules overprint the inks below
  bool crop_marks = true;
  bool registration_marks = false;
  double marks_length = 0;  ///< pt; 0: the default (5 mm)
  double marks_offset = 0;  ///< pt from the trim; 0: the bleed plus 2 mm
  int source_line = 0;
  int jpeg_quality = 92;  ///< of photos re-encoded as CMYK JPEGs, 50..100
};

/// [fact_box]: the frame of a story's fact boxes (their text in the `fact_box_title`,
/// `fact_box` and `fact_box_source` styles).
struct FactBoxFrame {
  double weight = 0.75;       ///< pt, the box rule
  Color color;                ///< of the box rule
  double padding = 4;         ///< pt between the rule and the text, on every side
  std::optional<Color> tint;  ///< fills the box under its text; none: unfilled
};

/// A page template, loaded and resolved.
struct PageTemplate {
  std::string file;  ///< where it was loaded from
  std::string name;
  bool smart_quotes = false;  ///< straight quotes and apostrophes set as typographer's quotes
  PageGeometry page;
  Grid grid;
  std::map<std::string, TextStyle> styles;
  std::optional<Folio> folio;
  std::vector<Slot> slots;              ///< in fill order
  std::vector<Decoration> decorations;  ///< drawn blocks first (under the text), then lines
  double story_rule_weight = 0;         ///< pt, rule between stories
  Color story_rule_color;
  PrintOptions print;
  FactBoxFrame fact_box;  ///< [fact_box]

  // Resolved once at load:
  Rect type_area;                     ///< inside the margins
  Rect story_area;                    ///< the type area below the folio
  std::vector<ColumnRegion> columns;  ///< grid.columns entries

  /// The style named `name`; throws InputError naming the template file when absent.
  const TextStyle& style(const std::string& name) const;
  /// The slot named `name`, or nullptr.
  const Slot* find_slot(const std::string& name) const;
  /// The number of pages the template describes (the highest slot page).
  int page_count() const;
  /// True when some slot continues another: it is filled only by overflow, never in order.
  bool is_continuation(const std::string& slot_name) const;
};

/// Parses a TOML template. Lengths are numbers in points or strings with a unit ("16mm",
/// "0.75pt", "1in"); colours are "#RRGGBB". Unknown keys, wrong types and impossible values
/// (zero columns, margins wider than the page, a slot outside the grid) throw InputError with
/// the file, the key's line and the key's dotted name.
PageTemplate parse_template(const std::string& toml_text, const std::string& file_name);

/// Reads and parses a template file.
PageTemplate load_template(const std::string& path);

}  // namespace broadsheet::layout_template
