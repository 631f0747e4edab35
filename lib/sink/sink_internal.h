/* Private part of the sink module: checked writes and the built-in callbacks. */
#ifndef SKPI_SINK_INTERNAL_H
#define SKPI_SINK_INTERNAL_H

#include "core/internal.h"
#include "socialkpi/sink.h"

/* SKPI_OK when the table can be written to; else the code, message set. */
int skpi__sink_check(const skpi_sink *sink, const char *fn);

/* Write through the callback, turning a failure into an error code:
 * SKPI_ECALLBACK for host callbacks, the built-in sinks' own codes. */
int skpi__sink_put(const skpi_sink *sink, const void *bytes, size_t len);

/* Call close (if any) once and clear write/close so it cannot run twice. */
int skpi__sink_finish(skpi_sink *sink);

/* The built-in callbacks, compared by address to tell them from the host's. */
int skpi__sink_file_write(void *userdata, const void *bytes, size_t len);
int skpi__sink_file_close(void *userdata);
int skpi__sink_stdio_write(void *userdata, const void *bytes, size_t len);
int skpi__sink_stdio_close(void *userdata);
int skpi__sink_memory_write(void *userdata, const void *bytes, size_t len);

#endif
