/* skpi: social-media exports to goals, OKRs and reports from the command
 * line. Each command is in its own file; this one chooses it. */
#include "skpi.h"

#include <string.h>

static const command *const commands[] = {
    &cmd_import, &cmd_goals, &cmd_okr, &cmd_report, &cmd_campaign, &cmd_send, &cmd_fleet, &cmd_posts, &cmd_metrics, &cmd_effort, &cmd_resourcing, &cmd_demo,
};
enum { N_COMMANDS = sizeof commands / sizeof commands[0] };

static void usage(FILE *fp)
{
    fprintf(fp, "usage: skpi COMMAND [OPTIONS] [ARGS]\n\n"
                "Social-media exports to goal progress, OKR scores and reports.\n\ncommands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(fp, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
    fprintf(fp, "\n'skpi COMMAND --help' describes a command; 'skpi --version' prints the version.\n\n"
                "exit codes:\n"
                "  0  done\n"
                "  1  done, and a check failed (skpi goals check: a goal fails a SMART letter)\n"
                "  2  the command line is wrong (unknown command or option, missing argument, bad date)\n"
                "  3  an input is invalid (an export, the definitions, an id that does not exist)\n"
                "  4  a file or the store cannot be read or written (missing, not allowed, locked)\n"
                "  5  out of memory, or a fault of the tool\n"
                "  6  sending failed (skpi send): the server refused or could not be reached\n"
                "  7  the report's period has no data (skpi report writes it, saying so; skpi send sends nothing;\n"
                "     skpi posts: no post was published in the range)\n\n"
                "environment:\n"
                "  SKPI_DB      the store when --db is not given\n"
                "  SKPI_CONFIG  the definitions when --config is not given (else ./skpi.json)\n"
                "  SKPI_SMTP_URL, SKPI_SMTP_USER, SKPI_SMTP_PASSWORD, SKPI_MAIL_FROM\n"
                "               the SMTP server, login and sender of skpi send\n"
                "  SKPI_PYTHON  the Python interpreter of skpi fleet (else python3)\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) return fail(EXIT_USAGE, NULL, "no command given (see skpi --help)");
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
        usage(stdout);
        return EXIT_DONE;
    }
    if (strcmp(name, "--version") == 0) {
        printf("skpi %s\n", skpi_version_string());
        return EXIT_DONE;
    }
    bool help = strcmp(name, "help") == 0;
    if (help) {
        if (argc < 3) {
            usage(stdout);
            return EXIT_DONE;
        }
        name = argv[2];
    }
    for (size_t i = 0; i < N_COMMANDS; i++) {
        if (strcmp(commands[i]->name, name) != 0) continue;
        if (help) {
            print_help(stdout, commands[i]);
            return EXIT_DONE;
        }
        parsed p;
        int code = parse_args(&p, commands[i], argc - 2, argv + 2);
        if (code < 0) return EXIT_DONE;
        if (code != EXIT_DONE) return code;
        return commands[i]->run(commands[i], &p);
    }
    return fail(EXIT_USAGE, NULL, "unknown command '%s' (see skpi --help)", name);
}
