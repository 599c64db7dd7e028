#include "cli/commands.hpp"

int main(int argc, char** argv) {
  return taawun::cli::run(argc, argv);
}
