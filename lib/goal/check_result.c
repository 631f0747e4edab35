/* Getters of a SMART check result, and the names of letters, verdicts and
 * achievability ratings. */
#include "goal/goal_internal.h"

#include <math.h>

void skpi_goal_check_free(skpi_goal_check_result *r)
{
    if (r == NULL)
        return;
    for (int i = 0; i < SKPI__SMART_LETTERS; i++)
        skpi__free(r->reason[i]);
    skpi__free(r);
}

static bool letter_ok(int letter) { return letter >= 0 && letter < SKPI__SMART_LETTERS; }

int skpi_goal_check_verdict(const skpi_goal_check_result *r, int letter)
{
    if (r == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_check_verdict: result is NULL");
    if (!letter_ok(letter))
        return skpi__error(SKPI_EINVAL, "skpi_goal_check_verdict: letter %d is unknown (0 to 4)", letter);
    return r->verdict[letter];
}

const char *skpi_goal_check_reason(const skpi_goal_check_result *r, int letter)
{
    if (r == NULL || !letter_ok(letter))
        return NULL;
    return r->reason[letter];
}

int skpi_goal_check_overall(const skpi_goal_check_result *r)
{
    if (r == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_check_overall: result is NULL");
    int worst = SKPI_VERDICT_PASS;
    for (int i = 0; i < SKPI__SMART_LETTERS; i++)
        if (r->verdict[i] > worst)
            worst = r->verdict[i];
    return worst;
}

int skpi_goal_check_achievability(const skpi_goal_check_result *r)
{
    if (r == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_check_achievability: result is NULL");
    return r->achievability;
}

double skpi_goal_check_required_rate(const skpi_goal_check_result *r)
{
    return r ? r->required_rate : NAN;
}

double skpi_goal_check_median_rate(const skpi_goal_check_result *r)
{
    return r ? r->median_rate : NAN;
}

double skpi_goal_check_best_rate(const skpi_goal_check_result *r) { return r ? r->best_rate : NAN; }

size_t skpi_goal_check_window_periods(const skpi_goal_check_result *r)
{
    return r ? r->window_periods : 0;
}

size_t skpi_goal_check_window_count(const skpi_goal_check_result *r)
{
    return r ? r->window_count : 0;
}

const char *skpi_smart_letter_name(int letter)
{
    static const char *const names[] = {
        "specific", "measurable", "achievable", "relevant", "time_bound"
    };
    return letter_ok(letter) ? names[letter] : NULL;
}

const char *skpi_verdict_name(int verdict)
{
    static const char *const names[] = { "pass", "warn", "fail" };
    return (verdict >= 0 && verdict < 3) ? names[verdict] : NULL;
}

const char *skpi_achievability_name(int a)
{
    static const char *const names[] = { "unknown", "realistic", "stretch", "unrealistic" };
    return (a >= 0 && a < 4) ? names[a] : NULL;
}
