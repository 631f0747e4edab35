/* Private part of the delivery sinks: libcurl set-up, URL and address
 * checks, the retrying transfer, MIME assembly. */
#ifndef SKPI_DELIVER_INTERNAL_H
#define SKPI_DELIVER_INTERNAL_H

#include "core/internal.h"
#include "core/templates.h"
#include "socialkpi/deliver.h"

#include <curl/curl.h>

/* Set libcurl up once per process (pthread_once); SKPI_OK or SKPI_EIO. */
int skpi__curl_init(void);

/* ---- URLs and addresses (address.c) ---- */

typedef struct skpi__url {
    char scheme[16];
    char shown[256]; /* scheme://host:port plus "/…" when there is more */
    bool loopback;
    char *secret;    /* path, query and fragment, or NULL: never shown */
    char *password;  /* a password in the URL, or NULL */
} skpi__url;

/* Parse url; `what` names it in messages. SKPI_OK or SKPI_EINVAL/ENOMEM. */
int skpi__url_parse(skpi__url *u, const char *url, const char *what);
void skpi__url_free(skpi__url *u);
/* An e-mail address (addr-spec, ASCII): SKPI_OK or SKPI_EINVAL naming it. */
int skpi__address_check(const char *addr, const char *what);

/* ---- the retrying transfer (transfer.c) ---- */

typedef struct skpi__retry {
    unsigned timeout_ms, retries, backoff_ms;
} skpi__retry;

/* Check and default the three numbers; SKPI_OK or SKPI_ERANGE. */
int skpi__retry_check(skpi__retry *r, unsigned timeout_ms, unsigned retries, unsigned backoff_ms,
                      const char *fn);

typedef struct skpi__transfer {
    CURL *curl;           /* set up by the caller but for the fields below */
    bool http;            /* HTTP (status codes) rather than SMTP (reply codes) */
    const char *what;     /* "e-mail via smtp://host:587" */
    skpi__retry retry;
    const char *secrets[4]; /* replaced by *** in server replies */
    /* the upload, read again from the start by every attempt */
    const char *upload;
    size_t upload_size, upload_pos;
    /* filled by each attempt */
    char reply[256];      /* the server's last reply line (SMTP) or status line (HTTP) */
    char body[256];       /* HTTP: the start of the reply's body */
    size_t body_len;
    char error[CURL_ERROR_SIZE];
    unsigned attempts;
} skpi__transfer;

/* Run the transfer, trying again as deliver.h says. SKPI_OK, or SKPI_EIO
 * with the one-line message set with skpi_error_set() (kept by the sink
 * contract). */
int skpi__transfer_run(skpi__transfer *t);

/* ---- MIME (mime.c) ---- */

typedef struct skpi__part {
    char *filename, *content_type;
    char *data;
    size_t size;
} skpi__part;

typedef struct skpi__mail {
    char *from, *from_name, *subject, *body_type, *text;
    char **rcpt;          /* to, then cc */
    size_t nto, ncc;
    skpi__part *att;
    size_t natt;
    skpi_time date;
} skpi__mail;

/* The whole message, headers and body, CRLF line ends. */
int skpi__mime_build(skpi__text *out, const skpi__mail *m, const char *body, size_t body_len);

/* ---- the sinks' close callbacks, and freeing without sending ---- */

/* Fill *out with a sink of these callbacks. */
void skpi__deliver_sink(skpi_sink *out, int (*write)(void *, const void *, size_t), int (*close)(void *),
                        void *userdata);
int skpi__mail_close(void *ud);
void skpi__mail_discard(void *ud);
int skpi__webhook_close(void *ud);
void skpi__webhook_discard(void *ud);

#endif
