/* An SQLite VFS over the default one that fails the Nth write or sync, for
 * tests of I/O errors and a full disk under the store. */
#ifndef SKPI_TEST_VFS_H
#define SKPI_TEST_VFS_H

enum test_vfs_fault {
    TEST_VFS_WRITE_IOERR, /* a write fails with SQLITE_IOERR_WRITE */
    TEST_VFS_WRITE_FULL,  /* a write fails with SQLITE_FULL: the disk is full */
    TEST_VFS_SYNC_IOERR   /* a sync fails with SQLITE_IOERR_FSYNC */
};

/* Register the VFS "skpi-test-fault" as SQLite's default, so that every
 * connection opened without a VFS name (the store's) goes through it; the
 * VFS it wraps stays reachable by its name (test_vfs_base()). Returns an
 * SQLite code. */
int test_vfs_install(void);
/* The name of the wrapped VFS, for connections that must not fail. */
const char *test_vfs_base(void);
/* Let `n` more operations of the fault's kind succeed, then fail every one
 * (a disk that is full or broken stays so); -1 fails nothing. */
void test_vfs_fail_after(enum test_vfs_fault fault, long n);
/* Operations failed since the last test_vfs_fail_after(). */
long test_vfs_failures(void);

#endif
