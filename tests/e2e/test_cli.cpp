// The command line as a user meets it: exit codes, one-line errors, no half-written outputs,
// and byte-identical PDFs from identical inputs.
#define BOOST_TEST_MODULE cli
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

#include "test_support.h"

using namespace broadsheet::testing;
namespace fs = std::filesystem;

namespace {

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

const std::string kArticle = "tests/articles/00_page21_china_daily.txt";

}  // namespace

BOOST_AUTO_TEST_CASE(help_is_there_for_every_subcommand) {
  BOOST_TEST(run_command(broadsheet_binary() + " --help").status == 0);
  const auto r = run_command(broadsheet_binary() + " render --help");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.output.find("--template") != std::string::npos);
  BOOST_TEST(r.output.find("--dpi") != std::string::npos);
}

// engine/cmake/static_cli.cmake: the program maps only the libraries every text-drawing program
// loads (HarfBuzz, FreeType, Cairo, GLib, libc); ICU, toml++, pugixml, libhyphen, libjpeg and
// the C++ runtime are linked in, which saves each render ~6 ms of start-up.
BOOST_AUTO_TEST_CASE(the_program_loads_only_the_drawing_libraries,
                     *boost::unit_test::enable_if<BROADSHEET_CLI_IS_STATIC != 0>()) {
  const auto r = run_command("readelf -d " + broadsheet_binary() + " 2>&1");
  BOOST_TEST_REQUIRE(r.status == 0);
  std::vector<std::string> needed;
  const std::regex entry(R"(\(NEEDED\)\s+Shared library: \[([^\]]+)\])");
  for (std::sregex_iterator it(r.output.begin(), r.output.end(), entry), end; it != end; ++it)
    needed.push_back((*it)[1]);
  const std::vector<std::string> allowed = {"libharfbuzz.so",    "libfreetype.so", "libcairo.so",
                                            "libglib-2.0.so",    "libm.so",        "libc.so",
                                            "ld-linux-x86-64.so"};
  const auto allowed_prefix = [&](const std::string& name) {
    return std::any_of(allowed.begin(), allowed.end(),
                       [&](const std::string& prefix) { return name.rfind(prefix, 0) == 0; });
  };
  for (const std::string& name : needed)
    BOOST_TEST(allowed_prefix(name), name << " is loaded at run time");
  for (const char* shared : {"libcairo.so", "libharfbuzz.so", "libc.so"})
    BOOST_TEST(std::any_of(needed.begin(), needed.end(),
                           [&](const std::string& name) { return name.rfind(shared, 0) == 0; }),
               shared << " is not loaded");
  if (BROADSHEET_CLI_HAS_RELR != 0)
    BOOST_TEST(r.output.find("(RELR)") != std::string::npos);  // packed relocations
}

BOOST_AUTO_TEST_CASE(render_writes_pdf_and_png) {
  const std::string pdf = test_out("cli_render.pdf"), png = test_out("cli_render.png");
  fs::remove(pdf);
  fs::remove(png);
  const auto r = run_command(broadsheet_binary() + " render " + kArticle + " -o " + pdf +
                             " --png " + png + " --dpi 40");
  BOOST_TEST(r.status == 0, r.output);
  BOOST_TEST(slurp(pdf).rfind("%PDF-", 0) == 0u);
  const std::string png_bytes = slurp(png);
  BOOST_TEST(png_bytes.substr(1, 3) == "PNG");
  // 390 mm at 40 dpi = 615 px wide (big-endian width at byte 16).
  const auto px = [&](std::size_t at) {
    return (static_cast<unsigned char>(png_bytes[at]) << 24) |
           (static_cast<unsigned char>(png_bytes[at + 1]) << 16) |
           (static_cast<unsigned char>(png_bytes[at + 2]) << 8) |
           static_cast<unsigned char>(png_bytes[at + 3]);
  };
  BOOST_TEST(px(16) == 615u);
  BOOST_TEST(px(20) == 859u);
}

BOOST_AUTO_TEST_CASE(same_inputs_give_byte_identical_pdfs) {
  const std::string a = test_out("det_a.pdf"), b = test_out("det_b.pdf");
  BOOST_TEST(run_command(broadsheet_binary() + " render " + kArticle + " -o " + a).status == 0);
  BOOST_TEST(run_command(broadsheet_binary() + " render " + kArticle + " -o " + b).status == 0);
  BOOST_TEST(slurp(a) == slurp(b));
  BOOST_TEST(slurp(a).find("CreationDate") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_article_is_one_line_naming_file_and_line_and_keeps_the_old_pdf) {
  // A folder of its own: other test programs render into test-out at the same time.
  const std::string dir = test_out("keep");
  fs::remove_all(dir);
  const std::string pdf = dir + "/keep.pdf";
  BOOST_TEST(run_command(broadsheet_binary() + " render " + kArticle + " -o " + pdf).status == 0);
  const std::string before = slurp(pdf);
  const std::string bad = test_out("bad_utf8.txt");
  write(bad, "Headline\nDeck\nGood line\nBad \xff byte\n");
  const auto r = run_command(broadsheet_binary() + " render " + bad + " -o " + pdf);
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.output.find(bad + ":4:") != std::string::npos, r.output);
  BOOST_TEST(r.output.find("UTF-8") != std::string::npos, r.output);
  BOOST_TEST(std::count(r.output.begin(), r.output.end(), '\n') == 1);
  BOOST_TEST(slurp(pdf) == before);
  for (const auto& entry : fs::directory_iterator(dir))
    BOOST_TEST(entry.path().string().find(".broadsheet-tmp-") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_template_names_the_key_and_line) {
  const std::string tpl = test_out("bad.toml");
  std::string text = slurp("templates/page21.toml");
  const auto at = text.find("columns = 6");
  BOOST_REQUIRE(at != std::string::npos);
  text.replace(at, 11, "columns = 0");
  write(tpl, text);
  const auto r = run_command(broadsheet_binary() + " render " + kArticle + " -t " + tpl + " -o " +
                             test_out("never.pdf"));
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.output.find(tpl + ":") != std::string::npos, r.output);
  BOOST_TEST(r.output.find("columns") != std::string::npos, r.output);
  BOOST_TEST(!fs::exists(test_out("never.pdf")));
}

BOOST_AUTO_TEST_CASE(missing_folio_date_is_an_error_unless_given) {
  // Article 04 has no credit line: page21's folio needs a date and a page.
  const std::string article = "tests/articles/04_south_american_community_wikinews.txt";
  auto r = run_command(broadsheet_binary() + " render --no-deck " + article + " -o " +
                       test_out("no_date.pdf"));
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.output.find("--date") != std::string::npos, r.output);
  r = run_command(broadsheet_binary() + " render --no-deck " + article +
                  " --date 2004-12-09 --page 7 -o " + test_out("with_date.pdf"));
  BOOST_TEST(r.status == 0, r.output);
}

BOOST_AUTO_TEST_CASE(unknown_options_and_missing_files_exit_1) {
  BOOST_TEST(run_command(broadsheet_binary() + " render --frobnicate " + kArticle).status == 1);
  BOOST_TEST(run_command(broadsheet_binary() + " render no/such/file.txt").status == 1);
  BOOST_TEST(run_command(broadsheet_binary()).status == 1);
}

BOOST_AUTO_TEST_CASE(watch_rerenders_on_change_and_keeps_the_last_good_output) {
  const std::string article = test_out("watched.txt"), pdf = test_out("watched.pdf");
  const std::string log = test_out("watch.log");
  write(article, slurp(kArticle));
  fs::remove(pdf);
  fs::remove(log);
  // The watcher in the background (`timeout` ends it should the test die); each step waits
  // for the watcher's answer, up to a generous bound, instead of sleeping a fixed time.
  const auto started = run_command("timeout 120 " + broadsheet_binary() + " render " + article +
                                   " -o " + pdf + " --watch > " + log + " 2>&1 & echo $!");
  BOOST_TEST_REQUIRE(started.status == 0, started.output);
  const std::string pid = started.output.substr(0, started.output.find('\n'));
  auto log_has = [&](const std::string& text, std::size_t times) {
    return wait_until([&] { return count_of(slurp(log), text) >= times; });
  };
  BOOST_TEST(log_has("rendered", 1), slurp(log));
  write(article, std::regex_replace(slurp(kArticle), std::regex("Ma and"), "Ma, and"));
  BOOST_TEST(log_has("rendered", 2), slurp(log));
  write(article, "Headline only\n");
  BOOST_TEST(log_has("keeping the last good output", 1), slurp(log));
  run_command("kill " + pid);
  const std::string out = slurp(log);
  BOOST_TEST(count_of(out, "rendered") == 2u, out);
  BOOST_TEST(out.find(article + ":1: no body text") != std::string::npos, out);
  BOOST_TEST(slurp(pdf).rfind("%PDF-", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(an_impossible_date_is_bad_input) {
  for (const char* date : {"2015-13-45", "2015-00-10", "2015-02-30", "17/12/2015"}) {
    const auto r = run_command(broadsheet_binary() + " render " + kArticle + " --date " + date +
                               " -o " + test_out("bad_date.pdf"));
    BOOST_TEST(r.status == 1, date << ": " << r.output);
    BOOST_TEST(r.output.find("--date") != std::string::npos, r.output);
  }
}
