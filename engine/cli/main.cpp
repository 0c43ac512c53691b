// broadsheet: the command line. Thin: parse arguments, call the library, print diagnostics.

#include <broadsheet/engine.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/heap/process_heap.h"

int main(int argc, char** argv) {
  broadsheet::cli::set_up_process_heap();
  const std::string name = std::string("broadsheet ") + broadsheet::version();
  CLI::App app{name + " - newspaper pages from articles and templates, to print-ready PDF"};
  app.require_subcommand(1);
  app.set_version_flag("--version", name);
  broadsheet::cli::register_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "broadsheet: " << e.what() << " (see --help)\n";
    return 1;
  } catch (const broadsheet::cli::ExitStatus& e) {
    return e.code;
  } catch (const broadsheet::Error& e) {
    std::cerr << "broadsheet: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "broadsheet: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
