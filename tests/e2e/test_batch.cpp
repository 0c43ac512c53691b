// broadsheet batch and the edition format: pages rendered in parallel, a bad page failing alone,
// shards that add up to the whole run, and PDFs that do not depend on the number of threads.

#define BOOST_TEST_MODULE batch
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "core/diagnostics.h"
#include "edition/batch.h"
#include "edition/edition.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace broadsheet;
using broadsheet::testing::run_command;

namespace {

const std::string kSource = BROADSHEET_SOURCE_DIR;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// An edition of `pages` pages in a fresh folder under test-out: the page21 article and the
/// sample articles in turn; `bad_page` (1-based, 0: none) names an article that does not exist.
fs::path write_edition(const std::string& name, int pages, int bad_page = 0) {
  const fs::path folder = broadsheet::testing::test_out(name);
  fs::remove_all(folder);
  fs::create_directories(folder);
  const char* articles[] = {"00_page21_china_daily.txt", "01_kmart_sears_wikinews.txt",
                            "03_nobel_peace_maathai_wikinews.txt", "05_nasa_moon_railway_voa.txt"};
  std::ostringstream toml;
  toml << "[edition]\nname = \"test\"\ntemplate = \"" << kSource << "/templates/page21.toml\"\n"
       << "date = 2015-12-17\noutput = \"pdf\"\n";
  for (int p = 1; p <= pages; ++p) {
    const std::string article = articles[(p - 1) % 4];
    toml << "\n[[page]]\narticles = [\"" << kSource << "/tests/articles/"
         << (p == bad_page ? "missing_article.txt" : article) << "\"]\n";
    if (article.rfind("00_", 0) != 0) toml << "no_deck = true\n";
  }
  std::ofstream(folder / "edition.toml") << toml.str();
  return folder;
}

testing::CommandResult batch(const fs::path& edition, const std::string& options) {
  return run_command(broadsheet::testing::broadsheet_binary() + " batch " +
                     (edition / "edition.toml").string() + " " + options);
}

/// Every PDF in `folder`, by file name.
std::map<std::string, std::string> pdfs_in(const fs::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(folder))
    files[entry.path().filename().string()] = slurp(entry.path());
  return files;
}

}  // namespace

BOOST_AUTO_TEST_CASE(edition_reads_pages_with_defaults_and_overrides) {
  const edition::Edition e = edition::parse_edition(
      "[edition]\ntemplate = \"t.toml\"\ndate = 2015-12-17\noutput = \"out\"\n"
      "[[page]]\narticles = [\"a.txt\", \"b.txt\"]\n"
      "[[page]]\narticles = [\"c.txt\"]\nslots = { rail = \"d.txt\" }\npage = 7\n"
      "date = 2016-01-02\nno_deck = true\ntemplate = \"/abs/u.toml\"\noutput = \"front.pdf\"\n",
      "e.toml", "/base");
  BOOST_REQUIRE_EQUAL(e.pages.size(), 2u);
  const edition::EditionPage& first = e.pages[0];
  BOOST_TEST(first.template_path == "/base/t.toml");
  BOOST_REQUIRE_EQUAL(first.articles.size(), 2u);
  BOOST_TEST(first.articles[1].path == "/base/b.txt");
  BOOST_TEST(first.articles[0].has_deck);
  BOOST_TEST(first.page_number.value() == 1);
  BOOST_TEST(first.date->day == 17);
  BOOST_TEST(first.output == "/base/out/page-001.pdf");
  const edition::EditionPage& second = e.pages[1];
  BOOST_TEST(second.template_path == "/abs/u.toml");
  BOOST_REQUIRE_EQUAL(second.articles.size(), 2u);
  BOOST_TEST(second.articles[1].slot == "rail");
  BOOST_TEST(!second.articles[0].has_deck);
  BOOST_TEST(second.page_number.value() == 7);
  BOOST_TEST(second.date->year == 2016);
  BOOST_TEST(second.output == "/base/out/front.pdf");
}

BOOST_AUTO_TEST_CASE(edition_errors_name_file_line_and_problem) {
  const auto error_of = [](const std::string& toml) {
    try {
      edition::parse_edition(toml, "e.toml", ".");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  BOOST_TEST(error_of("[[page]]\narticles = [\"a.txt\"]\ncolour = 1\n")
                 .find("e.toml:3:10: unknown key 'colour'") != std::string::npos);
  BOOST_TEST(error_of("[[page]]\narticles = [\"a.txt\"]\n").find("no template") !=
             std::string::npos);
  BOOST_TEST(error_of("[edition]\ntemplate = \"t\"\n[[page]]\ndate = 2015-02-30\n"
                      "articles = [\"a\"]\n")
                 .find("e.toml:4:") != std::string::npos);
  BOOST_TEST(error_of("[edition]\ntemplate = \"t\"\n[[page]]\ndate = \"2015-02-03\"\n"
                      "articles = [\"a\"]\n")
                 .find("e.toml:4:8: expected a date") != std::string::npos);
  BOOST_TEST(error_of("[edition]\ntemplate = \"t\"\n").find("at least one [[page]]") !=
             std::string::npos);
  BOOST_TEST(
      error_of("[edition]\ntemplate = \"t\"\n[[page]]\narticles = [\"a\"]\noutput = \"x.pdf\""
               "\n[[page]]\narticles = [\"b\"]\noutput = \"x.pdf\"\n")
          .find("both write") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(shards_cover_every_page_once) {
  for (std::size_t total : {0u, 1u, 5u, 48u})
    for (int count : {1, 2, 3, 7}) {
      std::size_t next = 0;
      for (int index = 1; index <= count; ++index) {
        const edition::ShardRange range = edition::shard_range(total, index, count);
        BOOST_TEST(range.first == next);
        BOOST_TEST(range.last >= range.first);
        next = range.last;
      }
      BOOST_TEST(next == total);
    }
}

BOOST_AUTO_TEST_CASE(batch_renders_every_page) {
  const fs::path folder = write_edition("batch_all", 4);
  const auto result = batch(folder, "-j 2");
  BOOST_TEST_INFO(result.output);
  BOOST_TEST(result.status == 0);
  BOOST_TEST(result.output.find("4 written, 0 failed") != std::string::npos);
  const auto files = pdfs_in(folder / "pdf");
  BOOST_REQUIRE_EQUAL(files.size(), 4u);
  for (const auto& [name, pdf] : files) BOOST_TEST(pdf.rfind("%PDF-", 0) == 0);
  // Each page carries its own folio number (the page's place in the edition).
  const auto text = run_command("pdftotext " + (folder / "pdf/page-003.pdf").string() + " -");
  BOOST_TEST(text.output.find("Maathai") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_bad_page_fails_with_its_reason_and_the_others_are_written) {
  const fs::path folder = write_edition("batch_bad", 4, 2);
  const auto result = batch(folder, "-j 2");
  BOOST_TEST_INFO(result.output);
  BOOST_TEST(result.status == 1);
  BOOST_TEST(result.output.find("page 2 failed") != std::string::npos);
  BOOST_TEST(result.output.find("missing_article.txt") != std::string::npos);
  BOOST_TEST(result.output.find("3 written, 1 failed") != std::string::npos);
  BOOST_TEST(fs::exists(folder / "pdf/page-001.pdf"));
  BOOST_TEST(!fs::exists(folder / "pdf/page-002.pdf"));
  BOOST_TEST(fs::exists(folder / "pdf/page-003.pdf"));
  BOOST_TEST(fs::exists(folder / "pdf/page-004.pdf"));
}

BOOST_AUTO_TEST_CASE(two_shards_give_the_pages_of_one_run) {
  const fs::path folder = write_edition("batch_shards", 5);
  BOOST_REQUIRE_EQUAL(batch(folder, "-j 1 -o " + (folder / "whole").string()).status, 0);
  BOOST_REQUIRE_EQUAL(batch(folder, "--shard 1/2 -o " + (folder / "shards").string()).status, 0);
  BOOST_TEST(pdfs_in(folder / "shards").size() == 2u);
  BOOST_REQUIRE_EQUAL(batch(folder, "--shard 2/2 -o " + (folder / "shards").string()).status, 0);
  const auto whole = pdfs_in(folder / "whole");
  BOOST_TEST(whole.size() == 5u);
  BOOST_TEST((pdfs_in(folder / "shards") == whole));
}

BOOST_AUTO_TEST_CASE(one_thread_and_two_threads_give_identical_pdfs) {
  const fs::path folder = write_edition("batch_threads", 6);
  BOOST_REQUIRE_EQUAL(batch(folder, "-j 1 -o " + (folder / "one").string()).status, 0);
  BOOST_REQUIRE_EQUAL(batch(folder, "-j 2 -o " + (folder / "two").string()).status, 0);
  const auto one = pdfs_in(folder / "one");
  BOOST_TEST(one.size() == 6u);
  BOOST_TEST((pdfs_in(folder / "two") == one));
}

BOOST_AUTO_TEST_CASE(bad_shard_is_refused) {
  const fs::path folder = write_edition("batch_bad_shard", 1);
  const auto result = batch(folder, "--shard 3/2");
  BOOST_TEST(result.status == 1);
  BOOST_TEST(result.output.find("--shard") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(combined_pdf_holds_every_page_in_order_or_is_not_written) {
  const fs::path folder = write_edition("batch_combined", 3);
  const std::string combined = (folder / "edition.pdf").string();
  const auto result = batch(folder, "-j 2 --combined " + combined);
  BOOST_TEST_INFO(result.output);
  BOOST_REQUIRE_EQUAL(result.status, 0);
  BOOST_TEST(!fs::exists(folder / "pdf"));  // no PDF per page
  BOOST_TEST(run_command("pdfinfo " + combined).output.find("Pages:           3") !=
             std::string::npos);
  // Page 3 of the combined PDF is the edition's third page (the Maathai article).
  const auto third = run_command("pdftotext -f 3 -l 3 " + combined + " -");
  BOOST_TEST(third.output.find("Maathai") != std::string::npos);
  BOOST_TEST(batch(folder, "-j 1 --combined " + (folder / "one.pdf").string()).status == 0);
  BOOST_TEST(slurp(folder / "one.pdf") == slurp(combined));

  const fs::path bad = write_edition("batch_combined_bad", 3, 2);
  const auto failed = batch(bad, "--combined " + (bad / "edition.pdf").string());
  BOOST_TEST(failed.status == 1);
  BOOST_TEST(failed.output.find("page 2 failed") != std::string::npos);
  BOOST_TEST(!fs::exists(bad / "edition.pdf"));
}

BOOST_AUTO_TEST_CASE(an_output_naming_an_input_or_another_page_output_is_refused_before_work) {
  const fs::path folder = broadsheet::testing::test_out("batch_clobber");
  fs::remove_all(folder);
  fs::create_directories(folder);
  const std::string article_text = slurp(kSource + "/tests/articles/00_page21_china_daily.txt");
  const std::string template_text = slurp(kSource + "/templates/page21.toml");
  std::ofstream(folder / "article.txt") << article_text;
  std::ofstream(folder / "page.toml") << template_text;
  const auto edition_with = [&](const std::string& first, const std::string& second) {
    const std::string toml =
        "[edition]\ntemplate = \"page.toml\"\ndate = 2015-12-17\noutput = \".\"\n"
        "[[page]]\narticles = [\"article.txt\"]\noutput = \"" +
        first +
        "\"\n"
        "[[page]]\narticles = [\"article.txt\"]\noutput = \"" +
        second + "\"\n";
    std::ofstream(folder / "edition.toml") << toml;
    return batch(folder, "-j 1");
  };
  const auto expect_refused = [&](const testing::CommandResult& result, const std::string& what,
                                  const std::string& input) {
    BOOST_TEST_INFO(result.output);
    BOOST_TEST(result.status == 1);
    BOOST_TEST(result.output.find(what) != std::string::npos);
    BOOST_TEST(result.output.find(input) != std::string::npos);
    BOOST_TEST(result.output.find("(shard") == std::string::npos);  // no summary: no work done
  };
  // An article, by another spelling; the template; the edition file itself.
  expect_refused(edition_with("one.pdf", "./sub/../article.txt"), "an article of page 1",
                 "article.txt");
  expect_refused(edition_with("page.toml", "two.pdf"), "the template of page 1", "page.toml");
  expect_refused(edition_with("one.pdf", "edition.toml"), "the edition file", "edition.toml");
  // Two pages, one file (spelt differently).
  expect_refused(edition_with("same.pdf", "./same.pdf"), "pages 1 and 2 both write", "same.pdf");
  BOOST_TEST(!fs::exists(folder / "one.pdf"));
  BOOST_TEST(!fs::exists(folder / "same.pdf"));
  // The combined PDF may not be an input either (the edition is good: it renders).
  BOOST_TEST(edition_with("one.pdf", "two.pdf").status == 0);
  expect_refused(batch(folder, "--combined " + (folder / "article.txt").string()),
                 "--combined writes", "an article of page 1");
  BOOST_TEST(slurp(folder / "article.txt") == article_text);
  BOOST_TEST(slurp(folder / "page.toml") == template_text);
}

BOOST_AUTO_TEST_CASE(each_started_thread_runs_worker_started_first) {
  // The CLI puts each worker's heap on huge pages there: once per started thread, before the
  // thread renders anything, never in the calling thread (which works too).
  const Engine engine({.fonts_dir = kSource + "/fonts"});
  std::vector<edition::EditionPage> pages(6);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    pages[i].position = static_cast<int>(i) + 1;
    pages[i].template_path = kSource + "/templates/missing.toml";  // fails fast, with a reason
  }
  std::mutex lock;
  std::set<std::thread::id> started;
  int calls = 0;
  edition::BatchOptions options{.jobs = 3, .combined = {}, .progress = {}, .worker_started = [&] {
                                  const std::lock_guard guard(lock);
                                  ++calls;
                                  started.insert(std::this_thread::get_id());
                                }};
  const auto outcomes = edition::render_pages(engine, pages, options);
  BOOST_TEST(outcomes.size() == pages.size());
  for (const auto& page : outcomes) BOOST_TEST(!page.rendered);
  BOOST_TEST(calls == 2);
  BOOST_TEST(started.size() == 2u);
  BOOST_TEST(started.count(std::this_thread::get_id()) == 0u);
}
