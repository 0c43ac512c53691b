// The typography targets of the paragraph composer, measured on the rendered reference page by
// the engine-neutral meter in ../shared/tools/pdfquality.py. Fails when a target regresses.
#define BOOST_TEST_MODULE quality
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace broadsheet::testing;

namespace {

const std::string kArticle = "tests/articles/00_page21_china_daily.txt";

nlohmann::json measure_page21() {
  const std::string meter = std::string(BROADSHEET_SOURCE_DIR) + "/../shared/tools/pdfquality.py";
  BOOST_TEST_REQUIRE(std::filesystem::exists(meter), "the meter is missing: " << meter);
  const std::string pdf = test_out("quality_page21.pdf");
  const auto render = run_command(broadsheet_binary() + " render " + kArticle + " -o " + pdf +
                                  " --layout " + test_out("quality_page21.layout.json"));
  BOOST_TEST_REQUIRE(render.status == 0, render.output);
  const auto r = run_command("python3 " + meter + " " + pdf + " --source " + kArticle +
                             " --body-size 9.5 --skip-last 1 2>/dev/null");
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  return nlohmann::json::parse(r.output);
}

}  // namespace

BOOST_AUTO_TEST_CASE(reference_article_meets_the_composer_targets) {
  const auto q = measure_page21();
  const auto& spacing = q["spacing"];
  const int lines = q["lines"];
  const int hyphenated = q["hyphenation"]["hyphenated_lines"];
  BOOST_TEST_MESSAGE("lines " << lines << ", loose " << spacing["loose_lines"] << ", gap p95 "
                              << spacing["gap_p95_em"] << " em, widest " << spacing["gap_max_em"]
                              << " em, hyphenated " << hyphenated);
  BOOST_TEST(spacing["loose_lines"].get<int>() <= 3);
  BOOST_TEST(spacing["gap_p95_em"].get<double>() <= 0.50);
  BOOST_TEST(spacing["gap_max_em"].get<double>() <= 0.75);
  BOOST_TEST(q["hyphenation"]["max_consecutive"].get<int>() <= 2);
  BOOST_TEST(hyphenated <= 0.15 * lines);
  BOOST_TEST(q["raggedness"]["overfull_lines"].get<int>() == 0);
  BOOST_TEST(q["fidelity"]["missing"].get<int>() == 0);
  BOOST_TEST(q["fidelity"]["extra"].get<int>() == 0);
  BOOST_TEST(q["fidelity"]["reordered"].get<int>() == 0);
  BOOST_TEST(q["baseline_grid"]["pitch_pt"].get<double>() == 11.0);
  BOOST_TEST(q["baseline_grid"]["on_grid_fraction"].get<double>() == 1.0);
}

BOOST_AUTO_TEST_CASE(no_runt_last_lines_in_the_reference_article) {
  measure_page21();
  std::ifstream in(test_out("quality_page21.layout.json"));
  const auto dump = nlohmann::json::parse(in);
  int last_lines = 0;
  for (const auto& l : dump["lines"]) {
    if (l["role"] != "body" || l["line"].get<int>() == 0) continue;
    const std::string text = l["text"];
    const bool one_word = text.find(' ') == std::string::npos;
    if (one_word) ++last_lines;
    // A runt: one word on a paragraph's last line, narrower than a fifth of the measure.
    BOOST_TEST(!(one_word && l["width"].get<double>() < 0.2 * l["measure"].get<double>()), text);
  }
  BOOST_TEST_MESSAGE(last_lines << " one-word continuation lines checked");
}
