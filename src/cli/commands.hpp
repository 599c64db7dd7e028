#pragma once
namespace taawun::cli {
// The `taawun` command line; returns the process exit code.
int run(int argc, char** argv);
}  // namespace taawun::cli
