#include "print/color_table.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace broadsheet::print {

namespace {

std::string percent(double ink) {
  return std::to_string(static_cast<int>(std::lround(ink * 100))) + " %";
}

std::string describe(const Cmyk& inks) {
  char text[96];
  std::snprintf(text, sizeof text, "cmyk(%g, %g, %g, %g)", inks.c * 100, inks.m * 100, inks.y * 100,
                inks.k * 100);
  return text;
}

/// Colours already given a key: the colour as the display list has it, and its key.
using KeyMemo = std::vector<std::pair<Color, Color>>;

/// The key for `color`, adding it to `table` when new.
Color key_for(const Color& color, const CmykConverter& converter, ColorTable& table,
              KeyMemo& memo) {
  for (const auto& [known, key] : memo)
    if (known == color) return key;
  const Cmyk inks = color.cmyk ? *color.cmyk : converter.convert(color);
  if (color.cmyk && inks != kRegistration && total_ink(inks) > converter.ink_limit() + 1e-9)
    throw std::runtime_error("the colour " + describe(inks) + " needs " + percent(total_ink(inks)) +
                             " ink, over the template's ink limit of " +
                             percent(converter.ink_limit()));
  Color key(color.r, color.g, color.b);
  const std::optional<Cmyk> taken = table.find(key.r, key.g, key.b);
  if (!taken) {
    table.add(key, inks);
  } else if (*taken != inks) {
    // Another colour already draws this RGB: move the blue a little until the key is free (the
    // print PDF shows inks, never these RGB values).
    for (int step = 1; table.has_key(key.r, key.g, key.b); ++step)
      key.b = color.b > 0.5 ? color.b - step / 1024.0 : color.b + step / 1024.0;
    table.add(key, inks);
  }
  memo.emplace_back(color, key);
  return key;
}

/// The item's colour; null for a picture, which keeps its own.
Color* color_of(DisplayItem& item) {
  return std::visit(
      [](auto& shape) -> Color* {
        if constexpr (std::is_same_v<std::decay_t<decltype(shape)>, ImageItem>)
          return nullptr;
        else
          return &shape.color;
      },
      item.shape);
}

}  // namespace

ColorTable assign_print_colors(DisplayList& display, const CmykConverter& converter) {
  ColorTable table;
  KeyMemo memo;
  for (DisplayPage& page : display.pages)
    for (DisplayItem& item : page.items) {
      if (Color* color = color_of(item)) *color = key_for(*color, converter, table, memo);
    }
  return table;
}

}  // namespace broadsheet::print
