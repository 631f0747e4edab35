/* Command-line options: GNU-style long options (`--db PATH`, `--db=PATH`),
 * short ones (`-o FILE`), `--` to end them, and each command's --help. */
#include "skpi.h"

#include <string.h>

static size_t spec_count(const command *cmd)
{
    size_t n = 0;
    while (cmd->options && cmd->options[n].name) n++;
    return n;
}

void print_help(FILE *fp, const command *cmd)
{
    fprintf(fp, "usage: skpi %s\n\n%s\n", cmd->synopsis, cmd->summary);
    if (cmd->details && cmd->details[0]) fprintf(fp, "\n%s", cmd->details);
    fprintf(fp, "\noptions:\n");
    for (size_t i = 0; i < spec_count(cmd); i++) {
        const opt_spec *o = &cmd->options[i];
        char left[64];
        if (o->short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", o->short_name, o->name, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
        fprintf(fp, "  %-26s %s\n", left, o->help);
    }
    fprintf(fp, "  %-26s %s\n", "-h, --help", "show this help and exit");
}

const char *opt(const parsed *p, const command *cmd, const char *name)
{
    for (size_t i = 0; i < spec_count(cmd); i++)
        if (strcmp(cmd->options[i].name, name) == 0) return p->values[i];
    return NULL;
}

int parse_args(parsed *out, const command *cmd, int argc, char **argv)
{
    memset(out, 0, sizeof *out);
    size_t n = spec_count(cmd);
    bool options_done = false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
            if (out->positional_count == sizeof out->positional / sizeof out->positional[0])
                return fail(EXIT_USAGE, cmd, "too many arguments");
            out->positional[out->positional_count++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            options_done = true;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            print_help(stdout, cmd);
            return -1;
        }
        const opt_spec *o = NULL;
        size_t index = 0;
        const char *inline_value = NULL;
        if (a[1] == '-') {
            const char *name = a + 2;
            const char *eq = strchr(name, '=');
            size_t len = eq ? (size_t)(eq - name) : strlen(name);
            for (size_t k = 0; k < n && !o; k++)
                if (strlen(cmd->options[k].name) == len && strncmp(cmd->options[k].name, name, len) == 0) {
                    o = &cmd->options[k];
                    index = k;
                }
            if (eq) inline_value = eq + 1;
        } else if (a[2] == '\0') {
            for (size_t k = 0; k < n && !o; k++)
                if (cmd->options[k].short_name == a[1]) {
                    o = &cmd->options[k];
                    index = k;
                }
        }
        if (o == NULL)
            return fail(EXIT_USAGE, cmd, "unknown option '%s' (see skpi %s --help)", a, cmd->name);
        if (o->arg == NULL) {
            if (inline_value) return fail(EXIT_USAGE, cmd, "--%s takes no value", o->name);
            out->values[index] = "";
        } else if (inline_value) {
            out->values[index] = inline_value;
        } else if (i + 1 < argc) {
            out->values[index] = argv[++i];
        } else {
            return fail(EXIT_USAGE, cmd, "%s needs a value (%s)", a, o->arg);
        }
    }
    if (out->positional_count < cmd->min_args)
        return fail(EXIT_USAGE, cmd, "missing arguments (usage: skpi %s)", cmd->synopsis);
    if (out->positional_count > cmd->max_args)
        return fail(EXIT_USAGE, cmd, "unexpected argument '%s' (usage: skpi %s)",
                    out->positional[cmd->max_args], cmd->synopsis);
    return EXIT_DONE;
}
