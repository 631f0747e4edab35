/* Private: a selector's form checked without a dataset, for the setters of
 * goals, key results and reports that keep one. Whether a @group exists is
 * for the dataset to say when the selector is used. */
#ifndef SKPI_DATASET_SELECTOR_CHECK_H
#define SKPI_DATASET_SELECTOR_CHECK_H

/* SKPI_OK, or SKPI_EINVAL with "what: <the problem>" as the message. */
int skpi__selector_check(const char *text, const char *what);

#endif
