// The installed package as a user meets it: `cmake --install` of this build into a prefix of
// its own, the example engine/examples/render_page built against it through
// find_package(Broadsheet) (and through pkg-config), and its PDF byte-identical to the CLI's.
#define BOOST_TEST_MODULE install
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "test_support.h"

using namespace broadsheet::testing;
namespace fs = std::filesystem;

namespace {

const std::string kSource = BROADSHEET_SOURCE_DIR;
const std::string kArticle = "tests/articles/00_page21_china_daily.txt";
const std::string kTemplate = "templates/page21.toml";
// The data folder and the print module come from the package, never from the environment of
// the test run.
const std::string kCleanEnv =
    "env -u BROADSHEET_FONTS -u BROADSHEET_DATA_DIR -u BROADSHEET_MODULE_DIR ";

std::string quoted(const std::string& s) {
  return "'" + s + "'";
}

/// This test program's own folder (ctest -j runs other programs beside it).
const std::string& work_dir() {
  static const std::string dir = [] {
    const std::string d = test_out("install");
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

/// The prefix this build is installed into, once per program.
const std::string& prefix() {
  static const std::string p = [] {
    const std::string dir = work_dir() + "/prefix";
    const auto r = run_command(std::string(BROADSHEET_CMAKE) + " --install " +
                               quoted(BROADSHEET_BUILD_DIR) + " --prefix " + quoted(dir));
    BOOST_TEST_REQUIRE(r.status == 0, r.output);
    return dir;
  }();
  return p;
}

/// The installed library: libbroadsheet.a under lib/ (or lib/<multiarch>/).
std::string installed_library() {
  for (const auto& entry : fs::recursive_directory_iterator(prefix()))
    if (entry.path().filename() == "libbroadsheet.a") return entry.path().string();
  return "";
}

/// page21 rendered by the build tree's CLI, the reference for every other route.
const std::string& cli_pdf() {
  static const std::string bytes = [] {
    const std::string pdf = work_dir() + "/cli.pdf";
    const auto r = run_command(kCleanEnv + broadsheet_binary() + " render " + kArticle + " -t " +
                               kTemplate + " -o " + quoted(pdf));
    BOOST_TEST_REQUIRE(r.status == 0, r.output);
    return slurp(pdf);
  }();
  return bytes;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_install_holds_library_headers_package_files_and_data) {
  const std::string library = installed_library();
  BOOST_TEST_REQUIRE(!library.empty());
  const fs::path libdir = fs::path(library).parent_path();
  for (const fs::path& file :
       {fs::path(prefix()) / "include/broadsheet/engine.h",
        fs::path(prefix()) / "include/broadsheet/error.h", libdir / "pkgconfig/broadsheet.pc",
        libdir / "cmake/Broadsheet/BroadsheetConfig.cmake",
        libdir / "cmake/Broadsheet/BroadsheetConfigVersion.cmake",
        fs::path(prefix()) / "share/broadsheet/fonts/fonts.toml",
        fs::path(prefix()) / "share/broadsheet/fonts/GUST-FONT-LICENSE.txt",
        fs::path(prefix()) / "share/broadsheet/templates/page21.toml",
        fs::path(prefix()) / "bin/broadsheet", libdir / "broadsheet_pdfparts.so"})
    BOOST_TEST(fs::is_regular_file(file), file.string() << " is missing");
}

BOOST_AUTO_TEST_CASE(public_headers_include_only_the_standard_library_and_each_other) {
  for (const auto& entry : fs::directory_iterator(prefix() + "/include/broadsheet")) {
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      if (!line.starts_with("#include")) continue;
      const bool own = line.find("\"broadsheet/") != std::string::npos;
      const bool standard =
          line.find('<') != std::string::npos && line.find('.') == std::string::npos;
      BOOST_TEST((own || standard), entry.path().string() << ": " << line);
    }
  }
}

BOOST_AUTO_TEST_CASE(installed_binaries_name_no_data_folder_of_the_source_tree) {
  for (const std::string& binary : {installed_library(), prefix() + "/bin/broadsheet"}) {
    const std::string bytes = slurp(binary);
    BOOST_TEST_REQUIRE(!bytes.empty());
    BOOST_TEST(bytes.find(kSource + "/fonts") == std::string::npos, binary);
    BOOST_TEST(bytes.find(kSource + "/templates") == std::string::npos, binary);
  }
}

BOOST_AUTO_TEST_CASE(the_installed_cli_finds_its_fonts_beside_it) {
  const std::string pdf = work_dir() + "/installed_cli.pdf";
  const auto r = run_command(kCleanEnv + prefix() + "/bin/broadsheet render " + kArticle + " -t " +
                             kTemplate + " -o " + quoted(pdf));
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  BOOST_TEST((slurp(pdf) == cli_pdf()));
}

BOOST_AUTO_TEST_CASE(the_example_builds_with_find_package_and_renders_the_cli_s_pdf) {
  const std::string build = work_dir() + "/example";
  const std::string cmake = BROADSHEET_CMAKE;
  auto r = run_command(
      cmake + " -S " + quoted(kSource + "/engine/examples/render_page") + " -B " + quoted(build) +
      " -G " + quoted(BROADSHEET_CMAKE_GENERATOR) +
      " -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=" + quoted(BROADSHEET_CXX_COMPILER) +
      " -DCMAKE_PREFIX_PATH=" + quoted(prefix()));
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  r = run_command(cmake + " --build " + quoted(build));
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  const std::string pdf = work_dir() + "/example.pdf";
  r = run_command(kCleanEnv + build + "/render_page " + kArticle + " " + kTemplate + " " +
                  quoted(pdf));
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  BOOST_TEST(r.output.find("lead: 66 lines") != std::string::npos, r.output);
  BOOST_TEST((slurp(pdf) == cli_pdf()));
}

BOOST_AUTO_TEST_CASE(the_example_builds_with_pkg_config_too) {
  const std::string pc =
      "PKG_CONFIG_PATH=" + quoted(fs::path(installed_library()).parent_path() / "pkgconfig") +
      " pkg-config ";
  const auto datadir = run_command(pc + "--variable=datadir broadsheet");
  BOOST_TEST_REQUIRE(datadir.status == 0, datadir.output);
  const std::string data = datadir.output.substr(0, datadir.output.find('\n'));
  BOOST_TEST(fs::equivalent(data, prefix() + "/share/broadsheet"), data);
  const std::string program = work_dir() + "/render_page_pc";
  auto r = run_command(std::string(BROADSHEET_CXX_COMPILER) + " -std=c++20 -o " + quoted(program) +
                       " " + quoted(kSource + "/engine/examples/render_page/render_page.cpp") +
                       " '-DBROADSHEET_DATA_DIR=\"" + data + "\"' $(" + pc +
                       "--cflags --libs broadsheet)");
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  const std::string pdf = work_dir() + "/example_pc.pdf";
  r = run_command(kCleanEnv + program + " " + kArticle + " " + kTemplate + " " + quoted(pdf));
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  BOOST_TEST((slurp(pdf) == cli_pdf()));
}

BOOST_AUTO_TEST_CASE(the_installed_cli_prints_and_preflights_with_its_own_print_module) {
  const std::string pdf = work_dir() + "/installed_print.pdf";
  auto r = run_command(kCleanEnv + "LD_DEBUG=files " + prefix() + "/bin/broadsheet render " +
                       kArticle + " -t " + kTemplate + " --print -o " + quoted(pdf));
  BOOST_TEST_REQUIRE(r.status == 0, r.output);
  const std::string module =
      (fs::path(installed_library()).parent_path() / "broadsheet_pdfparts.so").string();
  BOOST_TEST(r.output.find(module) != std::string::npos, r.output);  // its own, not the build's
  BOOST_TEST(r.output.find(std::string(BROADSHEET_BUILD_DIR) + "/broadsheet_pdfparts") ==
             std::string::npos);
  r = run_command(kCleanEnv + prefix() + "/bin/broadsheet preflight " + quoted(pdf) + " -t " +
                  kTemplate);
  BOOST_TEST(r.status == 0, r.output);
}
