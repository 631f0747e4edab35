/* Tests of sink.h: the callback table, the file, stdio and memory sinks. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_alloc.h"

static void init_and_versions(void **state)
{
    (void)state;
    skpi_sink s;
    memset(&s, 0xAB, sizeof s);
    assert_int_equal(skpi_sink_init(&s, SKPI_SINK_VERSION), SKPI_OK);
    assert_int_equal(s.version, SKPI_SINK_VERSION);
    assert_null(s.write);
    assert_null(s.close);
    assert_null(s.userdata);
    assert_int_equal(skpi_sink_init(NULL, SKPI_SINK_VERSION), SKPI_EMISUSE);
    assert_int_equal(skpi_sink_init(&s, 99), SKPI_EVERSION);
    skpi_sink m = SKPI_SINK_INIT;
    assert_int_equal(m.version, 1);

    skpi_buffer b;
    assert_int_equal(skpi_buffer_init(&b, SKPI_BUFFER_VERSION), SKPI_OK);
    assert_null(b.data);
    assert_int_equal(b.size, 0);
    assert_int_equal(skpi_buffer_init(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_buffer_init(&b, 2), SKPI_EVERSION);
}

typedef struct recorder {
    char data[256];
    size_t len;
    int writes, closes;
    int fail_at;        /* fail the write with this number (1-based); 0 never */
    int close_rc;
    const char *message;
} recorder;

static int rec_write(void *ud, const void *bytes, size_t len)
{
    recorder *r = ud;
    r->writes++;
    if (r->fail_at && r->writes == r->fail_at) {
        if (r->message) skpi_error_set(r->message);
        return 7;
    }
    memcpy(r->data + r->len, bytes, len);
    r->len += len;
    return 0;
}

static int rec_close(void *ud)
{
    recorder *r = ud;
    r->closes++;
    return r->close_rc;
}

static void write_and_close_contract(void **state)
{
    (void)state;
    recorder rec = { 0 };
    skpi_sink s = SKPI_SINK_INIT;
    s.write = rec_write;
    s.close = rec_close;
    s.userdata = &rec;
    assert_int_equal(skpi_sink_write(&s, "abc", 3), SKPI_OK);
    assert_int_equal(skpi_sink_write(&s, NULL, 0), SKPI_OK);
    assert_int_equal(rec.writes, 1); /* nothing is written for len 0 */
    assert_int_equal(skpi_sink_write(&s, NULL, 2), SKPI_EMISUSE);
    assert_int_equal(skpi_sink_write(NULL, "x", 1), SKPI_EMISUSE);

    /* A failing write: SKPI_ECALLBACK with the default message... */
    rec.fail_at = 2;
    assert_int_equal(skpi_sink_write(&s, "d", 1), SKPI_ECALLBACK);
    assert_string_equal(skpi_last_error(), "sink write callback returned 7");
    /* ...or the callback's own. */
    rec.fail_at = 3;
    rec.message = "disk quota exceeded on share X";
    assert_int_equal(skpi_sink_write(&s, "e", 1), SKPI_ECALLBACK);
    assert_string_equal(skpi_last_error(), "disk quota exceeded on share X");
    assert_memory_equal(rec.data, "abc", 3);

    /* Close runs once and clears the table. */
    rec.close_rc = 5;
    assert_int_equal(skpi_sink_close(&s), SKPI_ECALLBACK);
    assert_string_equal(skpi_last_error(), "sink close callback returned 5");
    assert_null(s.write);
    assert_null(s.close);
    assert_int_equal(skpi_sink_close(&s), SKPI_OK);
    assert_int_equal(rec.closes, 1);
    assert_int_equal(skpi_sink_write(&s, "f", 1), SKPI_EMISUSE);
    assert_int_equal(skpi_sink_close(NULL), SKPI_OK);

    skpi_sink bad = SKPI_SINK_INIT;
    bad.version = 9;
    bad.write = rec_write;
    assert_int_equal(skpi_sink_write(&bad, "x", 1), SKPI_EVERSION);
    assert_int_equal(skpi_sink_close(&bad), SKPI_EVERSION);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[4096];
    *len = fread(buf, 1, sizeof buf - 1, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

static void file_sink_writes_and_closes(void **state)
{
    (void)state;
    char path[] = "/tmp/skpi_sink_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    long live = test_alloc_live();
    skpi_sink s;
    assert_int_equal(skpi_sink_file(&s, path), SKPI_OK);
    assert_int_equal(skpi_sink_write(&s, "hello ", 6), SKPI_OK);
    assert_int_equal(skpi_sink_write(&s, "world\n", 6), SKPI_OK);
    assert_int_equal(skpi_sink_close(&s), SKPI_OK);
    assert_int_equal(test_alloc_live(), live);
    size_t n;
    assert_string_equal(slurp(path, &n), "hello world\n");
    unlink(path);

    assert_int_equal(skpi_sink_file(NULL, path), SKPI_EMISUSE);
    assert_int_equal(skpi_sink_file(&s, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_sink_file(&s, ""), SKPI_EINVAL);
    skpi_sink untouched = SKPI_SINK_INIT;
    assert_int_equal(skpi_sink_file(&untouched, "/nonexistent-dir/x/report.html"), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "/nonexistent-dir/x/report.html"));
    assert_non_null(strstr(skpi_last_error(), "No such file"));
    assert_null(untouched.write);
    assert_int_equal(test_alloc_live(), live);
}

static void file_sink_reports_a_full_disk(void **state)
{
    (void)state;
    if (access("/dev/full", W_OK) != 0) skip();
    skpi_sink s;
    assert_int_equal(skpi_sink_file(&s, "/dev/full"), SKPI_OK);
    /* stdio buffers the bytes; the failure shows at the latest on close. */
    char block[8192];
    memset(block, 'x', sizeof block);
    int rc = SKPI_OK;
    for (int i = 0; i < 4 && rc == SKPI_OK; i++) rc = skpi_sink_write(&s, block, sizeof block);
    char msg[512];
    if (rc == SKPI_OK) {
        rc = skpi_sink_close(&s);
        snprintf(msg, sizeof msg, "%s", skpi_last_error());
    } else {
        snprintf(msg, sizeof msg, "%s", skpi_last_error());
        assert_int_equal(skpi_sink_close(&s), SKPI_EIO); /* the stream's error flag is still set */
    }
    assert_int_equal(rc, SKPI_EIO);
    assert_non_null(strstr(msg, "/dev/full"));
    assert_non_null(strstr(msg, "No space left"));
}

static void stdio_sink_flushes_and_keeps_the_stream(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    assert_non_null(f);
    skpi_sink s;
    assert_int_equal(skpi_sink_stdio(&s, f), SKPI_OK);
    assert_int_equal(skpi_sink_write(&s, "one", 3), SKPI_OK);
    assert_int_equal(skpi_sink_close(&s), SKPI_OK);
    /* Still open: a second sink on the same stream appends. */
    assert_int_equal(skpi_sink_stdio(&s, f), SKPI_OK);
    assert_int_equal(skpi_sink_write(&s, "two", 3), SKPI_OK);
    assert_int_equal(skpi_sink_close(&s), SKPI_OK);
    rewind(f);
    char buf[16] = { 0 };
    assert_int_equal(fread(buf, 1, sizeof buf - 1, f), 6);
    assert_string_equal(buf, "onetwo");
    fclose(f);
    assert_int_equal(skpi_sink_stdio(NULL, stdout), SKPI_EMISUSE);
    assert_int_equal(skpi_sink_stdio(&s, NULL), SKPI_EMISUSE);
}

static void memory_sink_grows(void **state)
{
    (void)state;
    skpi_buffer b = SKPI_BUFFER_INIT;
    skpi_sink s;
    assert_int_equal(skpi_sink_memory(&s, &b), SKPI_OK);
    assert_null(s.close);
    /* 10,000 writes of "0123456789": 100,000 bytes, the digits repeating. */
    for (int i = 0; i < 10000; i++) assert_int_equal(skpi_sink_write(&s, "0123456789", 10), SKPI_OK);
    assert_int_equal(b.size, 100000);
    assert_true(b.capacity > b.size);
    assert_int_equal(b.data[b.size], '\0');
    for (size_t i = 0; i < b.size; i++) assert_int_equal(b.data[i], '0' + (int)(i % 10));
    assert_int_equal(skpi_sink_close(&s), SKPI_OK);

    char *out = NULL;
    size_t n = 0;
    assert_int_equal(skpi_buffer_detach(&out, &n, &b), SKPI_OK);
    assert_int_equal(n, 100000);
    assert_null(b.data);
    assert_int_equal(b.size, 0);
    assert_int_equal(b.capacity, 0);
    assert_int_equal(strlen(out), 100000);
    skpi_free(out);

    /* Detaching an empty buffer gives an empty string. */
    assert_int_equal(skpi_buffer_detach(&out, NULL, &b), SKPI_OK);
    assert_string_equal(out, "");
    skpi_free(out);

    assert_int_equal(skpi_sink_memory(NULL, &b), SKPI_EMISUSE);
    assert_int_equal(skpi_sink_memory(&s, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_buffer_detach(NULL, NULL, &b), SKPI_EMISUSE);
    assert_int_equal(skpi_buffer_detach(&out, NULL, NULL), SKPI_EMISUSE);
    skpi_buffer old = SKPI_BUFFER_INIT;
    old.version = 5;
    assert_int_equal(skpi_sink_memory(&s, &old), SKPI_EVERSION);
    assert_int_equal(skpi_buffer_detach(&out, NULL, &old), SKPI_EVERSION);
    skpi_buffer_reset(NULL);
}

static void memory_sink_limit(void **state)
{
    (void)state;
    skpi_buffer b = SKPI_BUFFER_INIT;
    b.max_size = 8;
    skpi_sink s;
    assert_int_equal(skpi_sink_memory(&s, &b), SKPI_OK);
    assert_int_equal(skpi_sink_write(&s, "12345", 5), SKPI_OK);
    assert_int_equal(skpi_sink_write(&s, "678", 3), SKPI_OK);   /* exactly 8 */
    assert_int_equal(skpi_sink_write(&s, "9", 1), SKPI_ERANGE); /* built-in: its own code */
    assert_non_null(strstr(skpi_last_error(), "max_size"));
    assert_int_equal(b.size, 8);
    assert_string_equal(b.data, "12345678");
    skpi_buffer_reset(&b);
    assert_null(b.data);
    assert_int_equal(b.size, 0);
    assert_int_equal(b.max_size, 8);
}

static void memory_sink_out_of_memory(void **state)
{
    (void)state;
    skpi_buffer b = SKPI_BUFFER_INIT;
    skpi_sink s;
    assert_int_equal(skpi_sink_memory(&s, &b), SKPI_OK);
    assert_int_equal(skpi_sink_write(&s, "abc", 3), SKPI_OK);
    char big[1000];
    memset(big, 'z', sizeof big);
    /* Each growth is one reallocation: failing it leaves the buffer as it was. */
    for (long n = 0;; n++) {
        long live = test_alloc_live();
        char *data = b.data;
        size_t size = b.size, cap = b.capacity;
        test_alloc_fail_after(n);
        int rc = skpi_sink_write(&s, big, sizeof big);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) { assert_true(n >= 1); break; }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_int_equal(test_alloc_live(), live);
        assert_ptr_equal(b.data, data);
        assert_int_equal(b.size, size);
        assert_int_equal(b.capacity, cap);
        assert_string_equal(b.data, "abc");
    }
    assert_int_equal(b.size, 1003);
    skpi_buffer_reset(&b);

    /* Detaching an empty buffer allocates the empty string. */
    char *out = (char *)1;
    test_alloc_fail_after(0);
    assert_int_equal(skpi_buffer_detach(&out, NULL, &b), SKPI_ENOMEM);
    test_alloc_fail_after(-1);
    assert_ptr_equal(out, (char *)1);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(init_and_versions),
        cmocka_unit_test(write_and_close_contract),
        cmocka_unit_test(file_sink_writes_and_closes),
        cmocka_unit_test(file_sink_reports_a_full_disk),
        cmocka_unit_test(stdio_sink_flushes_and_keeps_the_stream),
        cmocka_unit_test(memory_sink_grows),
        cmocka_unit_test(memory_sink_limit),
        cmocka_unit_test(memory_sink_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
