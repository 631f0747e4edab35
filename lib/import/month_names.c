/* Month names in the languages TikTok Studio and other exports write dates
 * in: English, Spanish, Portuguese, French, German and Italian, full or
 * abbreviated. No name means two different months in two languages, so the
 * language never has to be known. */
#include "import/month_names.h"

#include <string.h>

/* Lowercase, UTF-8; an abbreviation may be followed by a '.' in the text. */
static const char *const names[12][16] = {
    { "january", "jan", "enero", "ene", "janeiro", "janvier", "janv", "januar", "gennaio",
      "gen", NULL },
    { "february", "feb", "febrero", "fevereiro", "fev", "f\xC3\xA9vrier", "f\xC3\xA9v",
      "fevrier", "februar", "febbraio", NULL },
    { "march", "mar", "marzo", "mar\xC3\xA7o", "marco", "mars", "m\xC3\xA4rz", "maerz", "marz",
      "m\xC3\xA4r", NULL },
    { "april", "apr", "abril", "abr", "avril", "avr", "aprile", NULL },
    { "may", "mayo", "maio", "mai", "maggio", "mag", NULL },
    { "june", "jun", "junio", "junho", "juin", "juni", "giugno", "giu", NULL },
    { "july", "jul", "julio", "julho", "juillet", "juil", "juli", "luglio", "lug", NULL },
    { "august", "aug", "agosto", "ago", "ao\xC3\xBBt", "aout", NULL },
    { "september", "sep", "sept", "septiembre", "setiembre", "set", "setembro", "septembre",
      "settembre", NULL },
    { "october", "oct", "octubre", "outubro", "out", "octobre", "oktober", "okt", "ottobre",
      "ott", NULL },
    { "november", "nov", "noviembre", "novembro", "novembre", NULL },
    { "december", "dec", "diciembre", "dic", "dezembro", "dez", "d\xC3\xA9" "cembre",
      "d\xC3\xA9" "c", "decembre", "dezember", "dicembre", NULL },
};

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* A word: ASCII letters and the bytes of non-ASCII UTF-8 characters. */
static size_t word_length(const char *s, size_t n)
{
    size_t len = 0;
    while (len < n) {
        char c = lower(s[len]);
        if (!((c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80))
            break;
        len++;
    }
    return len;
}

bool skpi__month_word(const char *s, size_t n, size_t *used, int *month)
{
    size_t len = word_length(s, n);
    if (len < 3)
        return false;
    for (int m = 0; m < 12; m++) {
        for (int k = 0; names[m][k] != NULL; k++) {
            const char *name = names[m][k];
            if (strlen(name) != len)
                continue;
            size_t i = 0;
            /* ASCII letters in any case; the accented ones (é, ç, ä, û) as
             * written, in lowercase. */
            while (i < len && lower(s[i]) == name[i])
                i++;
            if (i < len)
                continue;
            if (len < n && s[len] == '.')
                len++;
            *used = len;
            *month = m + 1;
            return true;
        }
    }
    return false;
}
