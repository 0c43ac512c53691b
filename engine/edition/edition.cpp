#include "edition/edition.h"

#include <toml++/toml.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <utility>

#include "core/atomic_file.h"
#include "core/bounded_read.h"
#include "core/diagnostics.h"
#include "core/limits.h"

namespace broadsheet::edition {

namespace {

namespace fs = std::filesystem;

/// Resolves paths and reports errors at a node of one edition file.
class Reader {
 public:
  Reader(std::string file, std::string base_dir)
      : file_(std::move(file)), base_(std::move(base_dir)) {}
  const std::string& base_dir() const { return base_; }

  [[noreturn]] void fail(const toml::node& node, const std::string& message) const {
    const toml::source_position at = node.source().begin;
    throw InputError({file_, static_cast<int>(at.line), static_cast<int>(at.column)}, message);
  }

  void allow_only(const toml::table& table, std::initializer_list<std::string_view> keys) const {
    for (const auto& [key, value] : table) {
      bool known = false;
      for (std::string_view k : keys) known = known || key.str() == k;
      if (!known) fail(value, "unknown key '" + std::string(key.str()) + "'");
    }
  }

  std::string path(const toml::node& node) const {
    const auto* text = node.as_string();
    if (text == nullptr || text->get().empty()) fail(node, "expected a file name (a string)");
    const fs::path given(text->get());
    return (given.is_absolute() ? given : fs::path(base_) / given).lexically_normal().string();
  }

  bool flag(const toml::node& node) const {
    const auto* value = node.as_boolean();
    if (value == nullptr) fail(node, "expected true or false");
    return value->get();
  }

  Date date(const toml::node& node) const {
    const auto* value = node.as_date();
    if (value == nullptr) fail(node, "expected a date such as 2015-12-17 (no quotes)");
    const toml::date d = value->get();
    const std::chrono::year_month_day ymd{std::chrono::year{d.year}, std::chrono::month{d.month},
                                          std::chrono::day{d.day}};
    if (!ymd.ok()) fail(node, "not a calendar date");
    return {d.year, d.month, d.day};
  }

  int page_number(const toml::node& node) const {
    const auto* value = node.as_integer();
    if (value == nullptr || value->get() < 1 || value->get() > 9999)
      fail(node, "expected a page number from 1 to 9999");
    return static_cast<int>(value->get());
  }

 private:
  std::string file_, base_;
};

/// What [edition] gives every page unless the page says otherwise.
struct Defaults {
  std::string template_path;
  std::optional<Date> date;
  std::string output_dir;
  bool no_deck = false;
  bool copyfit = false;
};

Defaults read_defaults(const Reader& reader, const toml::table& root, std::string& name) {
  Defaults defaults;
  defaults.output_dir = reader.base_dir();
  const toml::node* node = root.get("edition");
  if (node == nullptr) return defaults;
  const toml::table* table = node->as_table();
  if (table == nullptr) reader.fail(*node, "expected a table [edition]");
  reader.allow_only(*table, {"name", "template", "date", "output", "no_deck", "fit"});
  if (const toml::node* n = table->get("name")) {
    if (!n->is_string()) reader.fail(*n, "expected the edition's name (a string)");
    name = n->value_or(std::string());
  }
  if (const toml::node* n = table->get("template")) defaults.template_path = reader.path(*n);
  if (const toml::node* n = table->get("date")) defaults.date = reader.date(*n);
  if (const toml::node* n = table->get("output")) defaults.output_dir = reader.path(*n);
  if (const toml::node* n = table->get("no_deck")) defaults.no_deck = reader.flag(*n);
  if (const toml::node* n = table->get("fit")) defaults.copyfit = reader.flag(*n);
  return defaults;
}

std::vector<EditionArticle> read_articles(const Reader& reader, const toml::table& page,
                                          bool no_deck) {
  std::vector<EditionArticle> articles;
  if (const toml::node* node = page.get("articles")) {
    const toml::array* list = node->as_array();
    if (list == nullptr) reader.fail(*node, "expected a list of article files");
    for (const toml::node& item : *list) articles.push_back({reader.path(item), "", !no_deck});
  }
  if (const toml::node* node = page.get("slots")) {
    const toml::table* slots = node->as_table();
    if (slots == nullptr) reader.fail(*node, "expected a table of slot = \"article file\"");
    for (const auto& [slot, file] : *slots)
      articles.push_back({reader.path(file), std::string(slot.str()), !no_deck});
  }
  return articles;
}

EditionPage read_page(const Reader& reader, const toml::node& node, const Defaults& defaults,
                      int position) {
  const toml::table* table = node.as_table();
  if (table == nullptr) reader.fail(node, "expected a table [[page]]");
  reader.allow_only(*table,
                    {"template", "articles", "slots", "date", "page", "no_deck", "fit", "output"});
  EditionPage page;
  page.position = position;
  page.template_path = defaults.template_path;
  if (const toml::node* n = table->get("template")) page.template_path = reader.path(*n);
  if (page.template_path.empty())
    reader.fail(node, "no template: give the page a template or [edition] a default");
  bool no_deck = defaults.no_deck;
  if (const toml::node* n = table->get("no_deck")) no_deck = reader.flag(*n);
  page.articles = read_articles(reader, *table, no_deck);
  if (page.articles.empty()) reader.fail(node, "the page has no articles (articles = [...])");
  page.date = defaults.date;
  if (const toml::node* n = table->get("date")) page.date = reader.date(*n);
  page.page_number = position;
  if (const toml::node* n = table->get("page")) page.page_number = reader.page_number(*n);
  page.copyfit = defaults.copyfit;
  if (const toml::node* n = table->get("fit")) page.copyfit = reader.flag(*n);
  char name[32];
  std::snprintf(name, sizeof name, "page-%03d.pdf", position);
  page.output = (fs::path(defaults.output_dir) / name).string();
  if (const toml::node* n = table->get("output")) {
    const auto* file = n->as_string();
    if (file == nullptr || file->get().empty()) reader.fail(*n, "expected a PDF file name");
    page.output = (fs::path(defaults.output_dir) / file->get()).lexically_normal().string();
  }
  return page;
}

/// Every file the edition reads, each with what it is: the edition file, then each page's
/// template and articles.
std::vector<std::pair<std::string, std::string>> edition_inputs(const Edition& edition) {
  std::vector<std::pair<std::string, std::string>> inputs{{edition.file, "the edition file"}};
  for (const EditionPage& page : edition.pages) {
    const std::string of_page = " of page " + std::to_string(page.position);
    inputs.emplace_back(page.template_path, "the template" + of_page);
    for (const EditionArticle& article : page.articles)
      inputs.emplace_back(article.path, "an article" + of_page);
  }
  return inputs;
}

/// Throws when `output` (written for `whose`) is one of the edition's inputs.
void check_not_an_input(const Edition& edition, const std::string& output,
                        const std::string& whose) {
  const FileIdentity identity = file_identity(output);
  for (const auto& [input, what] : edition_inputs(edition))
    if (file_identity(input) == identity)
      throw InputError({edition.file}, whose + " writes " + output + ", which is " + what + " (" +
                                           input + "); an output may not replace an input");
}

/// Before any work: no page writes an input, and no two pages write one file (they would race).
/// Each path is looked up once (an edition of hundreds of pages checks in milliseconds).
void check_outputs(const Edition& edition) {
  std::map<FileIdentity, std::pair<std::string, std::string>> inputs;  // path, what it is
  for (auto& [path, what] : edition_inputs(edition))
    inputs.try_emplace(file_identity(path), path, what);
  std::map<FileIdentity, std::size_t> outputs;  // the first page that writes each
  for (std::size_t i = 0; i < edition.pages.size(); ++i) {
    const std::string& output = edition.pages[i].output;
    const FileIdentity identity = file_identity(output);
    if (const auto input = inputs.find(identity); input != inputs.end())
      throw InputError({edition.file}, "page " + std::to_string(i + 1) + " writes " + output +
                                           ", which is " + input->second.second + " (" +
                                           input->second.first +
                                           "); an output may not replace an input");
    if (const auto [first, added] = outputs.try_emplace(identity, i); !added)
      throw InputError({edition.file}, "pages " + std::to_string(first->second + 1) + " and " +
                                           std::to_string(i + 1) + " both write " + output + " (" +
                                           edition.pages[first->second].output + ")");
  }
}

}  // namespace

Edition parse_edition(const std::string& toml_text, const std::string& file_name,
                      const std::string& base_dir, const std::string& output_dir) {
  toml::table root;
  try {
    root = toml::parse(std::string_view(toml_text), std::string_view(file_name));
  } catch (const toml::parse_error& error) {
    const toml::source_position at = error.source().begin;
    throw InputError({file_name, static_cast<int>(at.line), static_cast<int>(at.column)},
                     "TOML syntax error: " + std::string(error.description()));
  }
  const Reader reader(file_name, base_dir);
  reader.allow_only(root, {"edition", "page"});
  Edition edition;
  edition.file = file_name;
  Defaults defaults = read_defaults(reader, root, edition.name);
  if (!output_dir.empty()) defaults.output_dir = output_dir;
  const toml::node* pages = root.get("page");
  const toml::array* list = pages != nullptr ? pages->as_array() : nullptr;
  if (list == nullptr || list->empty())
    throw InputError({file_name}, "an edition needs at least one [[page]]");
  for (const toml::node& page : *list)
    edition.pages.push_back(
        read_page(reader, page, defaults, static_cast<int>(edition.pages.size()) + 1));
  check_outputs(edition);
  return edition;
}

void check_combined_output(const Edition& edition, const std::string& combined) {
  check_not_an_input(edition, combined, "--combined");
}

Edition read_edition(const std::string& path, const std::string& output_dir) {
  const std::string text = read_bounded_file(path, limits::kTemplateBytes, "edition file");
  const std::string base = fs::path(path).parent_path().string();
  return parse_edition(text, path, base.empty() ? "." : base, output_dir);
}

PageRequest page_request(const EditionPage& page) {
  PageRequest request{.page_template = template_from_file(page.template_path)};
  for (const EditionArticle& article : page.articles) {
    Article text = article_from_file(article.path, article.has_deck);
    text.slot = article.slot;
    request.articles.push_back(std::move(text));
  }
  request.date = page.date;
  request.page_number = page.page_number;
  request.copyfit = page.copyfit;
  return request;
}

ShardRange shard_range(std::size_t total, int index, int count) {
  const auto i = static_cast<std::size_t>(index - 1);
  const auto n = static_cast<std::size_t>(count);
  return {total * i / n, total * (i + 1) / n};
}

}  // namespace broadsheet::edition
