/* The grammar of channel keys, group names and selectors: checked by the
 * dataset, which resolves selectors, and by the setters of goals, key
 * results and reports, which keep one without a dataset. Whether a @group
 * exists is for the dataset to say when the selector is used. */
#ifndef SKPI_CORE_SELECTOR_H
#define SKPI_CORE_SELECTOR_H

#include <stddef.h>

#define SKPI__CHANNEL_MAX 256
#define SKPI__GROUP_NAME_MAX 64
#define SKPI__COMPETITOR_NAME_MAX 128

/* The forms of a selector: '*', 'network:*', 'network:account', '@group'. */
enum { SKPI__SEL_ALL, SKPI__SEL_NETWORK, SKPI__SEL_EXACT, SKPI__SEL_GROUP };

/* A channel key `network:account`; *net_len (may be NULL) receives the
 * bytes of the network. SKPI_EINVAL with "what: <the problem>". */
int skpi__channel_check(const char *key, size_t *net_len, const char *what);

/* A group name (without its '@'). SKPI_EINVAL naming the problem. */
int skpi__group_name_check(const char *name);

/* A competitor's name as readers see it: 1 to SKPI__COMPETITOR_NAME_MAX
 * bytes, no control character. SKPI_EINVAL naming the problem. */
int skpi__competitor_name_check(const char *name);

/* A selector's form: *kind receives one of SKPI__SEL_*. SKPI_EINVAL with
 * a message that names the selector, without a prefix. */
int skpi__selector_form(int *kind, const char *text);

/* SKPI_OK, or SKPI_EINVAL with "what: <the problem>" as the message. */
int skpi__selector_check(const char *text, const char *what);

/* The network a selector stays inside ("instagram" for `instagram:*` and
 * `instagram:@acme`), written to buf; "" for `*`, `@group` or one that does
 * not fit. Used to match benchmarks and competitors' channels. */
void skpi__selector_network(char *buf, size_t size, const char *selector);

#endif
