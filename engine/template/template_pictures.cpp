// A slot's picture keys: templates/README.md, "Pictures and advertisements".

#include "template/template_pictures.h"

#include <filesystem>

namespace broadsheet::layout_template::detail {

namespace {

/// Fails unless the slot is of one of `kinds` ("picture", "advertisement", "story").
void require_kind(const Field& field, const Slot& slot, std::initializer_list<SlotKind> kinds,
                  const char* which) {
  for (SlotKind kind : kinds)
    if (slot.kind == kind) return;
  fail(field, std::string("only ") + which + " take this key");
}

std::array<double, 2> read_focus(const Field& field) {
  const std::vector<double> v = read_numbers(field, 2);
  for (double f : v)
    if (f < 0 || f > 1)
      fail(field, "expected [x, y] fractions of the picture from 0 to 1, got " + format_number(f));
  return {v[0], v[1]};
}

std::array<double, 4> read_crop(const Field& field) {
  const std::vector<double> v = read_numbers(field, 4);
  for (double f : v)
    if (f < 0 || f > 1)
      fail(field,
           "expected [left, top, right, bottom] fractions from 0 to 1, got " + format_number(f));
  if (v[0] >= v[2] || v[1] >= v[3])
    fail(field, "left must be less than right and top less than bottom");
  return {v[0], v[1], v[2], v[3]};
}

std::string read_file(const Field& field, const std::string& template_file) {
  std::filesystem::path path = read_name(field);
  if (path.is_relative()) path = std::filesystem::path(template_file).parent_path() / path;
  if (!std::filesystem::is_regular_file(path)) fail(field, "no file at '" + path.string() + "'");
  return path.string();
}

std::string read_style_name(const Field& field, const PageTemplate& page_template) {
  std::string name = read_name(field);
  if (!page_template.styles.count(name)) fail(field, "unknown style '" + name + "'");
  return name;
}

}  // namespace

void read_picture_keys(const TableView& table, const PageTemplate& page_template, Slot& slot) {
  using enum SlotKind;
  PictureOptions& p = slot.picture;
  if (auto f = table.find("file")) {
    require_kind(*f, slot, {Picture, Advertisement}, "picture and advertisement slots");
    p.file = read_file(*f, page_template.file);
  }
  if (auto f = table.find("focus")) {
    require_kind(*f, slot, {Picture, Story}, "picture and story slots");
    p.focus = read_focus(*f);
  }
  if (auto f = table.find("crop")) {
    require_kind(*f, slot, {Picture, Story}, "picture and story slots");
    p.crop = read_crop(*f);
  }
  if (auto f = table.find("scale_to_fit")) {
    require_kind(*f, slot, {Advertisement}, "advertisement slots");
    p.scale_to_fit = read_bool(*f);
  }
  for (auto [key, text] : {std::pair{"caption", &p.caption}, {"credit", &p.credit}})
    if (auto f = table.find(key)) {
      require_kind(*f, slot, {Picture}, "picture slots");
      *text = read_string(*f);
    }
  for (auto [key, name] :
       {std::pair{"caption_style", &p.caption_style}, {"credit_style", &p.credit_style}})
    if (auto f = table.find(key)) {
      require_kind(*f, slot, {Picture, Story}, "picture and story slots");
      *name = read_style_name(*f, page_template);
    }
  if (auto f = table.find("picture_depth")) {
    require_kind(*f, slot, {Story}, "story slots");
    p.depth = read_positive_length(*f);
  }
  if (auto f = table.find("picture_columns")) {
    require_kind(*f, slot, {Story}, "story slots");
    p.columns = read_integer(*f);
    const int span = slot.last_column - slot.first_column + 1;
    if (p.columns < 1 || p.columns > span)
      fail(*f, "expected 1 to " + std::to_string(span) + " (the slot's columns), got " +
                   std::to_string(p.columns));
  }
  if (auto f = table.find("picture_gap")) {
    require_kind(*f, slot, {Story}, "story slots");
    p.gap = read_non_negative_length(*f);
  }
}

}  // namespace broadsheet::layout_template::detail
