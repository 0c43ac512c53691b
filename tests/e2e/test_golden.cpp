// The golden suite: every case of tests/golden/cases.txt rendered again and compared with its
// golden layout dump and 40 dpi PNG through `broadsheet diff`. Also: a one-word change to the
// reference article shows up as exactly the lines it moves, renders are deterministic, and
// `broadsheet diff` exits 2 on files it cannot compare.
//
// When the engine changes on purpose, scripts/update-golden.sh regenerates the golden files.
#define BOOST_TEST_MODULE golden
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "diff/layout_diff.h"
#include "diff/pixel_diff.h"
#include "test_support.h"

using namespace broadsheet::testing;
namespace diff = broadsheet::diff;
namespace fs = std::filesystem;

namespace {

const std::string kSource = BROADSHEET_SOURCE_DIR;
const std::string kArticle = "tests/articles/00_page21_china_daily.txt";
constexpr double kColumnWidth = 154.72;  // page21's columns (templates/README.md)

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string quoted(const std::string& s) {
  return "'" + s + "'";
}

struct GoldenCase {
  std::string name;
  std::string template_path;
  std::string article;
  std::string options;  ///< further render options, as written
};

std::vector<GoldenCase> read_cases() {
  std::ifstream in(kSource + "/tests/golden/cases.txt");
  BOOST_TEST_REQUIRE(static_cast<bool>(in), "cannot read tests/golden/cases.txt");
  std::vector<GoldenCase> cases;
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    GoldenCase c;
    if (!(words >> c.name) || c.name.front() == '#') continue;
    words >> c.template_path >> c.article;
    std::getline(words, c.options);
    cases.push_back(c);
  }
  return cases;
}

/// Renders in the repository root (paths in cases are relative to it): PDF, dump, 40 dpi PNG.
CommandResult render(const std::string& article, const std::string& template_path,
                     const std::string& options, const std::string& out_stem) {
  return run_command("cd " + quoted(kSource) + " && " + broadsheet_binary() + " render " +
                     quoted(article) + " --template " + quoted(template_path) + " " + options +
                     " -o " + quoted(out_stem + ".pdf") + " --layout " +
                     quoted(out_stem + ".layout.json") + " --png " + quoted(out_stem + ".png") +
                     " --dpi 40");
}

CommandResult broadsheet_diff(const std::string& a, const std::string& b,
                              const std::string& options = "") {
  return run_command(broadsheet_binary() + " diff " + quoted(a) + " " + quoted(b) + " " + options);
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_case_matches_its_golden_files) {
  const std::vector<GoldenCase> cases = read_cases();
  BOOST_TEST(cases.size() >= 5u);
  const fs::path failures = fs::path(kSource) / "out" / "golden-diff";
  fs::remove_all(failures);  // only this run's failures stay there
  fs::create_directories(test_out("golden"));
  for (const GoldenCase& c : cases) {
    BOOST_TEST_CONTEXT("golden case " << c.name) {
      const std::string golden = kSource + "/tests/golden/" + c.name;
      const std::string stem = test_out("golden/" + c.name);
      const CommandResult rendered = render(c.article, c.template_path, c.options, stem);
      BOOST_TEST_REQUIRE(rendered.status == 0, rendered.output);

      const CommandResult layout = broadsheet_diff(golden + ".layout.json", stem + ".layout.json");
      if (layout.status != 0) {
        fs::create_directories(failures);
        write((failures / (c.name + ".layout-diff.txt")).string(), layout.output);
      }
      BOOST_TEST(layout.status == 0, "the layout differs from tests/golden/"
                                         << c.name << ".layout.json (intended? run "
                                         << "scripts/update-golden.sh):\n"
                                         << layout.output);

      const std::string image = stem + ".diff.png";
      fs::remove(image);
      const CommandResult pixels =
          broadsheet_diff(golden + ".png", stem + ".png", "--dpi 40 --image " + quoted(image));
      if (pixels.status != 0 && fs::exists(image)) {
        fs::create_directories(failures);
        fs::copy_file(image, failures / (c.name + ".diff.png"),
                      fs::copy_options::overwrite_existing);
      }
      BOOST_TEST(pixels.status == 0, "the render differs from tests/golden/"
                                         << c.name << ".png (diff image in out/golden-diff/"
                                         << c.name << ".diff.png):\n"
                                         << pixels.output);
    }
  }
}

BOOST_AUTO_TEST_CASE(one_changed_word_shows_up_as_the_lines_it_moves) {
  const std::string dir = test_out("one_word");
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string text = slurp(kSource + "/" + kArticle);
  const std::string from = "Medvedev's meeting with Ma and several";
  const auto at = text.find(from);
  BOOST_TEST_REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), "Medvedev's meeting with Ma, and several");
  write(dir + "/changed.txt", text);

  const std::string tpl = "templates/page21.toml";
  BOOST_TEST_REQUIRE(render(kArticle, tpl, "", dir + "/original").status == 0);
  BOOST_TEST_REQUIRE(render(dir + "/changed.txt", tpl, "", dir + "/changed").status == 0);
  BOOST_TEST_REQUIRE(render(kArticle, tpl, "", dir + "/again").status == 0);

  // The changed word is in body paragraph 2 (0-based) of the lead story: the line with "Ma".
  const diff::LayoutDump original = diff::read_layout_dump(dir + "/original.layout.json");
  const diff::DumpLine* changed_line = nullptr;
  for (const diff::DumpLine& l : original.lines) {
    if (l.slot != "lead" || l.role != "body" || l.paragraph != 2) continue;
    std::istringstream words(l.text);
    for (std::string w; words >> w && !changed_line;)
      if (w == "Ma") changed_line = &l;
  }
  BOOST_TEST_REQUIRE(changed_line != nullptr);

  const diff::LayoutDiff changes =
      diff::diff_layouts(original, diff::read_layout_dump(dir + "/changed.layout.json"));
  BOOST_TEST_REQUIRE(!changes.lines.empty());
  bool rebroken_found = false, comma_found = false;
  for (const diff::LineChange& c : changes.lines) {
    const diff::DumpLine& l = c.before ? *c.before : *c.after;
    BOOST_TEST_CONTEXT(diff::describe(c)) {
      // Only the lead's body and contact lines, from the changed line on in reading order...
      BOOST_TEST(l.slot == "lead");
      BOOST_TEST((l.role == "body" || l.role == "contact"));
      if (l.role == "body")
        BOOST_TEST((l.paragraph > 2 || (l.paragraph == 2 && l.line >= changed_line->line)));
      // ...in the changed line's column or the ones after it...
      BOOST_TEST(l.column >= changed_line->column);
      if (c.after) BOOST_TEST(c.after->column >= changed_line->column);
      // ...and only the changed paragraph re-breaks.
      if (c.kind != diff::LineChangeKind::Moved) BOOST_TEST(l.paragraph == 2);
    }
    // The line that had "Ma" re-broke; "Ma," is on it or on a later line of the paragraph.
    if (c.kind == diff::LineChangeKind::Rebroken && c.before->paragraph == 2 &&
        c.before->line == changed_line->line)
      rebroken_found = true;
    if (c.after && c.after->paragraph == 2 && c.after->text.find("Ma,") != std::string::npos)
      comma_found = true;
  }
  BOOST_TEST(comma_found);
  BOOST_TEST(rebroken_found);

  // The command prints the same changes and a summary, and exits 1.
  const CommandResult layout =
      broadsheet_diff(dir + "/original.layout.json", dir + "/changed.layout.json");
  BOOST_TEST_MESSAGE("broadsheet diff on the layout dumps:\n" << layout.output);
  BOOST_TEST(layout.status == 1, layout.output);
  for (const diff::LineChange& c : changes.lines)
    BOOST_TEST(layout.output.find(diff::describe(c) + "\n") != std::string::npos, layout.output);
  const std::string summary = std::to_string(changes.lines.size()) +
                              (changes.lines.size() == 1 ? " line changed" : " lines changed");
  BOOST_TEST(layout.output.find(summary) != std::string::npos, layout.output);

  // Pixels: at least one region, none above the changed line in its own column; an image.
  const std::string image = dir + "/diff.png";
  const CommandResult pixels =
      broadsheet_diff(dir + "/original.png", dir + "/changed.png", "--image " + quoted(image));
  BOOST_TEST_MESSAGE("broadsheet diff on the PNGs:\n" << pixels.output);
  BOOST_TEST(pixels.status == 1, pixels.output);
  BOOST_TEST(pixels.output.find("changed region") != std::string::npos, pixels.output);
  BOOST_TEST(fs::exists(image));
  const diff::PageDiff page = diff::compare_images(diff::load_png(dir + "/original.png"),
                                                   diff::load_png(dir + "/changed.png"));
  BOOST_TEST(!page.regions.empty());
  const double line_top = changed_line->baseline - 9.5;           // the body size
  const double column_right = changed_line->left + kColumnWidth;  // later columns may change
  for (const diff::PixelRegion& r : page.regions)
    BOOST_TEST((r.y_pt + r.height_pt >= line_top || r.x_pt + r.width_pt > column_right),
               "region at " << r.x_pt << ", " << r.y_pt << " pt");

  // The PDFs, rasterised: different too.
  const CommandResult pdfs = broadsheet_diff(dir + "/original.pdf", dir + "/changed.pdf",
                                             "--image " + quoted(dir + "/pdf-diff.png"));
  BOOST_TEST(pdfs.status == 1, pdfs.output);
  BOOST_TEST(fs::exists(dir + "/pdf-diff.png"));

  // An unchanged re-render: no difference anywhere, and no diff image.
  const CommandResult same_layout =
      broadsheet_diff(dir + "/original.layout.json", dir + "/again.layout.json");
  BOOST_TEST(same_layout.status == 0, same_layout.output);
  BOOST_TEST(same_layout.output == "0 lines changed\n", same_layout.output);
  const std::string same_image = dir + "/same.png";
  for (const std::string ext : {".png", ".pdf"}) {
    const CommandResult same = broadsheet_diff(dir + "/original" + ext, dir + "/again" + ext,
                                               "--image " + quoted(same_image));
    BOOST_TEST(same.status == 0, same.output);
    BOOST_TEST(!fs::exists(same_image));
  }
}

BOOST_AUTO_TEST_CASE(renders_are_byte_identical_from_any_working_directory) {
  const std::string dir = test_out("determinism");
  fs::create_directories(dir);
  BOOST_TEST_REQUIRE(render(kArticle, "templates/page21.toml", "", dir + "/first").status == 0);
  BOOST_TEST_REQUIRE(render(kArticle, "templates/page21.toml", "", dir + "/second").status == 0);
  const CommandResult elsewhere = run_command(
      "cd /tmp && " + broadsheet_binary() + " render " + quoted(kSource + "/" + kArticle) + " -t " +
      quoted(kSource + "/templates/page21.toml") + " -o " + quoted(dir + "/tmp.pdf") + " --png " +
      quoted(dir + "/tmp.png") + " --dpi 40");
  BOOST_TEST_REQUIRE(elsewhere.status == 0, elsewhere.output);
  for (const std::string ext : {".pdf", ".png"}) {
    const std::string first = slurp(dir + "/first" + ext);
    BOOST_TEST(!first.empty());
    BOOST_TEST((first == slurp(dir + "/second" + ext)), "second" << ext << " differs");
    BOOST_TEST((first == slurp(dir + "/tmp" + ext)), "rendered from /tmp, " << ext << " differs");
  }
}

BOOST_AUTO_TEST_CASE(diff_exits_2_on_files_it_cannot_compare) {
  const std::string dir = test_out("diff_errors");
  fs::create_directories(dir);
  const std::string golden = kSource + "/tests/golden/page21";
  const std::string broken = dir + "/broken.layout.json";
  write(broken, "{\n  \"format\": \"broadsheet-layout/1\",\n  \"pages\": [\n    {\"page\":1,,}\n");
  const std::string not_png = dir + "/text.png";
  write(not_png, "not a picture\n");

  CommandResult r = broadsheet_diff(golden + ".layout.json", golden + ".png");
  BOOST_TEST(r.status == 2, r.output);
  BOOST_TEST(r.output.rfind("broadsheet: error: ", 0) == 0u, r.output);

  r = broadsheet_diff(golden + ".layout.json", broken);
  BOOST_TEST(r.status == 2, r.output);
  BOOST_TEST(r.output.find("broadsheet: error: " + broken + ":4:") != std::string::npos, r.output);

  r = broadsheet_diff(golden + ".layout.json", dir + "/missing.layout.json");
  BOOST_TEST(r.status == 2, r.output);
  BOOST_TEST(r.output.find("missing.layout.json: no such file") != std::string::npos, r.output);

  r = broadsheet_diff(golden + ".png", not_png);
  BOOST_TEST(r.status == 2, r.output);
  BOOST_TEST(r.output.find(not_png + ": ") != std::string::npos, r.output);

  r = broadsheet_diff(kSource + "/" + kArticle, kSource + "/" + kArticle);
  BOOST_TEST(r.status == 2, r.output);

  // A layout dump that is valid JSON but not a dump.
  write(dir + "/other.json", "{\"name\": \"x\"}\n");
  r = broadsheet_diff(golden + ".layout.json", dir + "/other.json");
  BOOST_TEST(r.status == 2, r.output);
  BOOST_TEST(r.output.find("not a layout dump") != std::string::npos, r.output);
}
