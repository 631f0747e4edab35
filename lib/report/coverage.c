/* skpi_report_coverage(): how much of the report's period the data covers,
 * judged by its KPIs, so that an empty or half-filled period is said
 * before any comparison is made (docs/report.md, "Empty and partial periods"). */
#include "report/report_internal.h"

#include <string.h>

int skpi_report_coverage(int *coverage, skpi_period *covered, const skpi_report *report, skpi_dataset *ds)
{
    if (coverage == NULL || report == NULL || ds == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_report_coverage: %s is NULL",
                           coverage == NULL ? "coverage" : report == NULL ? "report" : "ds");
    skpi_period p;
    int rc = skpi_report_period(&p, report);
    if (rc != SKPI_OK) return rc;
    int64_t slot = skpi_dataset_resolution(ds);
    if (slot <= 0) slot = 1;
    skpi_time first = p.end, last = p.start; /* the covered span, empty so far */
    bool any = false;
    for (size_t i = 0; i < report->nkpis; i++) {
        const skpi__kpi *k = &report->kpis[i];
        skpi_value v;
        rc = skpi_dataset_value(&v, ds, k->metric, k->selector, p);
        if (rc == SKPI_ENOTFOUND) continue; /* an unknown group: assembly names it */
        if (rc != SKPI_OK) return rc;
        if (v.availability == SKPI_MISSING) continue;
        skpi_period ext;
        rc = skpi_dataset_extent(&ext, ds, k->metric, k->selector);
        if (rc == SKPI_ENOTFOUND) continue; /* the value came from a source */
        if (rc != SKPI_OK) return rc;
        any = true;
        /* The last point stands for its whole slot (a day by default). */
        skpi_time start = ext.start > p.start ? ext.start : p.start;
        skpi_time end = ext.end - 1 > p.end - slot ? p.end : ext.end - 1 + slot;
        if (start < first) first = start;
        if (end > last) last = end;
    }
    if (!any) {
        *coverage = SKPI_COVERAGE_NONE;
        if (covered) { covered->start = p.start; covered->end = p.start; }
        return SKPI_OK;
    }
    *coverage = first <= p.start && last >= p.end ? SKPI_COVERAGE_FULL : SKPI_COVERAGE_PARTIAL;
    if (covered) { covered->start = first; covered->end = last; }
    return SKPI_OK;
}
