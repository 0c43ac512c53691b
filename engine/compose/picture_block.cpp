#include "compose/picture_block.h"

#include <cmath>
#include <cstdio>

#include "compose/module_placement.h"
#include "compose/placement.h"
#include "compose/story_text.h"
#include "paragraph/typeset.h"
#include "picture/picture_fit.h"

namespace broadsheet::compose {

namespace lt = layout_template;

namespace {

constexpr double kGapUnderPicture = 3;  // pt from the picture's foot to the first text's top

const lt::TextStyle& style_or_fallback(const lt::PageTemplate& tpl, const std::string& name) {
  if (tpl.styles.count(name)) return tpl.styles.at(name);
  if (tpl.styles.count("body")) return tpl.styles.at("body");
  return tpl.styles.begin()->second;
}

double ascender(const ComposeContext& context, const lt::TextStyle& style) {
  return context.fonts.font(context.fonts.find(style.font.family, style.font.style))
             .metrics()
             .ascender *
         style.size;
}

double descender(const ComposeContext& context, const lt::TextStyle& style) {
  return context.fonts.font(context.fonts.find(style.font.family, style.font.style))
             .metrics()
             .descender *
         style.size;
}

std::vector<paragraph::SetLine> set_text(const ComposeContext& context, const lt::TextStyle& style,
                                         const std::string& text, double width, bool right) {
  if (text.empty()) return {};
  paragraph::ParagraphStyle ps = story_text_style(context, style);
  if (right) ps.align = lt::Align::Right;
  const auto prepared =
      paragraph::prepare_paragraph(context.fonts, story_hyphenator(context), text, ps,
                                   /*indent_first_line=*/false);
  return paragraph::break_paragraph(context.fonts, prepared, context.body_breaker, width).lines;
}

std::string format_dpi(double dpi) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f", std::floor(dpi));
  return text;
}

}  // namespace

PictureTexts set_picture_texts(const ComposeContext& context, const lt::PageTemplate& tpl,
                               const lt::PictureOptions& options, const std::string& caption,
                               const std::string& credit, double width) {
  PictureTexts texts;
  texts.credit_style = &style_or_fallback(tpl, options.credit_style);
  texts.caption_style = &style_or_fallback(tpl, options.caption_style);
  texts.credit = set_text(context, *texts.credit_style, credit, width, true);
  texts.caption = set_text(context, *texts.caption_style, caption, width, false);
  texts.alt = caption;
  double baseline = kGapUnderPicture;
  const lt::TextStyle* last = nullptr;
  for (std::size_t i = 0; i < texts.credit.size(); ++i) {
    baseline += i == 0 ? ascender(context, *texts.credit_style) : texts.credit_style->leading;
    texts.credit_baselines.push_back(baseline);
    last = texts.credit_style;
  }
  for (std::size_t i = 0; i < texts.caption.size(); ++i) {
    baseline += last ? texts.caption_style->leading : ascender(context, *texts.caption_style);
    texts.caption_baselines.push_back(baseline);
    last = texts.caption_style;
  }
  if (last) texts.height = baseline + descender(context, *last);
  return texts;
}

void place_picture(const PlacedImagePtr& image, const lt::PictureOptions& options,
                   const Rect& frame, const PictureTexts& texts, const PictureTarget& target,
                   DisplayPage& drawing, std::vector<PlacedLine>& lines, Warnings& warnings) {
  picture::FittedPicture fitted =
      picture::fill_frame(image, frame, {.focus = options.focus, .crop = options.crop});
  fitted.item.alt = texts.alt;
  drawing.add(std::move(fitted.item));
  if (fitted.dpi < kMinPictureDpi)
    warnings.push_back({"low-resolution", image->path + ": " + format_dpi(fitted.dpi) +
                                              " dpi at its size in slot '" + target.slot +
                                              "' (under " + format_dpi(kMinPictureDpi) + ")"});
  const ModuleRegion region{target.page, frame.y, frame.bottom(), {}};
  const auto put = [&](const paragraph::SetLine& line, const lt::TextStyle& style, double y,
                       LineRole role) {
    const std::size_t first = drawing.items.size();
    place_line(line, frame.x, y, style.color, drawing);
    tag_runs(drawing, first, role);
    lines.push_back(placed_line(region, target.slot, role, style, line, frame.x, y, style.size));
  };
  for (std::size_t i = 0; i < texts.credit.size(); ++i)
    put(texts.credit[i], *texts.credit_style, frame.bottom() + texts.credit_baselines[i],
        LineRole::Credit);
  for (std::size_t i = 0; i < texts.caption.size(); ++i)
    put(texts.caption[i], *texts.caption_style, frame.bottom() + texts.caption_baselines[i],
        LineRole::Caption);
}

}  // namespace broadsheet::compose
