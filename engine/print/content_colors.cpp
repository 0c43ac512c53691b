#include "print/content_colors.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace broadsheet::print {

namespace {

bool is_number(const QPDFTokenizer::Token& token) {
  return token.getType() == QPDFTokenizer::tt_integer || token.getType() == QPDFTokenizer::tt_real;
}

bool is_black_only(const Cmyk& inks) {
  return inks.c == 0 && inks.m == 0 && inks.y == 0 && inks.k == 1;
}

}  // namespace

std::string format_ink(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", value);
  std::string out = text;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out == "-0" ? "0" : out;
}

CmykColorFilter::CmykColorFilter(const ColorTable& colors, bool overprint_black, std::string where)
    : colors_(colors), overprint_black_(overprint_black), where_(std::move(where)) {}

void CmykColorFilter::flush() {
  for (const auto& token : pending_) writeToken(token);
  pending_.clear();
  operands_.clear();
}

void CmykColorFilter::set_overprint(bool stroking, bool on) {
  Overprint wanted = overprint_;
  (stroking ? wanted.stroke : wanted.fill) = on;
  if (wanted.stroke == overprint_.stroke && wanted.fill == overprint_.fill) return;
  overprint_ = wanted;
  write(std::string(kOverprintStates[2 * int(wanted.stroke) + int(wanted.fill)]) + " gs ");
}

void CmykColorFilter::rewrite_color(const std::string& op) {
  const bool stroking = op == "RG" || op == "G";
  const bool gray = op == "g" || op == "G";
  Cmyk inks;
  if (gray) {
    inks = Cmyk{0, 0, 0, std::round((1 - operands_[0]) * 10000) / 10000};
  } else {
    const std::optional<Cmyk> found = colors_.find(operands_[0], operands_[1], operands_[2]);
    if (!found) {
      char text[96];
      std::snprintf(text, sizeof text, "%g %g %g %s", operands_[0], operands_[1], operands_[2],
                    op.c_str());
      throw std::runtime_error(where_ + ": the colour " + text + " is in no colour table entry");
    }
    inks = *found;
  }
  pending_.clear();
  operands_.clear();
  if (overprint_black_) set_overprint(stroking, is_black_only(inks));
  write(format_ink(inks.c) + " " + format_ink(inks.m) + " " + format_ink(inks.y) + " " +
        format_ink(inks.k) + (stroking ? " K" : " k"));
}

void CmykColorFilter::handleToken(QPDFTokenizer::Token const& token) {
  const auto type = token.getType();
  if (is_number(token)) {
    pending_.push_back(token);
    operands_.push_back(std::stod(token.getValue()));
    return;
  }
  if ((type == QPDFTokenizer::tt_space || type == QPDFTokenizer::tt_comment) && !pending_.empty()) {
    pending_.push_back(token);
    return;
  }
  if (type == QPDFTokenizer::tt_word) {
    const std::string& op = token.getValue();
    const std::size_t wanted = (op == "rg" || op == "RG") ? 3 : (op == "g" || op == "G") ? 1 : 0;
    if (wanted > 0 && operands_.size() == wanted) {
      rewrite_color(op);
      return;
    }
    if (op == "cs" || op == "CS" || op == "sc" || op == "SC" || op == "scn" || op == "SCN")
      throw std::runtime_error(where_ + ": colour space operator '" + op +
                               "' is not supported by the print pass");
    if (op == "q") saved_.push_back(overprint_);
    if (op == "Q" && !saved_.empty()) {
      overprint_ = saved_.back();
      saved_.pop_back();
    }
  }
  flush();
  writeToken(token);
}

void CmykColorFilter::handleEOF() {
  flush();
}

}  // namespace broadsheet::print
