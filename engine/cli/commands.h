#pragma once
// The subcommands of the broadsheet program.

#include <CLI/CLI.hpp>

namespace broadsheet::cli {

/// Thrown by a subcommand to end the program with a status other than 0 without an error line
/// (overset pages: 2).
struct ExitStatus {
  int code = 0;
};

/// Adds every subcommand to `app`; each runs from its callback.
void register_commands(CLI::App& app);

// One function per subcommand, each in its own file (cli/<name>_command.cpp).
void add_render_command(CLI::App& app);
void add_inspect_commands(CLI::App& app);  // hyphenate, break
void add_diff_command(CLI::App& app);
void add_preflight_command(CLI::App& app);

}  // namespace broadsheet::cli
