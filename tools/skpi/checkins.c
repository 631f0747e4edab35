/* Check-ins recorded with `skpi okr checkin` live in the store; the
 * objectives and key results they belong to live in the definitions file.
 * These helpers put the two together (docs/skpi.md, "Check-ins"). */
#define _POSIX_C_SOURCE 200809L
#include "skpi.h"

#include <math.h>
#include <string.h>

/* The key result of `obj` with this title, or NULL. Check-ins follow a key
 * result by its title, so that reordering the file does not move them. */
static skpi_key_result *kr_titled(const skpi_objective *obj, const char *title)
{
    for (size_t k = 0; k < skpi_objective_key_result_count(obj); k++) {
        skpi_key_result *kr = skpi_objective_key_result(obj, k);
        if (strcmp(skpi_key_result_title(kr), title) == 0) return kr;
    }
    return NULL;
}

static bool has_checkin_at(const skpi_key_result *kr, skpi_time t)
{
    for (size_t i = 0; i < skpi_key_result_checkin_count(kr); i++) {
        skpi_time when;
        if (skpi_key_result_checkin(&when, NULL, NULL, NULL, kr, i) == SKPI_OK && when == t) return true;
    }
    return false;
}

/* Copy the check-ins of `from` that `to` lacks (the file's own win a tie). */
static int copy_checkins(skpi_key_result *to, const skpi_key_result *from)
{
    for (size_t i = 0; i < skpi_key_result_checkin_count(from); i++) {
        skpi_time t;
        double value, confidence;
        const char *note, *author = "";
        int rc = skpi_key_result_checkin(&t, &value, &confidence, &note, from, i);
        if (rc == SKPI_OK && has_checkin_at(to, t)) continue;
        if (rc == SKPI_OK) rc = skpi_key_result_checkin_author(&author, from, i);
        if (rc == SKPI_OK)
            rc = skpi_key_result_add_checkin_by(to, t, value, confidence, note[0] ? note : NULL,
                                                author[0] ? author : NULL);
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}

int apply_stored_checkins(const command *cmd, skpi_definitions *defs, skpi_store *st, bool strict)
{
    skpi_definitions *stored = NULL;
    int rc = skpi_store_read_definitions(&stored, st, skpi_definitions_catalog(defs));
    if (rc != SKPI_OK) return fail_lib_at(cmd, rc, "the check-ins in the store");
    int code = EXIT_DONE;
    for (size_t i = 0; i < skpi_definitions_objective_count(stored) && code == EXIT_DONE; i++) {
        const char *id = skpi_definitions_objective_id(stored, i);
        size_t at;
        if (skpi_definitions_find_objective(&at, defs, id) != SKPI_OK) continue;
        const skpi_objective *from = skpi_definitions_objective(stored, i);
        const skpi_objective *to = skpi_definitions_objective(defs, at);
        for (size_t k = 0; k < skpi_objective_key_result_count(from) && code == EXIT_DONE; k++) {
            const skpi_key_result *kr = skpi_objective_key_result(from, k);
            if (skpi_key_result_checkin_count(kr) == 0) continue;
            skpi_key_result *mine = kr_titled(to, skpi_key_result_title(kr));
            if (mine == NULL) {
                /* Saving the file's objective would drop them: refuse that;
                 * for reading, say they are left out. */
                code = fail(strict ? EXIT_INPUT : EXIT_DONE, cmd,
                            "%s: the store holds check-ins of the key result \"%s\", which the "
                            "definitions no longer have; they are %s",
                            id, skpi_key_result_title(kr),
                            strict ? "kept, and nothing was recorded (restore that key result's title)"
                                   : "left out");
                continue;
            }
            rc = copy_checkins(mine, kr);
            if (rc != SKPI_OK) code = fail_lib_at(cmd, rc, id);
        }
    }
    skpi_definitions_free(stored);
    return code;
}
