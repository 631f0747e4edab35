/**
 * @file socialkpi/common.h
 * @brief Error codes, messages, allocator, version and the basic time types.
 *
 * Every other public header includes this one. Every fallible function of the
 * library returns `int`: ::SKPI_OK (0) or a negative `SKPI_E*` code, and then
 * skpi_last_error() says what was wrong and where.
 */
#ifndef SOCIALKPI_COMMON_H
#define SOCIALKPI_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Marks a function as part of the exported API. */
#if defined(_WIN32)
#  if defined(SKPI_BUILDING)
#    define SKPI_API __declspec(dllexport)
#  else
#    define SKPI_API
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define SKPI_API __attribute__((visibility("default")))
#else
#  define SKPI_API
#endif

/** @brief Major version: bumped only when the ABI breaks (0 while 0.x). */
#define SKPI_VERSION_MAJOR 0
/** @brief Minor version: bumped when symbols are added. */
#define SKPI_VERSION_MINOR 1
/** @brief Patch version: bumped for fixes that add nothing. */
#define SKPI_VERSION_PATCH 0
/** @brief The version as one number: major * 10000 + minor * 100 + patch. */
#define SKPI_VERSION_NUMBER \
    (SKPI_VERSION_MAJOR * 10000 + SKPI_VERSION_MINOR * 100 + SKPI_VERSION_PATCH)

/**
 * @brief Error codes. Values are fixed for ever; new codes only get added.
 */
typedef enum skpi_error {
    SKPI_OK = 0,            /**< success */
    SKPI_EINVAL = -1,       /**< an argument is invalid (empty key, NaN, unknown enum value) */
    SKPI_ENOMEM = -2,       /**< an allocation failed; nothing was changed */
    SKPI_EMISUSE = -3,      /**< the API was misused (NULL handle, call in the wrong state) */
    SKPI_ERANGE = -4,       /**< a value is outside its allowed range, or a buffer is too small */
    SKPI_EPARSE = -5,       /**< text could not be parsed; the message says where */
    SKPI_ENOTFOUND = -6,    /**< a named thing does not exist */
    SKPI_EEXISTS = -7,      /**< a thing with that name already exists */
    SKPI_ECALLBACK = -8,    /**< a host callback returned non-zero and stopped the operation */
    SKPI_EIO = -9,          /**< reading or writing a file or database failed */
    SKPI_EUNSUPPORTED = -10,/**< the operation is not supported for this input */
    SKPI_EDUPLICATE = -11,  /**< duplicate times where the series' policy forbids them */
    SKPI_EVERSION = -12     /**< a struct, file or schema version this library does not know */
} skpi_error;

/**
 * @brief Seconds since 1970-01-01T00:00:00Z (UTC), leap seconds ignored.
 *
 * The library accepts times from 0001-01-01 to 9999-12-31 (see
 * skpi_time_min() and skpi_time_max()).
 */
typedef int64_t skpi_time;

/**
 * @brief A half-open time interval `[start, end)`.
 *
 * A frozen value type: its layout never changes.
 */
typedef struct skpi_period {
    skpi_time start; /**< first second inside the period */
    skpi_time end;   /**< first second after the period */
} skpi_period;

/** @brief Whether a value read from the library can be used, and if not why. */
typedef enum skpi_availability {
    SKPI_AVAILABLE = 0,        /**< the value is complete */
    SKPI_MISSING = 1,          /**< no data at all; the value is NaN */
    SKPI_PARTIAL = 2,          /**< some data points of the period are missing */
    SKPI_DENOMINATOR_ZERO = 3, /**< a formula divided by zero; the value is NaN */
    SKPI_UNSUPPORTED = 4       /**< the question has no answer for this metric; the value is NaN */
} skpi_availability;

/**
 * @brief A number with its availability. A frozen value type.
 */
typedef struct skpi_value {
    double value;     /**< the number; NaN unless available or partial */
    int availability; /**< an ::skpi_availability */
} skpi_value;

/** @brief The earliest time accepted: 0001-01-01T00:00:00Z. */
#define SKPI_TIME_MIN INT64_C(-62135596800)
/** @brief The first time not accepted: 10000-01-01T00:00:00Z. */
#define SKPI_TIME_END INT64_C(253402300800)

/** @brief The earliest accepted time (::SKPI_TIME_MIN), for bindings that cannot see macros. */
SKPI_API skpi_time skpi_time_min(void);
/** @brief The last accepted time, 9999-12-31T23:59:59Z (::SKPI_TIME_END - 1). */
SKPI_API skpi_time skpi_time_max(void);

/**
 * @brief A short English name of an error code.
 * @param code an ::skpi_error value (other values give "unknown error")
 * @return a static string; never NULL; never freed
 */
SKPI_API const char *skpi_strerror(int code);

/**
 * @brief The message of the last error on the calling thread.
 *
 * Every function that returns a negative code first sets this message. It
 * says what was wrong and, where it applies, where ("line 17, column 5:
 * unterminated quote"). Successful calls do not clear it.
 * @return a thread-local string, valid until the next library call on this
 *         thread; "" when no error happened yet; never NULL
 */
SKPI_API const char *skpi_last_error(void);

/**
 * @brief Set the calling thread's error message.
 *
 * Meant for host callbacks: a callback that returns non-zero may call this
 * first, and the library keeps the message instead of "callback returned N".
 * @param message the text; copied (truncated to skpi_error_message_size() - 1
 *                bytes on a UTF-8 boundary); NULL clears the message
 */
SKPI_API void skpi_error_set(const char *message);

/** @brief Clear the calling thread's error message (skpi_last_error() returns ""). */
SKPI_API void skpi_error_clear(void);

/** @brief The size of the thread-local message buffer, terminating NUL included. */
SKPI_API size_t skpi_error_message_size(void);

/**
 * @brief A replacement for the library's memory allocator.
 *
 * Versioned struct: set `version` to ::SKPI_ALLOCATOR_VERSION (or use
 * ::SKPI_ALLOCATOR_INIT / skpi_allocator_init()). All three functions are
 * required. `realloc_fn` must behave like realloc(3) (NULL pointer allocates;
 * on failure the old block stays valid), and `free_fn` must accept NULL.
 */
typedef struct skpi_allocator {
    unsigned version;                                       /**< ::SKPI_ALLOCATOR_VERSION */
    void *(*malloc_fn)(size_t size, void *userdata);        /**< allocate size bytes */
    void *(*realloc_fn)(void *ptr, size_t size, void *userdata); /**< resize a block */
    void (*free_fn)(void *ptr, void *userdata);             /**< free a block (NULL allowed) */
    void *userdata;                                         /**< passed to every call */
} skpi_allocator;

/** @brief The current version of ::skpi_allocator. */
#define SKPI_ALLOCATOR_VERSION 1
/** @brief Static initializer for ::skpi_allocator. */
#define SKPI_ALLOCATOR_INIT { SKPI_ALLOCATOR_VERSION, NULL, NULL, NULL, NULL }

/**
 * @brief Initialise an allocator struct (for bindings that cannot use the macro).
 * @param allocator the struct to clear and stamp
 * @param version   ::SKPI_ALLOCATOR_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION (unknown version)
 */
SKPI_API int skpi_allocator_init(skpi_allocator *allocator, unsigned version);

/**
 * @brief Replace the allocator used for every allocation of the library.
 *
 * Call it once, before any other library call that allocates; the struct is
 * copied. Blocks allocated before the change would be freed with the wrong
 * function, so once the library has allocated anything the call is refused.
 * @param allocator the new allocator, or NULL for the C library's malloc
 * @return SKPI_OK; SKPI_EVERSION (unknown version); SKPI_EINVAL (a function
 *         missing); SKPI_EMISUSE (the library has already allocated memory)
 */
SKPI_API int skpi_set_allocator(const skpi_allocator *allocator);

/**
 * @brief Free memory that a library function handed to the caller.
 * @param ptr a block the documentation says the caller frees with skpi_free();
 *            NULL is allowed and does nothing
 */
SKPI_API void skpi_free(void *ptr);

/** @brief The run-time version as ::SKPI_VERSION_NUMBER (major * 10000 + minor * 100 + patch). */
SKPI_API int skpi_version(void);

/** @brief The run-time version as text, e.g. "0.1.0"; a static string. */
SKPI_API const char *skpi_version_string(void);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_COMMON_H */
