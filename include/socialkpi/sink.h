/**
 * @file socialkpi/sink.h
 * @brief Sinks: where rendered reports go. A table of host callbacks, and
 *        built-in sinks for a file path, a `FILE *` and a memory buffer.
 *
 * A renderer (skpi_render()) hands its output to a sink in pieces, in order,
 * through `write`, and calls `close` once when it is done, whether it
 * succeeded or not (unless the render options ask to keep the sink open).
 * A callback returns 0 to go on. A non-zero return stops rendering at once:
 * no further `write` happens, `close` is still called so that the sink can
 * release what it holds, and skpi_render() returns ::SKPI_ECALLBACK. A
 * callback may set the message with skpi_error_set() before it returns
 * non-zero; otherwise the message reads "sink write callback returned N".
 * A callback must not free or change the document being rendered.
 *
 * The built-in sinks report their own failures with their own codes instead
 * of ::SKPI_ECALLBACK: ::SKPI_EIO (a file could not be written, the message
 * names it and gives the system's reason) and ::SKPI_ENOMEM (the memory
 * buffer could not grow).
 */
#ifndef SOCIALKPI_SINK_H
#define SOCIALKPI_SINK_H

#include "socialkpi/common.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief A sink: a table of callbacks that receive rendered bytes.
 *
 * Versioned struct: set `version` to ::SKPI_SINK_VERSION (or use
 * ::SKPI_SINK_INIT / skpi_sink_init()). It only grows at its end.
 */
typedef struct skpi_sink {
    unsigned version; /**< ::SKPI_SINK_VERSION */
    /**
     * Receive the next `len` bytes (len > 0) of output. Required. The bytes
     * are borrowed for the call only. Returns 0 to go on, non-zero to stop.
     */
    int (*write)(void *userdata, const void *bytes, size_t len);
    /**
     * Called once after the last write, also after a failure. Optional
     * (NULL: nothing to do). Returns 0, or non-zero when finishing the output
     * failed (a render that had succeeded then fails with ::SKPI_ECALLBACK).
     */
    int (*close)(void *userdata);
    void *userdata; /**< passed to every callback; owned by the host */
} skpi_sink;

/** @brief The current version of ::skpi_sink. */
#define SKPI_SINK_VERSION 1
/** @brief Static initializer for ::skpi_sink. */
#define SKPI_SINK_INIT { SKPI_SINK_VERSION, NULL, NULL, NULL }

/**
 * @brief Initialise a sink table (for bindings that cannot use the macro).
 * @param sink    the table to clear and stamp
 * @param version ::SKPI_SINK_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION (unknown version)
 */
SKPI_API int skpi_sink_init(skpi_sink *sink, unsigned version);

/**
 * @brief Write bytes to a sink through its `write` callback.
 *
 * For hosts that feed a sink themselves (a header before a report, several
 * reports into one file). Nothing is written when len is 0.
 * @param sink  the sink
 * @param bytes the bytes (may be NULL when len is 0)
 * @param len   how many bytes
 * @return SKPI_OK; SKPI_EMISUSE (NULL sink or bytes, no write callback);
 *         SKPI_EVERSION (unknown sink version); SKPI_ECALLBACK (the callback
 *         returned non-zero); SKPI_EIO or SKPI_ENOMEM from a built-in sink
 */
SKPI_API int skpi_sink_write(const skpi_sink *sink, const void *bytes, size_t len);

/**
 * @brief Close a sink through its `close` callback, then clear the table's
 *        `write` and `close` members so that a second close does nothing.
 *
 * Needed only for a sink that was never handed to skpi_render(), or that was
 * rendered to with ::SKPI_RENDER_KEEP_SINK_OPEN.
 * @param sink the sink; NULL does nothing
 * @return SKPI_OK; SKPI_EVERSION (unknown sink version); SKPI_ECALLBACK (the
 *         callback returned non-zero); SKPI_EIO from the built-in file sinks
 */
SKPI_API int skpi_sink_close(skpi_sink *sink);

/**
 * @brief A sink that writes to a new file at `path` (created or truncated).
 *
 * The file is opened now, in binary mode, and closed by the sink's `close`
 * (which skpi_render() calls, or skpi_sink_close()). A sink that is never
 * closed leaks an open file. Use the sink for one output.
 * @param out  receives the sink table
 * @param path the file's path; used only during this call
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument); SKPI_EINVAL (empty path);
 *         SKPI_EIO (the file cannot be opened: the message names it and gives
 *         the system's reason). On error `out` is unchanged.
 */
SKPI_API int skpi_sink_file(skpi_sink *out, const char *path);

/**
 * @brief A sink that writes to a `FILE *` the host opened, e.g. stdout.
 *
 * The stream stays the host's: `close` flushes it and never closes it, so
 * any number of reports may go to one stream.
 * @param out receives the sink table
 * @param fp  an open stream, borrowed while the sink is used
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument)
 */
SKPI_API int skpi_sink_stdio(skpi_sink *out, FILE *fp);

/**
 * @brief A growable memory buffer for the memory sink.
 *
 * Versioned struct: set `version` to ::SKPI_BUFFER_VERSION (or use
 * ::SKPI_BUFFER_INIT / skpi_buffer_init()). Read `data` and `size` at any
 * time; do not change them by hand.
 *
 * Freeing: `data` belongs to the buffer until skpi_buffer_reset() frees it
 * or skpi_buffer_detach() hands it over; a detached block is the caller's and
 * is freed with skpi_free() (never free(3): the library's allocator may be a
 * different one).
 */
typedef struct skpi_buffer {
    unsigned version; /**< ::SKPI_BUFFER_VERSION */
    /**
     * The bytes written so far, followed by a NUL byte that `size` does not
     * count (so a text report can be used as a C string); NULL while nothing
     * was written.
     */
    char *data;
    size_t size;     /**< bytes written, NUL not counted */
    size_t capacity; /**< bytes allocated at `data` */
    /**
     * Largest `size` the buffer may grow to; 0 means no limit. A write that
     * would pass it fails with ::SKPI_ERANGE and writes nothing.
     */
    size_t max_size;
} skpi_buffer;

/** @brief The current version of ::skpi_buffer. */
#define SKPI_BUFFER_VERSION 1
/** @brief Static initializer for ::skpi_buffer: empty, no limit. */
#define SKPI_BUFFER_INIT { SKPI_BUFFER_VERSION, NULL, 0, 0, 0 }

/**
 * @brief Initialise a buffer (for bindings that cannot use the macro).
 * @param buf     the buffer to clear and stamp; must not hold data
 * @param version ::SKPI_BUFFER_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION (unknown version)
 */
SKPI_API int skpi_buffer_init(skpi_buffer *buf, unsigned version);

/**
 * @brief A sink that appends to a memory buffer.
 *
 * The buffer is borrowed: it must outlive every use of the sink. The sink's
 * `close` does nothing, so any number of renders may append to one buffer.
 * Growth is geometric; a failed growth leaves the buffer as it was and stops
 * the render with ::SKPI_ENOMEM (or ::SKPI_ERANGE past `max_size`).
 * @param out receives the sink table
 * @param buf the buffer, initialised with ::SKPI_BUFFER_INIT or skpi_buffer_init()
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument); SKPI_EVERSION (unknown
 *         buffer version)
 */
SKPI_API int skpi_sink_memory(skpi_sink *out, skpi_buffer *buf);

/**
 * @brief Hand the buffer's bytes to the caller and empty the buffer.
 * @param out  receives the NUL-terminated bytes, which the caller frees with
 *             skpi_free(); a block holding only the NUL when nothing was written
 * @param size receives the length without the NUL (may be NULL)
 * @param buf  the buffer; empty afterwards, `max_size` kept
 * @return SKPI_OK; SKPI_EMISUSE (NULL out or buf); SKPI_EVERSION;
 *         SKPI_ENOMEM (only when nothing was written yet and the empty
 *         string cannot be allocated; the buffer is unchanged)
 */
SKPI_API int skpi_buffer_detach(char **out, size_t *size, skpi_buffer *buf);

/**
 * @brief Free the buffer's bytes and empty it; `max_size` is kept.
 * @param buf the buffer; NULL does nothing
 */
SKPI_API void skpi_buffer_reset(skpi_buffer *buf);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_SINK_H */
