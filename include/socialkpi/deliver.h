/**
 * @file socialkpi/deliver.h
 * @brief Ready-made sinks that deliver what is rendered to them: an e-mail
 *        through an SMTP server, or an HTTP POST to a chat webhook (Slack,
 *        Microsoft Teams or any other), both on libcurl.
 *
 * Each constructor checks its options, copies them and returns an ordinary
 * ::skpi_sink: hand it to skpi_render() or skpi_render_digest(), or write
 * to it with skpi_sink_write(). The sink gathers the bytes in memory and
 * sends them when it is closed (skpi_render() closes it; else
 * skpi_sink_close()). A sink that is never closed sends nothing and leaks
 * what it gathered.
 *
 * A sink cannot tell a finished render from a failed one: skpi_render()
 * closes its sink after a failure too, which would send half a report. So
 * render with ::SKPI_RENDER_KEEP_SINK_OPEN and call skpi_sink_close() when
 * the render succeeded, skpi_deliver_discard() when it failed; or render to
 * a memory buffer first and write the buffer to the sink.
 *
 * Failures: the constructors refuse bad options with a negative code and a
 * message naming the option (a malformed address or URL, an SMTP server
 * without TLS that is not on a loopback address, ...). Sending happens in
 * the sink's `close`; when it fails, skpi_render() (or skpi_sink_close())
 * returns ::SKPI_ECALLBACK and skpi_last_error() says what failed and where
 * on one line: the server (without user, password, path or query), and the
 * server's reply line with any secret of the options replaced by `***`.
 *
 * Retries: a connection that cannot be made, a timeout, a transfer cut
 * short and an HTTP 5xx reply (or an SMTP 4xx reply, which is temporary)
 * are tried again up to `retries` times, waiting `backoff_ms`, then twice
 * as long each time. An HTTP 4xx reply, a refused login, an SMTP 5xx reply
 * and a TLS failure are not retried: trying again would not help.
 *
 * Threads: libcurl is set up once per process, the first time a sink is
 * made (under pthread_once), and never torn down; sinks may be made and
 * closed on several threads at once, each sink used by one thread at a
 * time. A host that uses libcurl itself should call curl_global_init()
 * before starting threads, as libcurl asks.
 *
 * The sinks exist when the library was built with the `SKPI_WITH_CURL`
 * option (ON by default; skpi_deliver_supported()). Without it the
 * constructors return ::SKPI_EUNSUPPORTED with a message naming the option.
 * docs/delivery.md has examples.
 */
#ifndef SOCIALKPI_DELIVER_H
#define SOCIALKPI_DELIVER_H

#include "socialkpi/common.h"
#include "socialkpi/sink.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief 1 when the library was built with the delivery sinks (`SKPI_WITH_CURL`), else 0. */
SKPI_API int skpi_deliver_supported(void);

/**
 * @brief A file attached to an e-mail, e.g. the PDF or CSV rendering of
 *        the report.
 *
 * Versioned struct: set `version` to ::SKPI_MAIL_ATTACHMENT_VERSION (or use
 * ::SKPI_MAIL_ATTACHMENT_INIT). It only grows at its end.
 */
typedef struct skpi_mail_attachment {
    unsigned version;          /**< ::SKPI_MAIL_ATTACHMENT_VERSION */
    const char *filename;      /**< the name shown ("report.pdf"); 1 to 200 bytes, no '/', '\\', '"' or control characters */
    const char *content_type;  /**< e.g. "application/pdf"; NULL for "application/octet-stream" */
    const void *data;          /**< the bytes; copied */
    size_t size;               /**< how many */
} skpi_mail_attachment;

/** @brief The current version of ::skpi_mail_attachment. */
#define SKPI_MAIL_ATTACHMENT_VERSION 1
/** @brief Static initializer for ::skpi_mail_attachment. */
#define SKPI_MAIL_ATTACHMENT_INIT { SKPI_MAIL_ATTACHMENT_VERSION, NULL, NULL, NULL, 0 }

/**
 * @brief Options of the e-mail sink (skpi_sink_mail()).
 *
 * Versioned struct: set `version` to ::SKPI_MAIL_OPTIONS_VERSION (or use
 * ::SKPI_MAIL_OPTIONS_INIT / skpi_mail_options_init()). It only grows at its
 * end. Every string and array is copied by skpi_sink_mail().
 */
typedef struct skpi_mail_options {
    unsigned version; /**< ::SKPI_MAIL_OPTIONS_VERSION */
    /**
     * The SMTP server: `smtp://host:587` (STARTTLS, required) or
     * `smtps://host:465` (TLS from the start). A server on a loopback
     * address (localhost, 127.0.0.0/8, ::1) may be reached without TLS.
     */
    const char *url;
    const char *from;          /**< the sender's address (`reports@example.com`) */
    const char *from_name;     /**< the sender's name shown ("Acme reports"); NULL for none */
    const char *const *to;     /**< the recipients' addresses */
    size_t to_count;           /**< how many, at least 1 unless cc has some */
    const char *const *cc;     /**< copies to these addresses; may be NULL */
    size_t cc_count;           /**< how many */
    /**
     * The subject, a template whose `{name}` placeholders are filled from
     * `subject_fields`; `{{` and `}}` write braces. NULL means "{title}".
     */
    const char *subject;
    /** Name, value pairs for the subject's placeholders ("title", "Acme"...); may be NULL. */
    const char *const *subject_fields;
    size_t subject_field_count; /**< how many pairs (not strings) */
    /**
     * The type of the bytes written to the sink: "text/html" (NULL: the
     * default) or "text/plain"; always sent as UTF-8.
     */
    const char *body_type;
    /** A plain-text alternative of an HTML body (e.g. the text rendering); NULL for none. */
    const char *text;
    const skpi_mail_attachment *attachments; /**< files to attach; may be NULL */
    size_t attachment_count;   /**< how many */
    /**
     * The login. NULL user: none from the host; with `netrc` set, the
     * login for the server's host is read from the netrc file. Credentials
     * never come from a definitions file.
     */
    const char *user;
    const char *password;      /**< the password, with `user` */
    int netrc;                 /**< 1: a login not given here is looked up in the netrc file */
    const char *netrc_file;    /**< the netrc file; NULL means ~/.netrc */
    /** The message's Date; 0 means the time of sending. */
    skpi_time date;
    unsigned timeout_ms;       /**< the whole of one attempt; 0 means 30000 */
    unsigned retries;          /**< attempts after the first, 0 to 10 */
    unsigned backoff_ms;       /**< the first wait between attempts; 0 means 1000; doubles, at most 60000 */
} skpi_mail_options;

/** @brief The current version of ::skpi_mail_options. */
#define SKPI_MAIL_OPTIONS_VERSION 1
/** @brief Static initializer for ::skpi_mail_options: two retries, no netrc. */
#define SKPI_MAIL_OPTIONS_INIT { SKPI_MAIL_OPTIONS_VERSION, NULL, NULL, NULL, NULL, 0, NULL, 0, \
    NULL, NULL, 0, NULL, NULL, NULL, 0, NULL, NULL, 0, NULL, 0, 0u, 2u, 0u }

/**
 * @brief Initialise e-mail options to their defaults.
 * @param options the struct to fill
 * @param version ::SKPI_MAIL_OPTIONS_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION
 */
SKPI_API int skpi_mail_options_init(skpi_mail_options *options, unsigned version);

/**
 * @brief A sink that sends what is written to it as one e-mail.
 *
 * The message is one MIME message: the body (HTML with its plain-text
 * alternative as `multipart/alternative`, or the plain text alone), then
 * the attachments (`multipart/mixed`), every part in base64; the subject
 * RFC 2047-encoded when it is not ASCII. On close it is sent once to every
 * address of `to` and `cc`.
 * @param out     receives the sink
 * @param options the options; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument); SKPI_EVERSION;
 *         SKPI_EINVAL (a malformed address, URL, subject, attachment name or
 *         body type; no recipient; a server without TLS not on a loopback
 *         address; a password without a user; a subject placeholder without
 *         a value: the message names it); SKPI_ERANGE (retries above 10);
 *         SKPI_EUNSUPPORTED (built without `SKPI_WITH_CURL`); SKPI_ENOMEM.
 *         On error `out` is unchanged.
 */
SKPI_API int skpi_sink_mail(skpi_sink *out, const skpi_mail_options *options);

/** @brief Payload presets of the webhook sink. Values are fixed for ever. */
typedef enum skpi_webhook_preset {
    SKPI_WEBHOOK_PLAIN = 0, /**< the bytes as written, with `content_type` */
    SKPI_WEBHOOK_SLACK = 1, /**< Slack incoming webhook: the bytes (a Slack digest) sent as `{"text": ...}` JSON */
    SKPI_WEBHOOK_TEAMS = 2  /**< Teams connector: the bytes (a Teams digest, a message card) sent as JSON */
} skpi_webhook_preset;

/**
 * @brief Options of the webhook sink (skpi_sink_webhook()).
 *
 * Versioned struct: set `version` to ::SKPI_WEBHOOK_OPTIONS_VERSION (or use
 * ::SKPI_WEBHOOK_OPTIONS_INIT / skpi_webhook_options_init()). It only grows
 * at its end. Every string and array is copied by skpi_sink_webhook().
 */
typedef struct skpi_webhook_options {
    unsigned version; /**< ::SKPI_WEBHOOK_OPTIONS_VERSION */
    int preset;       /**< an ::skpi_webhook_preset */
    /**
     * The address to POST to: `https://...`; `http://` only on a loopback
     * address. Its path and query often are the secret (Slack, Teams): they
     * never appear in messages.
     */
    const char *url;
    /** The Content-Type; NULL: "application/json" for Slack and Teams, "text/plain; charset=utf-8" else. */
    const char *content_type;
    /** More request headers, each "Name: value" (e.g. an Authorization); may be NULL. */
    const char *const *headers;
    size_t header_count; /**< how many */
    unsigned timeout_ms; /**< the whole of one attempt; 0 means 30000 */
    unsigned retries;    /**< attempts after the first, 0 to 10 */
    unsigned backoff_ms; /**< the first wait between attempts; 0 means 1000; doubles, at most 60000 */
} skpi_webhook_options;

/** @brief The current version of ::skpi_webhook_options. */
#define SKPI_WEBHOOK_OPTIONS_VERSION 1
/** @brief Static initializer for ::skpi_webhook_options: plain preset, two retries. */
#define SKPI_WEBHOOK_OPTIONS_INIT { SKPI_WEBHOOK_OPTIONS_VERSION, SKPI_WEBHOOK_PLAIN, NULL, NULL, \
    NULL, 0, 0u, 2u, 0u }

/**
 * @brief Initialise webhook options to their defaults.
 * @param options the struct to fill
 * @param version ::SKPI_WEBHOOK_OPTIONS_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION
 */
SKPI_API int skpi_webhook_options_init(skpi_webhook_options *options, unsigned version);

/**
 * @brief A sink that POSTs what is written to it to a webhook.
 *
 * A 2xx reply is success. Redirects are not followed.
 * @param out     receives the sink
 * @param options the options; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument); SKPI_EVERSION;
 *         SKPI_EINVAL (unknown preset, a malformed URL, plain http: to a
 *         host that is not loopback, a malformed header or content type:
 *         the message names it); SKPI_ERANGE (retries above 10);
 *         SKPI_EUNSUPPORTED (built without `SKPI_WITH_CURL`); SKPI_ENOMEM.
 *         On error `out` is unchanged.
 */
SKPI_API int skpi_sink_webhook(skpi_sink *out, const skpi_webhook_options *options);

/**
 * @brief Free a delivery sink without sending anything, e.g. after a render
 *        that failed; its `write` and `close` become NULL.
 * @param sink a sink from skpi_sink_mail() or skpi_sink_webhook() that was
 *             not closed; NULL, a closed sink or any other sink is left alone
 */
SKPI_API void skpi_deliver_discard(skpi_sink *sink);

/**
 * @brief A URL as it may be shown or recorded: scheme, host and port, with
 *        user, password, path, query and fragment left out
 *        ("https://hooks.slack.com/…").
 * @param out  receives the text; free it with skpi_free()
 * @param url  the URL
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (not a URL),
 *         SKPI_EUNSUPPORTED (built without `SKPI_WITH_CURL`), SKPI_ENOMEM
 */
SKPI_API int skpi_deliver_redact_url(char **out, const char *url);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_DELIVER_H */
