// broadsheet preflight: checks a PDF as a printing plant would before it goes to press.

#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "print/pdf_parts.h"
#include "template/page_template.h"

namespace broadsheet::cli {

namespace {

struct PreflightArgs {
  std::string pdf;
  std::string template_path;
  double ink_limit = 0;  ///< percent; 0: the template's, else 240
};

void run_preflight(const PreflightArgs& args) {
  print::PreflightOptions options;
  if (!args.template_path.empty()) {
    const layout_template::PageTemplate tpl = layout_template::load_template(args.template_path);
    options.trim_width = tpl.page.width;
    options.trim_height = tpl.page.height;
    options.bleed = tpl.page.bleed;
    options.ink_limit = tpl.print.ink_limit;
  }
  if (args.ink_limit > 0) options.ink_limit = args.ink_limit / 100;
  print::Findings findings;
  try {
    findings = print::pdf_parts().preflight(args.pdf, options);  // the module: qpdf
  } catch (const print::UnreadablePdf& e) {
    std::cerr << "broadsheet: error: " << e.what() << "\n";
    throw ExitStatus{2};
  }
  for (const std::string& line : findings.lines()) std::cout << "fail: " << line << "\n";
  if (findings.empty()) {
    std::cout << "preflight: " << args.pdf << " passes\n";
    return;
  }
  std::cout << "preflight: " << args.pdf << " fails (" << findings.lines().size() << " problems)\n";
  throw ExitStatus{1};
}

}  // namespace

void add_preflight_command(CLI::App& app) {
  auto args = std::make_shared<PreflightArgs>();
  CLI::App* cmd = app.add_subcommand(
      "preflight",
      "Check a PDF for press: page boxes, fonts, colour spaces, rich black, ink, rules, PDF/X");
  cmd->add_option("pdf", args->pdf, "The PDF to check")->required();
  cmd->add_option("--template,-t", args->template_path,
                  "Page template: trim size, bleed and ink limit to check against");
  cmd->add_option("--ink-limit", args->ink_limit,
                  "Total ink limit in percent (default: the template's, else 240)")
      ->check(CLI::Range(100.0, 400.0));
  cmd->callback([args] { run_preflight(*args); });
}

}  // namespace broadsheet::cli
