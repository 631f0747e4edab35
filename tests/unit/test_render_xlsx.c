/* The XLSX renderer's C contract: a ZIP workbook through the sink, the same
 * bytes for the same document and time, the private temporary directory
 * gone on every path, a sink failing half-way, no temporary directory
 * (test_render.c fails its allocations, with every format). What the
 * workbook holds is read back by tests/python/test_render_xlsx.py. */
#define _GNU_SOURCE /* memmem */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define SKPI_EXPERIMENTAL /* report_fixture.h says what a chart's axis is */
#include <socialkpi.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef SKPI_WITH_XLSX

#include "report_fixture.h"

static skpi_render_options options(void)
{
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    /* 2026-12-01T08:00:00Z */
    assert_int_equal(skpi_time_from_civil(&o.generated_at, 2026, 12, 1, 8, 0, 0), SKPI_OK);
    return o;
}

static char *render(const skpi_doc *doc, const skpi_render_options *o, size_t *len)
{
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_XLSX, o, &sink), SKPI_OK);
    char *out;
    assert_int_equal(skpi_buffer_detach(&out, len, &buf), SKPI_OK);
    return out;
}

/* The renders of a test go to a scratch TMPDIR, which must end up empty. */
static char tmpdir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/skpi-test-xlsx-XXXXXX");
    if (mkdtemp(tmpdir) == NULL) return -1;
    return setenv("TMPDIR", tmpdir, 1);
}

static int teardown(void **state)
{
    (void)state;
    chmod(tmpdir, 0700);
    rmdir(tmpdir);
    return unsetenv("TMPDIR");
}

static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) n++;
    closedir(d);
    return n;
}

static void a_zip_workbook_the_same_bytes_each_time(void **state)
{
    (void)state;
    skpi_doc *doc;
    assert_int_equal(fixture_build(&doc), 0);
    skpi_render_options o = options();
    size_t n1, n2, n3;
    char *a = render(doc, &o, &n1);
    char *b = render(doc, &o, &n2);
    /* A ZIP local file header, and the workbook's parts inside. */
    assert_true(n1 > 4000);
    assert_memory_equal(a, "PK\x03\x04", 4);
    assert_non_null(memmem(a, n1, "xl/workbook.xml", 15));
    assert_non_null(memmem(a, n1, "xl/worksheets/sheet7.xml", 24));
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    /* Another generated time is another creation date in the properties. */
    o.generated_at += 3600;
    char *c = render(doc, &o, &n3);
    assert_true(n3 != n1 || memcmp(a, c, n1) != 0);
    /* Without a time the output is still fixed. */
    o.generated_at = SKPI_RENDER_NO_TIME;
    skpi_free(c);
    c = render(doc, &o, &n3);
    char *d = render(doc, &o, &n2);
    assert_int_equal(n2, n3);
    assert_memory_equal(c, d, n2);
    assert_int_equal(entries(tmpdir), 0);
    skpi_free(a);
    skpi_free(b);
    skpi_free(c);
    skpi_free(d);
    skpi_doc_free(doc);
}

/* A sink that fails half-way (a memory buffer with a limit): the render
 * stops, and the temporary directory is gone all the same. */
static void sink_failing_half_way(void **state)
{
    (void)state;
    skpi_doc *doc;
    assert_int_equal(fixture_build(&doc), 0);
    skpi_render_options o = options();
    size_t total;
    skpi_free(render(doc, &o, &total));
    skpi_buffer buf = SKPI_BUFFER_INIT;
    buf.max_size = total / 2;
    skpi_sink s;
    assert_int_equal(skpi_sink_memory(&s, &buf), SKPI_OK);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_XLSX, &o, &s), SKPI_ERANGE);
    assert_true(buf.size <= total / 2);
    assert_int_equal(entries(tmpdir), 0);
    skpi_buffer_reset(&buf);
    skpi_doc_free(doc);
}

static void no_temporary_directory(void **state)
{
    (void)state;
    if (geteuid() == 0) skip(); /* root writes to a read-only directory anyway */
    skpi_doc *doc;
    assert_int_equal(fixture_build(&doc), 0);
    assert_int_equal(chmod(tmpdir, 0500), 0);
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink s;
    assert_int_equal(skpi_sink_memory(&s, &buf), SKPI_OK);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_XLSX, NULL, &s), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "temporary directory"));
    assert_int_equal(buf.size, 0);
    assert_int_equal(chmod(tmpdir, 0700), 0);
    skpi_doc_free(doc);
}

static void missing_temporary_directory(void **state)
{
    (void)state;
    skpi_doc *doc;
    assert_int_equal(fixture_build(&doc), 0);
    char gone[96];
    snprintf(gone, sizeof gone, "%s/not-there", tmpdir);
    assert_int_equal(setenv("TMPDIR", gone, 1), 0);
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink s;
    assert_int_equal(skpi_sink_memory(&s, &buf), SKPI_OK);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_XLSX, NULL, &s), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "not-there"));
    assert_int_equal(buf.size, 0);
    assert_int_equal(setenv("TMPDIR", tmpdir, 1), 0);
    skpi_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_zip_workbook_the_same_bytes_each_time),
        cmocka_unit_test(sink_failing_half_way),
        cmocka_unit_test(no_temporary_directory),
        cmocka_unit_test(missing_temporary_directory),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

#else

int main(void)
{
    puts("skipped: the library was built without SKPI_WITH_XLSX");
    return 77;
}

#endif
