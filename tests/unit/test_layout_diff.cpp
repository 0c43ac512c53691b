// Layout dump diffs on small hand-made dumps: re-broken, moved, added and removed lines, slot
// changes, and the errors for files that are not dumps.
#define BOOST_TEST_MODULE layout_diff
#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "diff/layout_diff.h"

using namespace broadsheet;
using namespace broadsheet::diff;

namespace {

struct Line {
  int paragraph;
  int line;
  std::string text;
  double baseline;
  double left = 56.69;
  std::string role = "body";
  double width = 154.72;
  double ratio = 0.5;
  bool hyphenated = false;
  double glyph_scale = 1;  // written only when not 1, as the dump does
};

std::string number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string line_record(const Line& l) {
  return R"({"page":1,"slot":"lead","role":")" + l.role + R"(","style":")" +
         (l.role == "folio" ? std::string("flag") : l.role) + R"(","paragraph":)" +
         std::to_string(l.paragraph) + R"(,"line":)" + std::to_string(l.line) +
         R"(,"column":0,"text":")" + l.text + R"(","left":)" + std::to_string(l.left) +
         R"(,"baseline":)" + std::to_string(l.baseline) + R"(,"width":)" + number(l.width) +
         R"(,"measure":154.72,"ratio":)" + number(l.ratio) +
         (l.glyph_scale != 1 ? R"(,"glyph_scale":)" + number(l.glyph_scale) : std::string()) +
         R"(,"size":9.5,"hyphenated":)" + (l.hyphenated ? "true" : "false") +
         R"(,"justified":true})";
}

/// A one-slot dump in the real format, one record per line.
std::string dump(const std::vector<Line>& lines, double depth = 301.2,
                 const std::string& per_column = "[3]") {
  std::string s = "{\n  \"format\": \"broadsheet-layout/1\",\n";
  s += "  \"pages\": [\n    {\"page\":1,\"width\":1105.51,\"height\":1544.88}\n  ],\n";
  s += "  \"grid\": {\"origin\":96.04,\"pitch\":11.0},\n";
  s += R"(  "slots": [
    {"page":1,"slot":"lead","story":"a.txt","columns":[1,4],"top":85.04,"depth":)" +
       std::to_string(depth) +
       R"(,"headline_size":52.0,"headline_lines":1,"deck_lines":0,"lines_per_column":)" +
       per_column + R"(,"overset_lines":0,"overset_text":[]}
  ],
)";
  s += "  \"lines\": [";
  for (std::size_t i = 0; i < lines.size(); ++i)
    s += (i ? ",\n    " : "\n    ") + line_record(lines[i]);
  return s + "\n  ]\n}\n";
}

const std::vector<Line> kBefore = {
    {-1, 0, "BUSINESS", 64.98, 63.78, "folio"},
    {2, 0, "Medvedev's meeting", 272.04},
    {2, 1, "with Ma and several", 283.04},
    {2, 2, "tech entrepreneurs", 294.04},
};

LayoutDiff diff_texts(const std::vector<Line>& before, const std::vector<Line>& after) {
  return diff_layouts(parse_layout_dump(dump(before), "a.json"),
                      parse_layout_dump(dump(after), "b.json"));
}

}  // namespace

BOOST_AUTO_TEST_CASE(identical_dumps_have_no_changes) {
  const LayoutDiff d = diff_texts(kBefore, kBefore);
  BOOST_TEST(d.empty());
}

BOOST_AUTO_TEST_CASE(a_rebroken_line_shows_old_and_new_text) {
  std::vector<Line> after = kBefore;
  after[2].text = "with Ma, and";
  const LayoutDiff d = diff_texts(kBefore, after);
  BOOST_TEST_REQUIRE(d.lines.size() == 1u);
  BOOST_TEST(d.slots.empty());
  BOOST_TEST(static_cast<int>(d.lines[0].kind) == static_cast<int>(LineChangeKind::Rebroken));
  BOOST_TEST(describe(d.lines[0]) ==
             "lead \u00b63 line 2: \"with Ma and several\" \u2192 \"with Ma, and\"");
}

BOOST_AUTO_TEST_CASE(a_moved_line_shows_what_moved) {
  std::vector<Line> after = kBefore;
  after[3].baseline = 305.04;
  after[3].left = 224.17;
  after[2].baseline = 283.045;  // within the 0.01 rounding of dumps: not a move
  const LayoutDiff d = diff_texts(kBefore, after);
  BOOST_TEST_REQUIRE(d.lines.size() == 1u);
  BOOST_TEST(static_cast<int>(d.lines[0].kind) == static_cast<int>(LineChangeKind::Moved));
  BOOST_TEST(describe(d.lines[0]) ==
             "lead \u00b63 line 3 moved: baseline 294.04 \u2192 305.04, left 56.69 \u2192 224.17");
}

BOOST_AUTO_TEST_CASE(a_respaced_line_shows_its_ratio) {
  std::vector<Line> after = kBefore;
  after[1].ratio = 0.55;
  const LayoutDiff d = diff_texts(kBefore, after);
  BOOST_TEST_REQUIRE(d.lines.size() == 1u);
  BOOST_TEST(static_cast<int>(d.lines[0].kind) == static_cast<int>(LineChangeKind::Respaced));
  BOOST_TEST(describe(d.lines[0]) == "lead \u00b63 line 1: ratio 0.50 \u2192 0.55");
  // One step of the dump's rounding (0.01) is a change; float noise below 0.001 is not.
  after[1].ratio = 0.51;
  BOOST_TEST(diff_texts(kBefore, after).lines.size() == 1u);
  after[1].ratio = 0.5000001;
  BOOST_TEST(diff_texts(kBefore, after).empty());
}

BOOST_AUTO_TEST_CASE(a_respaced_line_shows_its_width) {
  std::vector<Line> after = kBefore;
  after[2].width = 150.02;
  const LayoutDiff d = diff_texts(kBefore, after);
  BOOST_TEST_REQUIRE(d.lines.size() == 1u);
  BOOST_TEST(describe(d.lines[0]) == "lead \u00b63 line 2: width 154.72 \u2192 150.02");
  after[2].width = 154.725;  // within the 0.01 pt rounding of dumps
  BOOST_TEST(diff_texts(kBefore, after).empty());
}

BOOST_AUTO_TEST_CASE(a_respaced_line_shows_its_hyphen_flag) {
  std::vector<Line> after = kBefore;
  after[3].hyphenated = true;
  const LayoutDiff d = diff_texts(kBefore, after);
  BOOST_TEST_REQUIRE(d.lines.size() == 1u);
  BOOST_TEST(describe(d.lines[0]) == "lead \u00b63 line 3: hyphen no \u2192 yes");
}

BOOST_AUTO_TEST_CASE(a_respaced_line_shows_its_glyph_scale) {
  std::vector<Line> before = kBefore;
  before[2].glyph_scale = 0.98;
  std::vector<Line> after = before;
  after[2].glyph_scale = 1;  // absent from the record: 1
  LayoutDiff d = diff_texts(before, after);
  BOOST_TEST_REQUIRE(d.lines.size() == 1u);
  BOOST_TEST(describe(d.lines[0]) == "lead \u00b63 line 2: glyph scale 0.9800 \u2192 1.0000");
  after[2].glyph_scale = 0.9801;
  BOOST_TEST(diff_texts(before, after).lines.size() == 1u);
  BOOST_TEST(diff_texts(before, before).empty());
}

BOOST_AUTO_TEST_CASE(a_moved_and_respaced_line_shows_both) {
  std::vector<Line> after = kBefore;
  after[1].baseline = 261.04;
  after[1].ratio = 0.41;
  after[1].width = 153.5;
  const LayoutDiff d = diff_texts(kBefore, after);
  BOOST_TEST_REQUIRE(d.lines.size() == 1u);
  BOOST_TEST(static_cast<int>(d.lines[0].kind) == static_cast<int>(LineChangeKind::Moved));
  BOOST_TEST(describe(d.lines[0]) ==
             "lead \u00b63 line 1 moved: baseline 272.04 \u2192 261.04, width 154.72 \u2192 "
             "153.50, ratio 0.50 \u2192 0.41");
}

BOOST_AUTO_TEST_CASE(added_and_removed_lines) {
  std::vector<Line> after = kBefore;
  after.push_back({2, 3, "from both countries", 305.04});
  LayoutDiff d = diff_texts(kBefore, after);
  BOOST_TEST_REQUIRE(d.lines.size() == 1u);
  BOOST_TEST(describe(d.lines[0]) == "lead \u00b63 line 4 appeared: \"from both countries\"");

  d = diff_texts(after, kBefore);
  BOOST_TEST_REQUIRE(d.lines.size() == 1u);
  BOOST_TEST(describe(d.lines[0]) == "lead \u00b63 line 4 disappeared: \"from both countries\"");
}

BOOST_AUTO_TEST_CASE(changes_come_in_reading_order) {
  std::vector<Line> after = kBefore;
  after[3].text = "tech people";
  after[1].text = "Medvedev met";
  after[0].text = "FINANCE";
  const LayoutDiff d = diff_texts(kBefore, after);
  BOOST_TEST_REQUIRE(d.lines.size() == 3u);
  BOOST_TEST(describe(d.lines[0]) == "folio \"BUSINESS\" \u2192 \"FINANCE\"");
  BOOST_TEST(d.lines[1].after->line == 0);
  BOOST_TEST(d.lines[2].after->line == 2);
}

BOOST_AUTO_TEST_CASE(slot_changes) {
  const LayoutDump a = parse_layout_dump(dump(kBefore, 301.2, "[3]"), "a.json");
  const LayoutDump b = parse_layout_dump(dump(kBefore, 312.2, "[2, 1]"), "b.json");
  const LayoutDiff d = diff_layouts(a, b);
  BOOST_TEST(d.lines.empty());
  BOOST_TEST_REQUIRE(d.slots.size() == 2u);
  BOOST_TEST(describe(d.slots[0]) == "lead: depth 301.20 \u2192 312.20");
  BOOST_TEST(describe(d.slots[1]) == "lead: lines_per_column [3] \u2192 [2, 1]");
}

BOOST_AUTO_TEST_CASE(malformed_json_names_file_and_line) {
  std::string text = dump(kBefore);
  const auto at = text.find("\"text\":\"with Ma");
  text.insert(at, ",");  // in the third line record: line 13 of the dump
  try {
    parse_layout_dump(text, "broken.json");
    BOOST_FAIL("no error");
  } catch (const InputError& e) {
    BOOST_TEST(e.where().file == "broken.json");
    BOOST_TEST(e.where().line == 13);
    BOOST_TEST(std::string(e.what()).rfind("broken.json:13:", 0) == 0u, e.what());
  }
}

BOOST_AUTO_TEST_CASE(json_that_is_not_a_dump_is_refused) {
  BOOST_CHECK_THROW(parse_layout_dump(R"({"pages": []})", "x.json"), InputError);
  BOOST_CHECK_THROW(parse_layout_dump(R"([1, 2])", "x.json"), InputError);
  BOOST_CHECK_THROW(parse_layout_dump(R"({"format": "broadsheet-layout/9"})", "x.json"),
                    InputError);
  try {
    parse_layout_dump(R"({"format": "broadsheet-layout/1", "pages": [], "slots": [],
                          "lines": [{"page": 1}]})",
                      "x.json");
    BOOST_FAIL("no error");
  } catch (const InputError& e) {
    BOOST_TEST(std::string(e.what()).find("lines[0].slot: missing") != std::string::npos, e.what());
  }
}

BOOST_AUTO_TEST_CASE(unreadable_file) {
  BOOST_CHECK_THROW(read_layout_dump("/nonexistent/a.layout.json"), InputError);
}
