#include "cli/commands.hpp"

int main(int argc, char** argv) {
  return taawun::cli::run(argc, argv);
}

#if defined(__SANITIZE_ADDRESS__)
// Debug builds run under LeakSanitizer. Fontconfig (loaded by Pango for the certificates) keeps a
// few hundred bytes of its configuration until exit on purpose, which LeakSanitizer would report
// as a leak and turn into a non-zero exit code of every server that printed a certificate.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}
#endif
