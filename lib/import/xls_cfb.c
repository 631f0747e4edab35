/* The OLE2 compound file (Compound File Binary, [MS-CFB]) around a legacy
 * .xls workbook: header, allocation tables (FAT through the DIFAT, mini
 * FAT), directory, and the one stream we need copied out whole. Every
 * sector number is checked against the file, a chain that meets a sector
 * twice loops (an error), and nothing larger than the file is ever
 * allocated. */
#include "import/xls_cfb.h"

#include "core/internal.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define END_OF_CHAIN 0xFFFFFFFEu
#define MINI_CUTOFF 4096u
#define MINI_SECTOR 64u
#define DIR_ENTRY 128u

typedef struct cfb {
    const unsigned char *data;
    size_t size;
    const char *name;
    size_t ssz;      /* sector size: 512 or 4096 */
    size_t nsect;    /* sectors in the file after the header, the last maybe partial */
    uint32_t *fat;
    size_t nfat;     /* FAT entries */
    uint32_t *minifat;
    size_t nminifat;
    unsigned char *mini; /* the mini stream (the root entry's stream) */
    size_t nmini;
} cfb;

static uint32_t u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static unsigned u16(const unsigned char *p) { return (unsigned)p[0] | (unsigned)p[1] << 8; }

static int damaged(const cfb *c, const char *what)
{
    return skpi__error(SKPI_EPARSE, "%s: the .xls file is damaged: %s", c->name, what);
}

/* Sector s's bytes in the file (fewer than ssz for a short last sector). */
static const unsigned char *sector(const cfb *c, uint32_t s, size_t *avail)
{
    size_t off = ((size_t)s + 1) * c->ssz;
    *avail = c->size - off < c->ssz ? c->size - off : c->ssz;
    return c->data + off;
}

/* Copy the chain of regular sectors from `start`: exactly `want` bytes,
 * or with want == SIZE_MAX every sector to the end of the chain. */
static int read_chain(const cfb *c, uint32_t start, size_t want, const char *what,
                      unsigned char **out, size_t *len)
{
    char why[160];
    size_t cap = want == SIZE_MAX ? 0 : want, n = 0;
    unsigned char *buf = NULL;
    if (want != SIZE_MAX && (buf = skpi__malloc(want ? want : 1)) == NULL)
        return skpi__nomem();
    /* a sector met twice: the chain loops */
    unsigned char *seen = skpi__calloc(c->nsect, 1);
    if (seen == NULL) {
        skpi__free(buf);
        return skpi__nomem();
    }
    uint32_t s = start;
    while (n < want && s != END_OF_CHAIN) {
        if (s >= c->nsect || s >= c->nfat || seen[s]) {
            skpi__free(buf);
            skpi__free(seen);
            snprintf(why, sizeof why, "the sector chain of %s %s", what,
                     s < c->nsect && s < c->nfat ? "loops" : "leaves the file");
            return damaged(c, why);
        }
        seen[s] = 1;
        size_t avail;
        const unsigned char *p = sector(c, s, &avail);
        size_t take = want == SIZE_MAX ? avail : (want - n < c->ssz ? want - n : c->ssz);
        if (take > avail) {
            skpi__free(buf);
            skpi__free(seen);
            snprintf(why, sizeof why, "%s runs past the end of the file", what);
            return damaged(c, why);
        }
        if (want == SIZE_MAX && !skpi__grow((void **)&buf, &cap, n + take, 1)) {
            skpi__free(buf);
            skpi__free(seen);
            return skpi__nomem();
        }
        memcpy(buf + n, p, take);
        n += take;
        s = c->fat[s];
    }
    skpi__free(seen);
    if (want != SIZE_MAX && n < want) {
        skpi__free(buf);
        snprintf(why, sizeof why, "%s ends before its stated size", what);
        return damaged(c, why);
    }
    *out = buf;
    *len = n;
    return SKPI_OK;
}

/* The FAT: its sectors are listed by the header's 109 DIFAT entries, then
 * by a chain of DIFAT sectors (the last entry of each points to the next). */
static int read_fat(cfb *c, const unsigned char *h)
{
    size_t nfs = u32(h + 44);
    if (nfs == 0 || nfs > c->nsect)
        return damaged(c, "its sector allocation table has an impossible size");
    size_t per = c->ssz / 4;
    if ((c->fat = skpi__calloc(nfs, c->ssz)) == NULL)
        return skpi__nomem();
    c->nfat = nfs * per;
    uint32_t difat = u32(h + 68);
    size_t in_sector = 0, steps = 0;
    const unsigned char *list = h + 76;
    size_t left = 109;
    for (size_t i = 0; i < nfs; i++) {
        if (left == 0) {
            size_t avail;
            if (difat >= c->nsect || ++steps > c->nsect)
                return damaged(c, "the chain listing its allocation table leaves the file or loops");
            list = sector(c, difat, &avail);
            if (avail < c->ssz)
                return damaged(c, "its allocation table runs past the end of the file");
            left = per - 1;
            difat = u32(list + (per - 1) * 4);
            in_sector = 0;
        }
        uint32_t fs = u32(list + in_sector * 4);
        in_sector++;
        left--;
        size_t avail;
        if (fs >= c->nsect)
            return damaged(c, "a sector of its allocation table lies outside the file");
        const unsigned char *p = sector(c, fs, &avail);
        if (avail < c->ssz)
            return damaged(c, "its allocation table runs past the end of the file");
        for (size_t k = 0; k < per; k++)
            c->fat[i * per + k] = u32(p + k * 4);
    }
    return SKPI_OK;
}

/* The mini FAT and mini stream, where streams under 4096 bytes live. */
static int read_mini(cfb *c, const unsigned char *h, const unsigned char *root)
{
    uint32_t mf = u32(h + 60);
    size_t root_size = u32(root + 120);
    if (mf == END_OF_CHAIN || root_size == 0)
        return damaged(c, "the workbook stream is small but the file has no mini stream");
    unsigned char *buf;
    size_t n;
    int rc = read_chain(c, mf, SIZE_MAX, "the mini allocation table", &buf, &n);
    if (rc != SKPI_OK)
        return rc;
    c->nminifat = n / 4;
    if ((c->minifat = skpi__calloc(c->nminifat ? c->nminifat : 1, sizeof *c->minifat)) == NULL) {
        skpi__free(buf);
        return skpi__nomem();
    }
    for (size_t i = 0; i < c->nminifat; i++)
        c->minifat[i] = u32(buf + i * 4);
    skpi__free(buf);
    if (root_size > c->nsect * c->ssz)
        return damaged(c, "its mini stream is larger than the file");
    return read_chain(c, u32(root + 116), root_size, "the mini stream", &c->mini, &c->nmini);
}

static int read_mini_chain(const cfb *c, uint32_t start, size_t want, unsigned char **out)
{
    size_t nsec = c->nmini / MINI_SECTOR;
    if (want > nsec * MINI_SECTOR)
        return damaged(c, "the workbook stream is larger than the mini stream holding it");
    unsigned char *buf = skpi__malloc(want ? want : 1);
    if (buf == NULL)
        return skpi__nomem();
    unsigned char *seen = skpi__calloc(nsec ? nsec : 1, 1);
    if (seen == NULL) {
        skpi__free(buf);
        return skpi__nomem();
    }
    size_t n = 0;
    uint32_t s = start;
    while (n < want) {
        if (s == END_OF_CHAIN || s >= nsec || s >= c->nminifat || seen[s]) {
            skpi__free(buf);
            skpi__free(seen);
            return damaged(c, s == END_OF_CHAIN ? "the workbook stream ends before its stated size"
                              : s < nsec && s < c->nminifat
                                  ? "the mini sector chain of the workbook stream loops"
                                  : "the mini sector chain of the workbook stream leaves the "
                                    "mini stream");
        }
        seen[s] = 1;
        size_t take = want - n < MINI_SECTOR ? want - n : MINI_SECTOR;
        memcpy(buf + n, c->mini + (size_t)s * MINI_SECTOR, take);
        n += take;
        s = c->minifat[s];
    }
    skpi__free(seen);
    *out = buf;
    return SKPI_OK;
}

/* Whether directory entry e is named `want` (ASCII, case ignored). */
static bool entry_named(const unsigned char *e, const char *want)
{
    size_t bytes = u16(e + 64), n = strlen(want);
    if (bytes != (n + 1) * 2 || bytes > 64)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned u = u16(e + 2 * i);
        if (u > 127 || (u | 0x20) != ((unsigned char)want[i] | 0x20))
            return false;
    }
    return true;
}

static int find_stream(cfb *c, const unsigned char *h, const unsigned char *dir, size_t ndir,
                       unsigned char **out, size_t *len)
{
    static const char *const names[] = { "Workbook", "Book" };
    if (ndir == 0 || dir[66] != 5)
        return damaged(c, "its directory does not start with the root entry");
    for (size_t k = 0; k < 2; k++) {
        for (size_t i = 0; i < ndir; i++) {
            const unsigned char *e = dir + i * DIR_ENTRY;
            if (e[66] != 2 || !entry_named(e, names[k]))
                continue;
            /* Version 3 files may leave garbage in the size's high half. */
            size_t want = u32(e + 120);
            if (want > c->size)
                return damaged(c, "its workbook stream claims to be larger than the file");
            *len = want;
            if (want >= MINI_CUTOFF)
                return read_chain(c, u32(e + 116), want, "the workbook stream", out, len);
            int rc = read_mini(c, h, dir);
            return rc != SKPI_OK ? rc : read_mini_chain(c, u32(e + 116), want, out);
        }
    }
    return skpi__error(SKPI_EPARSE, "%s: the file is an OLE2 compound file but holds no Excel "
                       "workbook stream (a Word or other Office document?)", c->name);
}

int skpi__cfb_workbook(const unsigned char *data, size_t size, const char *name,
                       unsigned char **out, size_t *len)
{
    cfb c;
    memset(&c, 0, sizeof c);
    c.data = data;
    c.size = size;
    c.name = name;
    *out = NULL;
    *len = 0;
    if (size < 512)
        return damaged(&c, "it ends inside the compound file's header");
    unsigned shift = u16(data + 30);
    if (u16(data + 28) != 0xFFFE || (shift != 9 && shift != 12) || u16(data + 32) != 6)
        return damaged(&c, "its compound file header is not valid");
    c.ssz = (size_t)1 << shift;
    if (size <= c.ssz)
        return damaged(&c, "it holds no sector after the compound file's header");
    c.nsect = (size - c.ssz + c.ssz - 1) / c.ssz;
    int rc = read_fat(&c, data);
    unsigned char *dir = NULL;
    size_t ndir = 0;
    if (rc == SKPI_OK)
        rc = read_chain(&c, u32(data + 48), SIZE_MAX, "the directory", &dir, &ndir);
    if (rc == SKPI_OK)
        rc = find_stream(&c, data, dir, ndir / DIR_ENTRY, out, len);
    skpi__free(dir);
    skpi__free(c.fat);
    skpi__free(c.minifat);
    skpi__free(c.mini);
    return rc;
}
