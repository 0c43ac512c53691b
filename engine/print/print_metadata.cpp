#include "print/print_metadata.h"

#include <cctype>
#include <cstdio>
#include <sstream>

namespace broadsheet::print {

namespace {

/// The section flag's text: the first folio item on a colour block.
std::string section_of(const layout_template::PageTemplate& page_template) {
  if (!page_template.folio) return {};
  for (const auto& item : page_template.folio->items)
    if (item.background && item.text.find('{') == std::string::npos) return item.text;
  return {};
}

/// The e-mail addresses in a contact line ("Contact the writers at a@x.com and b@x.com").
std::vector<std::string> addresses_in(const std::string& line) {
  std::vector<std::string> found;
  std::istringstream words(line);
  std::string word;
  while (words >> word) {
    while (!word.empty() && std::ispunct(static_cast<unsigned char>(word.back()))) word.pop_back();
    if (word.find('@') != std::string::npos) found.push_back(word);
  }
  return found;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!text.empty()) text += ", ";
    text += part;
  }
  return text;
}

}  // namespace

PdfInfo describe_page(const layout_template::PageTemplate& page_template,
                      const std::vector<const story::Story*>& stories, const PageSlug& slug) {
  PdfInfo info;
  std::string publication;
  std::vector<std::string> writers;
  for (const story::Story* story : stories) {
    if (publication.empty() && story->source) publication = story->source->publication;
    if (story->contact)
      for (const std::string& address : addresses_in(story->contact->text))
        writers.push_back(address);
  }
  info.subject = section_of(page_template);
  info.author = joined(writers);
  std::string page, date;
  if (slug.page) page = "page " + std::to_string(*slug.page);
  if (slug.date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", slug.date->year, slug.date->month,
                  slug.date->day);
    date = text;
  }
  info.title = joined({publication, info.subject, page, date});
  if (info.title.empty() && !stories.empty()) info.title = stories.front()->headline.text;
  return info;
}

}  // namespace broadsheet::print
