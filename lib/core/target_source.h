/* Private: the text that says where a goal's or key result's target comes
 * from ("Retail benchmark, Example Study 2026"), shared by goal and okr. */
#ifndef SKPI_CORE_TARGET_SOURCE_H
#define SKPI_CORE_TARGET_SOURCE_H

/* The longest source text kept, in bytes: what skpi_goal_set_target_benchmark()
 * writes at most. */
#define SKPI__TARGET_SOURCE_MAX 511

/* 1 to SKPI__TARGET_SOURCE_MAX bytes, no control character (the report
 * shows it inside one sentence). SKPI_EINVAL with "what: <the problem>". */
int skpi__target_source_check(const char *text, const char *what);

/* "<industry> benchmark, <source>", cut to SKPI__TARGET_SOURCE_MAX bytes at
 * a character's boundary; skpi__free() it. NULL when out of memory. */
char *skpi__target_source_of_benchmark(const char *industry, const char *source);

#endif
