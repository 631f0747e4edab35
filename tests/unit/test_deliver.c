/* Tests of deliver.h without a network: option checks with the option
 * named, URL redaction, loopback hosts, discarding, and (when built
 * without libcurl) SKPI_EUNSUPPORTED. Sending is tested against real
 * servers on 127.0.0.1 by tests/deliver/test_send.py. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <string.h>

#include "deliver/deliver_internal.h"
#include "test_alloc.h"

static const char *to1[] = { "ceo@example.com" };

static skpi_mail_options mail_ok(void)
{
    skpi_mail_options o = SKPI_MAIL_OPTIONS_INIT;
    o.url = "smtps://smtp.example.com:465";
    o.from = "reports@example.com";
    o.to = to1;
    o.to_count = 1;
    o.subject = "Report";
    return o;
}

/* A sink made from good options: discarded, never sent. */
static void made_then_discarded(const skpi_mail_options *o)
{
    skpi_sink s = SKPI_SINK_INIT;
    int rc = skpi_sink_mail(&s, o);
    if (rc != SKPI_OK) fail_msg("%s", skpi_last_error());
    assert_non_null(s.write);
    assert_int_equal(skpi_sink_write(&s, "<p>hi</p>", 9), SKPI_OK);
    skpi_deliver_discard(&s);
    assert_null(s.write);
    assert_null(s.close);
    skpi_deliver_discard(&s); /* a second time does nothing */
}

static void refused(const skpi_mail_options *o, int code, const char *needle)
{
    skpi_sink s = SKPI_SINK_INIT;
    assert_int_equal(skpi_sink_mail(&s, o), code);
    assert_null(s.write); /* out unchanged */
    if (strstr(skpi_last_error(), needle) == NULL)
        fail_msg("\"%s\" lacks \"%s\"", skpi_last_error(), needle);
}

static void mail_options(void **state)
{
    (void)state;
    skpi_mail_options o = mail_ok();
    made_then_discarded(&o);
    o.url = "smtp://127.0.0.1:2525";
    made_then_discarded(&o);

    o = mail_ok(); o.url = NULL; refused(&o, SKPI_EINVAL, "SMTP server");
    o = mail_ok(); o.url = "https://smtp.example.com"; refused(&o, SKPI_EINVAL, "not smtp://");
    o = mail_ok(); o.url = "smtp://exa mple.com"; refused(&o, SKPI_EINVAL, "space");
    o = mail_ok(); o.from = "reports"; refused(&o, SKPI_EINVAL, "sender (from)");
    const char *bad_to[] = { "ceo@example.com", "two@@example.com" };
    o = mail_ok(); o.to = bad_to; o.to_count = 2; refused(&o, SKPI_EINVAL, "to[1]");
    const char *bad_cc[] = { "a b@example.com" };
    o = mail_ok(); o.cc = bad_cc; o.cc_count = 1; refused(&o, SKPI_EINVAL, "cc[0]");
    o = mail_ok(); o.to_count = 0; refused(&o, SKPI_EINVAL, "no recipient");
    o = mail_ok(); o.subject = "Hi\r\nBcc: all@example.com"; refused(&o, SKPI_EINVAL, "line break");
    o = mail_ok(); o.subject = "{title} for {period}"; refused(&o, SKPI_EINVAL, "{title}");
    o = mail_ok(); o.password = "secret"; refused(&o, SKPI_EINVAL, "without a user");
    o = mail_ok(); o.body_type = "application/pdf"; refused(&o, SKPI_EINVAL, "body type");
    o = mail_ok(); o.retries = 11; refused(&o, SKPI_ERANGE, "retries");
    skpi_mail_attachment a = SKPI_MAIL_ATTACHMENT_INIT;
    a.filename = "../etc/passwd";
    a.data = "x";
    a.size = 1;
    o = mail_ok(); o.attachments = &a; o.attachment_count = 1; refused(&o, SKPI_EINVAL, "attachment 0");
    a.filename = "report.csv";
    a.content_type = "text/csv\r\nX: y";
    refused(&o, SKPI_EINVAL, "content type");
    a.content_type = "text/csv";
    made_then_discarded(&o);
    o = mail_ok(); o.version = 7; refused(&o, SKPI_EVERSION, "version 7");
    skpi_sink s;
    assert_int_equal(skpi_sink_mail(NULL, &o), SKPI_EMISUSE);
    assert_int_equal(skpi_sink_mail(&s, NULL), SKPI_EMISUSE);
    /* the subject's fields */
    const char *fields[] = { "title", "Acme", "period", "2026-03" };
    o = mail_ok(); o.subject = "{title}: {period} {{x}}"; o.subject_fields = fields; o.subject_field_count = 2;
    made_then_discarded(&o);
}

static void webhook_options(void **state)
{
    (void)state;
    skpi_webhook_options o = SKPI_WEBHOOK_OPTIONS_INIT;
    skpi_sink s = SKPI_SINK_INIT;
    o.url = "https://hooks.slack.com/services/T1/B2/secret";
    o.preset = SKPI_WEBHOOK_SLACK;
    assert_int_equal(skpi_sink_webhook(&s, &o), SKPI_OK);
    skpi_deliver_discard(&s);
    o.url = "http://hooks.example.com/x";
    assert_int_equal(skpi_sink_webhook(&s, &o), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "https://"));
    assert_null(strstr(skpi_last_error(), "/x")); /* the path stays secret */
    o.url = "http://127.0.0.1:8080/hook";
    assert_int_equal(skpi_sink_webhook(&s, &o), SKPI_OK);
    skpi_deliver_discard(&s);
    const char *h[] = { "X-Token: abc\r\nEvil: 1" };
    o.headers = h;
    o.header_count = 1;
    assert_int_equal(skpi_sink_webhook(&s, &o), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "header 0"));
    o.header_count = 0;
    o.preset = 3;
    assert_int_equal(skpi_sink_webhook(&s, &o), SKPI_EINVAL);
    o.preset = SKPI_WEBHOOK_PLAIN;
    o.content_type = "nonsense";
    assert_int_equal(skpi_sink_webhook(&s, &o), SKPI_EINVAL);
    o.content_type = NULL;
    o.url = "ftp://127.0.0.1/x";
    assert_int_equal(skpi_sink_webhook(&s, &o), SKPI_EINVAL);
    assert_null(s.write);
    assert_int_equal(skpi_webhook_options_init(&o, 1), SKPI_OK);
    assert_int_equal(o.retries, 2);
    assert_int_equal(skpi_webhook_options_init(&o, 2), SKPI_EVERSION);
    skpi_mail_options m;
    assert_int_equal(skpi_mail_options_init(&m, 1), SKPI_OK);
    assert_int_equal(m.retries, 2);
    assert_null(m.url);
}

static void redaction(void **state)
{
    (void)state;
    static const struct { const char *url, *shown; } cases[] = {
        { "https://hooks.slack.com/services/T1/B2/secret", "https://hooks.slack.com/\xE2\x80\xA6" },
        { "https://user:pw@example.com:8443/a?b=c", "https://example.com:8443/\xE2\x80\xA6" },
        { "smtp://smtp.example.com:587", "smtp://smtp.example.com:587" },
        { "https://example.com/", "https://example.com" },
        { "https://example.com/?token=1", "https://example.com/\xE2\x80\xA6" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = NULL;
        assert_int_equal(skpi_deliver_redact_url(&out, cases[i].url), SKPI_OK);
        assert_string_equal(out, cases[i].shown);
        skpi_free(out);
    }
    char *out = NULL;
    assert_int_equal(skpi_deliver_redact_url(&out, "not a url"), SKPI_EINVAL);
    assert_int_equal(skpi_deliver_redact_url(NULL, "https://x"), SKPI_EMISUSE);
}

static void loopback(void **state)
{
    (void)state;
    static const struct { const char *url; bool loop; } cases[] = {
        { "smtp://127.0.0.1:25", true }, { "smtp://127.3.4.5", true }, { "smtp://localhost:2525", true },
        { "smtp://[::1]:25", true }, { "smtp://128.0.0.1", false }, { "smtp://127.0.0.1.example.com", false },
        { "smtp://localhost.example.com", false }, { "smtp://10.0.0.1", false },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        skpi__url u;
        assert_int_equal(skpi__url_parse(&u, cases[i].url, "test"), SKPI_OK);
        if (u.loopback != cases[i].loop) fail_msg("%s", cases[i].url);
        skpi__url_free(&u);
    }
}

/* Every allocation failure while making a sink: SKPI_ENOMEM, nothing leaked. */
static void out_of_memory(void **state)
{
    (void)state;
    skpi_mail_options o = mail_ok();
    const char *cc[] = { "team@example.com" };
    o.cc = cc;
    o.cc_count = 1;
    o.text = "plain";
    skpi_mail_attachment a = SKPI_MAIL_ATTACHMENT_INIT;
    a.filename = "r.csv";
    a.data = "a,b\n";
    a.size = 4;
    o.attachments = &a;
    o.attachment_count = 1;
    skpi_sink warm;
    assert_int_equal(skpi_sink_mail(&warm, &o), SKPI_OK); /* libcurl set up outside the count */
    skpi_deliver_discard(&warm);
    for (long n = 0;; n++) {
        skpi_sink s = SKPI_SINK_INIT;
        long live = test_alloc_live();
        test_alloc_fail_after(n);
        int rc = skpi_sink_mail(&s, &o);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            skpi_deliver_discard(&s);
            assert_int_equal(test_alloc_live(), live);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_int_equal(test_alloc_live(), live);
    }
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mail_options),
        cmocka_unit_test(webhook_options),
        cmocka_unit_test(redaction),
        cmocka_unit_test(loopback),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
