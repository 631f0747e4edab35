/* Scoring options: defaults, validation, and the limits bindings read as functions. */
#include "okr/okr_internal.h"

#include <math.h>
#include <string.h>

size_t skpi_okr_max_key_results(void) { return SKPI__OKR_MAX_KR; }
size_t skpi_okr_curve_max_points(void) { return SKPI__OKR_MAX_CURVE; }
size_t skpi_okr_max_depth(void) { return SKPI__OKR_MAX_DEPTH; }
size_t skpi_okr_trajectory_max_points(void) { return SKPI__OKR_MAX_POINTS; }

int skpi_okr_options_init(skpi_okr_options *opts, unsigned version)
{
    if (opts == NULL) return skpi__error(SKPI_EMISUSE, "skpi_okr_options_init: opts is NULL");
    if (version != SKPI_OKR_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_okr_options_init: version %u is unknown (this "
                           "library knows %d)", version, SKPI_OKR_OPTIONS_VERSION);
    static const skpi_okr_options defaults = SKPI_OKR_OPTIONS_INIT;
    *opts = defaults;
    return SKPI_OK;
}

/* 0 <= a <= b <= 1 with both finite; na and nb name the two options. */
static int check_pair(double a, double b, const char *na, const char *nb, const char *what)
{
    if (!isfinite(a) || !isfinite(b))
        return skpi__error(SKPI_EINVAL, "%s: options.%s and options.%s must be finite numbers "
                           "(initialise the options with skpi_okr_options_init())", what, na, nb);
    if (a < 0.0 || b > 1.0 || a > b)
        return skpi__error(SKPI_ERANGE, "%s: options.%s (%g) and options.%s (%g) must satisfy "
                           "0 <= %s <= %s <= 1", what, na, a, nb, b, na, nb);
    return SKPI_OK;
}

int skpi__okr_opts_resolve(skpi__okr_opts *out, const skpi_okr_options *opts, const char *what)
{
    skpi_okr_options d = SKPI_OKR_OPTIONS_INIT;
    if (opts == NULL) opts = &d;
    if (opts->version != SKPI_OKR_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "%s: options version %u is unknown (this library knows "
                           "%d); initialise them with skpi_okr_options_init()",
                           what, opts->version, SKPI_OKR_OPTIONS_VERSION);
    memset(out, 0, sizeof *out);
    out->curve.kind = opts->curve;
    switch (opts->curve) {
    case SKPI_OKR_CURVE_OBJECTIVE:
    case SKPI_OKR_CURVE_LINEAR:
    case SKPI_OKR_CURVE_STRETCH:
    case SKPI_OKR_CURVE_THREE_LEVEL:
        break;
    case SKPI_OKR_CURVE_CUSTOM: {
        int rc = skpi__okr_curve_check(opts->curve_x, opts->curve_y, opts->curve_points, what);
        if (rc != SKPI_OK) return rc;
        out->curve.x = opts->curve_x;
        out->curve.y = opts->curve_y;
        out->curve.n = opts->curve_points;
        break;
    }
    default:
        return skpi__error(SKPI_EINVAL, "%s: options.curve %d is unknown (0 each objective's own, "
                           "1 linear, 2 stretch, 3 three-level, 4 custom)", what, opts->curve);
    }
    int rc = check_pair(opts->yellow_from, opts->green_from, "yellow_from", "green_from", what);
    if (rc != SKPI_OK) return rc;
    rc = check_pair(opts->on_track_gap, opts->at_risk_gap, "on_track_gap", "at_risk_gap", what);
    if (rc != SKPI_OK) return rc;
    out->weakest = opts->weakest != 0;
    out->yellow_from = opts->yellow_from;
    out->green_from = opts->green_from;
    out->on_track_gap = opts->on_track_gap;
    out->at_risk_gap = opts->at_risk_gap;
    return SKPI_OK;
}
