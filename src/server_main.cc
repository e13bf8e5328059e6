// Entry point of jixiao-server: every command, with the database (SQLite, PostgreSQL) and web
// server code. The jixiao binary runs it (exec, same process id) for archive, serve, user and
// compare --archive; all behaviour lives in cli/.
#include "cli/commands.h"

int main(int argc, char** argv) { return jixiao::cli::Main(argc, argv); }
