// Entry point of the jixiao binary; all behaviour lives in cli/.
#include "cli/commands.h"

int main(int argc, char** argv) { return jixiao::cli::Main(argc, argv); }
