/* What a build without an optional part says: the options SKPI_WITH_PDF,
 * SKPI_WITH_XLSX and SKPI_WITH_CURL (the tests are built with the library's
 * definitions of them). A part left out answers "not supported" through its
 * *_supported() function, and a call that needs it returns
 * SKPI_EUNSUPPORTED with a message naming the option; a part built in says
 * so too. scripts/build-shapes' `without` shape runs this with all three
 * OFF. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <string.h>

#ifdef SKPI_WITH_PDF
#define WITH_PDF 1
#else
#define WITH_PDF 0
#endif
#ifdef SKPI_WITH_XLSX
#define WITH_XLSX 1
#else
#define WITH_XLSX 0
#endif
#ifdef SKPI_WITH_CURL
#define WITH_CURL 1
#else
#define WITH_CURL 0
#endif

static skpi_doc *small_doc(void)
{
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    assert_int_equal(skpi_doc_set_title(doc, "Weekly report"), SKPI_OK);
    assert_int_equal(skpi_doc_add_paragraph(NULL, doc, "Reach rose."), SKPI_OK);
    return doc;
}

static void render_format(int format, int built, const char *option)
{
    assert_int_equal(skpi_render_supported(format), built);
    skpi_doc *doc = small_doc();
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    int rc = skpi_render(doc, format, NULL, &sink);
    if (built) {
        assert_int_equal(rc, SKPI_OK);
        assert_true(buf.size > 0);
    } else {
        assert_int_equal(rc, SKPI_EUNSUPPORTED);
        assert_non_null(strstr(skpi_last_error(), option));
        assert_int_equal(buf.size, 0); /* nothing written */
    }
    skpi_buffer_reset(&buf);
    skpi_doc_free(doc);
}

static void pdf(void **state)
{
    (void)state;
    render_format(SKPI_FORMAT_PDF, WITH_PDF, "SKPI_WITH_PDF");
}

static void xlsx(void **state)
{
    (void)state;
    render_format(SKPI_FORMAT_XLSX, WITH_XLSX, "SKPI_WITH_XLSX");
}

static void delivery(void **state)
{
    (void)state;
    assert_int_equal(skpi_deliver_supported(), WITH_CURL);
    static const char *to[] = { "ceo@example.com" };
    skpi_mail_options m = SKPI_MAIL_OPTIONS_INIT;
    m.url = "smtp://127.0.0.1:25";
    m.from = "reports@example.com";
    m.to = to;
    m.to_count = 1;
    m.subject = "Report";
    skpi_webhook_options w = SKPI_WEBHOOK_OPTIONS_INIT;
    w.url = "https://hooks.example.com/x";
    skpi_sink s = SKPI_SINK_INIT;
    if (WITH_CURL) {
        /* made and discarded: nothing is sent */
        assert_int_equal(skpi_sink_mail(&s, &m), SKPI_OK);
        skpi_deliver_discard(&s);
        assert_int_equal(skpi_sink_webhook(&s, &w), SKPI_OK);
        skpi_deliver_discard(&s);
    } else {
        assert_int_equal(skpi_sink_mail(&s, &m), SKPI_EUNSUPPORTED);
        assert_non_null(strstr(skpi_last_error(), "SKPI_WITH_CURL"));
        assert_null(s.write);
        assert_int_equal(skpi_sink_webhook(&s, &w), SKPI_EUNSUPPORTED);
        assert_non_null(strstr(skpi_last_error(), "SKPI_WITH_CURL"));
        assert_null(s.write);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pdf),
        cmocka_unit_test(xlsx),
        cmocka_unit_test(delivery),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
