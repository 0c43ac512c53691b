#pragma once
// An edition: a list of pages, each a template and the articles that fill it, read from a TOML
// file (the format is in templates/editions.md). Only the list is read here; the articles and
// templates are read when their page is made, so one bad page fails alone.

#include <optional>
#include <string>
#include <vector>

#include "broadsheet/engine.h"

namespace broadsheet::edition {

/// An article of a page: its file, the slot it fills (empty: the next in order), and whether
/// line 2 is a deck.
struct EditionArticle {
  std::string path;
  std::string slot;
  bool has_deck = true;
};

/// One page of the edition; paths are resolved against the edition file's folder.
struct EditionPage {
  int position = 0;  ///< 1-based place in the edition
  std::string template_path;
  std::vector<EditionArticle> articles;
  std::optional<Date> date;
  std::optional<int> page_number;
  bool copyfit = false;
  std::string output;  ///< the page's PDF
};

struct Edition {
  std::string name;
  std::string file;  ///< the edition file, for messages
  std::vector<EditionPage> pages;
};

/// Reads an edition file. Throws InputError naming the file, line and what is wrong, or naming
/// both files when a page's output is one of the edition's inputs (edition file, templates,
/// articles) or two pages write one file.
/// `output_dir`, when not empty, replaces the edition's output folder.
Edition read_edition(const std::string& path, const std::string& output_dir = "");
/// The same from TOML text; relative paths are resolved against `base_dir`.
Edition parse_edition(const std::string& toml_text, const std::string& file_name,
                      const std::string& base_dir, const std::string& output_dir = "");

/// Throws InputError naming both files when `combined` is one of the edition's inputs.
void check_combined_output(const Edition& edition, const std::string& combined);

/// The page request for a page: its template and articles read from their files. Throws Error
/// naming the file that cannot be read.
PageRequest page_request(const EditionPage& page);

/// The pages [first, last) of shard `index` (1-based) of `count` contiguous slices of `total`.
struct ShardRange {
  std::size_t first = 0, last = 0;
};
ShardRange shard_range(std::size_t total, int index, int count);

}  // namespace broadsheet::edition
