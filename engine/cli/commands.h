#pragma once
// The subcommands of the broadsheet program.

#include <broadsheet/engine.h>

#include <CLI/CLI.hpp>
#include <string>

namespace broadsheet::cli {

/// Thrown by a subcommand to end the program with a status other than 0 without an error line
/// (overset pages: 2).
struct ExitStatus {
  int code = 0;
};

/// The engine's settings for the --fonts and --breaker options. Without --fonts (and without
/// $BROADSHEET_FONTS or $BROADSHEET_DATA_DIR), fonts come from share/broadsheet beside this
/// program or one folder up: the build tree and an installed prefix both have one.
EngineSettings engine_settings(const std::string& fonts_dir, const std::string& breaker);

/// Adds every subcommand to `app`; each runs from its callback.
void register_commands(CLI::App& app);

// One function per subcommand, each in its own file (cli/<name>_command.cpp).
void add_render_command(CLI::App& app);
void add_inspect_commands(CLI::App& app);  // hyphenate, break
void add_diff_command(CLI::App& app);
void add_preflight_command(CLI::App& app);
void add_batch_command(CLI::App& app);  // an edition, on all cores

}  // namespace broadsheet::cli
