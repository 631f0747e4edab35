"""The resident memory of this process, for the tests that look for leaks."""
import os

_PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def rss_kib():
    """Resident set size in KiB, from /proc/self/statm (counted in pages)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * _PAGE_KIB
