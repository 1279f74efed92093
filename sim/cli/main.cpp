#include "cli/commands.hpp"

int main(int argc, char** argv) { return hukou::cli::main(argc, argv); }
