#define BOOST_TEST_MODULE shaping
#include <boost/test/unit_test.hpp>

#include "core/diagnostics.h"
#include "paragraph/line_setter.h"
#include "shape/shaper.h"
#include "test_support.h"

using namespace broadsheet;
using broadsheet::testing::test_fonts;

namespace {
font::FontId termes(const std::string& style = "Regular") {
  return test_fonts().find("TeX Gyre Termes", style);
}
}  // namespace

BOOST_AUTO_TEST_CASE(kerned_pair_is_narrower_than_its_glyphs) {
  const auto pair = shape::shape_text(test_fonts(), termes(), 20, "AV");
  const auto a = shape::shape_text(test_fonts(), termes(), 20, "A");
  const auto v = shape::shape_text(test_fonts(), termes(), 20, "V");
  BOOST_TEST_MESSAGE("AV " << pair.width() << " vs A+V " << a.width() + v.width());
  BOOST_TEST(pair.width() < a.width() + v.width() - 0.5);
  const auto unkerned = shape::shape_text(test_fonts(), termes(), 20, "AV", {.kerning = false});
  BOOST_TEST(unkerned.width() == a.width() + v.width(), boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(fi_ligature_maps_back_to_two_characters) {
  const auto run = shape::shape_text(test_fonts(), termes(), 10, "fire");
  // "fi" is one glyph; its cluster covers two bytes.
  BOOST_TEST(run.glyphs.size() == 3u);
  double advance = 0;
  const GlyphRunItem item = paragraph::make_glyph_run(run, 0, 0, advance);
  BOOST_TEST(item.text == "fire");
  BOOST_REQUIRE(item.clusters.size() == 3u);
  BOOST_TEST(item.clusters[0].num_bytes == 2);
  BOOST_TEST(item.clusters[0].num_glyphs == 1);
  BOOST_TEST(item.clusters[1].num_bytes == 1);
  BOOST_TEST(advance == run.width(), boost::test_tools::tolerance(1e-9));
  // Cutting inside the ligature is unsafe, after it safe.
  BOOST_TEST(!run.safe_to_cut(1));
  BOOST_TEST(run.safe_to_cut(2));
  const auto no_liga = shape::shape_text(test_fonts(), termes(), 10, "fire", {.ligatures = false});
  BOOST_TEST(no_liga.glyphs.size() == 4u);
}

BOOST_AUTO_TEST_CASE(widths_scale_with_size_and_clusters_are_byte_offsets) {
  const auto small = shape::shape_text(test_fonts(), termes(), 10, "Brasília");
  const auto large = shape::shape_text(test_fonts(), termes(), 20, "Brasília");
  BOOST_TEST(large.width() == 2 * small.width(), boost::test_tools::tolerance(1e-9));
  // "í" (byte 4) is two bytes: the glyph after it has cluster 6, not 5.
  BOOST_REQUIRE(small.glyphs.size() == 8u);
  BOOST_TEST(small.glyphs[4].cluster == 4u);
  BOOST_TEST(small.glyphs[5].cluster == 6u);
  BOOST_TEST(small.width_of(0, 4) + small.width_of(4, 9) == small.width(),
             boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(font_registry_resolves_the_manifest_and_rejects_unknown_faces) {
  // Six faces of its own in fonts/, the rest pinned Noto fallback faces from the system.
  int own = 0;
  for (std::size_t i = 0; i < test_fonts().size(); ++i)
    own += test_fonts().font(static_cast<font::FontId>(i)).is_pinned_system_font() ? 0 : 1;
  BOOST_TEST(own == 6);
  const auto& bold = test_fonts().font(termes("Bold"));
  BOOST_TEST(bold.path().find("texgyretermes-bold.otf") != std::string::npos);
  BOOST_TEST(bold.units_per_em() == 1000u);
  BOOST_TEST(bold.metrics().cap_height > 0.6);
  BOOST_TEST(bold.metrics().cap_height < 0.75);
  BOOST_CHECK_THROW(test_fonts().find("TeX Gyre Termes", "Black"), InputError);
  BOOST_CHECK_THROW(font::FontRegistry::load("/nonexistent"), InputError);
}
