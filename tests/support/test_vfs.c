/* The failing VFS of test_vfs.h: every method goes to the wrapped VFS and
 * its files, but writes and syncs, which fail on demand. */
#include "test_vfs.h"

#include <sqlite3.h>
#include <string.h>

/* Our file, followed in the same block by the wrapped VFS's file. */
typedef struct fault_file {
    sqlite3_file base;
    sqlite3_file *real;
} fault_file;

static sqlite3_vfs *wrapped;
static sqlite3_vfs fault_vfs;
static enum test_vfs_fault armed_fault;
static long countdown = -1;
static long failures;

/* Whether this write (or sync) fails. */
static int strikes(int is_write)
{
    if (countdown < 0 || is_write != (armed_fault != TEST_VFS_SYNC_IOERR)) return 0;
    if (countdown > 0) {
        countdown--;
        return 0;
    }
    failures++;
    return 1;
}

#define REAL(f) (((fault_file *)(f))->real)

static int f_close(sqlite3_file *f) { return REAL(f)->pMethods->xClose(REAL(f)); }
static int f_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
    return REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}
static int f_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
    if (strikes(1))
        return armed_fault == TEST_VFS_WRITE_FULL ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
}
static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    return REAL(f)->pMethods->xTruncate(REAL(f), size);
}
static int f_sync(sqlite3_file *f, int flags)
{
    (void)f;
    (void)flags;
    if (strikes(0)) return SQLITE_IOERR_FSYNC;
    /* Counted, not done: these tests do not cut the power, and thousands
     * of fsyncs would make them slow. */
    return SQLITE_OK;
}
static int f_size(sqlite3_file *f, sqlite3_int64 *size)
{
    return REAL(f)->pMethods->xFileSize(REAL(f), size);
}
static int f_lock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xLock(REAL(f), l); }
static int f_unlock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xUnlock(REAL(f), l); }
static int f_reserved(sqlite3_file *f, int *out)
{
    return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int f_control(sqlite3_file *f, int op, void *arg)
{
    return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int f_sector(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int f_device(sqlite3_file *f) { return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f)); }
static int f_shm_map(sqlite3_file *f, int region, int size, int extend, void volatile **out)
{
    return REAL(f)->pMethods->xShmMap(REAL(f), region, size, extend, out);
}
static int f_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
    return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}
static void f_shm_barrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int f_shm_unmap(sqlite3_file *f, int del)
{
    return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}
static int f_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **out)
{
    return REAL(f)->pMethods->xFetch(REAL(f), off, n, out);
}
static int f_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
    return REAL(f)->pMethods->xUnfetch(REAL(f), off, p);
}

static const sqlite3_io_methods fault_io = {
    3, f_close, f_read, f_write, f_truncate, f_sync, f_size, f_lock, f_unlock, f_reserved,
    f_control, f_sector, f_device, f_shm_map, f_shm_lock, f_shm_barrier, f_shm_unmap,
    f_fetch, f_unfetch
};

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags,
                  int *out_flags)
{
    (void)vfs;
    fault_file *f = (fault_file *)file;
    f->real = (sqlite3_file *)(f + 1);
    memset(f->real, 0, (size_t)wrapped->szOsFile);
    int rc = wrapped->xOpen(wrapped, name, f->real, flags, out_flags);
    /* SQLite closes a file whose methods are set, even after a failure */
    f->base.pMethods = f->real->pMethods ? &fault_io : NULL;
    return rc;
}

#define PASS(ret, fn, params, args) \
    static ret v_##fn params { (void)vfs; return wrapped->x##fn args; }
PASS(int, Delete, (sqlite3_vfs *vfs, const char *n, int sync), (wrapped, n, sync))
PASS(int, Access, (sqlite3_vfs *vfs, const char *n, int f, int *o), (wrapped, n, f, o))
PASS(int, FullPathname, (sqlite3_vfs *vfs, const char *n, int sz, char *o), (wrapped, n, sz, o))
PASS(void *, DlOpen, (sqlite3_vfs *vfs, const char *n), (wrapped, n))
PASS(int, Randomness, (sqlite3_vfs *vfs, int n, char *o), (wrapped, n, o))
PASS(int, Sleep, (sqlite3_vfs *vfs, int us), (wrapped, us))
PASS(int, CurrentTime, (sqlite3_vfs *vfs, double *o), (wrapped, o))
PASS(int, GetLastError, (sqlite3_vfs *vfs, int n, char *o), (wrapped, n, o))
PASS(int, CurrentTimeInt64, (sqlite3_vfs *vfs, sqlite3_int64 *o), (wrapped, o))
static void v_DlError(sqlite3_vfs *vfs, int n, char *o) { (void)vfs; wrapped->xDlError(wrapped, n, o); }
static void (*v_DlSym(sqlite3_vfs *vfs, void *h, const char *s))(void)
{
    (void)vfs;
    return wrapped->xDlSym(wrapped, h, s);
}
static void v_DlClose(sqlite3_vfs *vfs, void *h) { (void)vfs; wrapped->xDlClose(wrapped, h); }

int test_vfs_install(void)
{
    if (wrapped != NULL) return SQLITE_OK;
    wrapped = sqlite3_vfs_find(NULL);
    if (wrapped == NULL) return SQLITE_ERROR;
    fault_vfs = (sqlite3_vfs){
        .iVersion = 2,
        .szOsFile = (int)sizeof(fault_file) + wrapped->szOsFile,
        .mxPathname = wrapped->mxPathname,
        .zName = "skpi-test-fault",
        .xOpen = v_open,
        .xDelete = v_Delete,
        .xAccess = v_Access,
        .xFullPathname = v_FullPathname,
        .xDlOpen = v_DlOpen,
        .xDlError = v_DlError,
        .xDlSym = v_DlSym,
        .xDlClose = v_DlClose,
        .xRandomness = v_Randomness,
        .xSleep = v_Sleep,
        .xCurrentTime = v_CurrentTime,
        .xGetLastError = v_GetLastError,
        .xCurrentTimeInt64 = v_CurrentTimeInt64,
    };
    return sqlite3_vfs_register(&fault_vfs, 1);
}

const char *test_vfs_base(void) { return wrapped ? wrapped->zName : NULL; }

void test_vfs_fail_after(enum test_vfs_fault fault, long n)
{
    armed_fault = fault;
    countdown = n;
    failures = 0;
}

long test_vfs_failures(void) { return failures; }
