/* Sentiment labels and scores of listening exports, read into three classes. */
#include "import/sentiment.h"
#include "import/presets.h"
#include "import/reader.h"

#include <math.h>
#include <stdbool.h>

int skpi__sentiment_class(const char *s, size_t n)
{
    static const struct { const char *label; int cls; } labels[] = {
        { "positive", SKPI__SENTIMENT_POSITIVE }, { "pos", SKPI__SENTIMENT_POSITIVE },
        { "neutral", SKPI__SENTIMENT_NEUTRAL }, { "neu", SKPI__SENTIMENT_NEUTRAL },
        { "mixed", SKPI__SENTIMENT_NEUTRAL },
        { "negative", SKPI__SENTIMENT_NEGATIVE }, { "neg", SKPI__SENTIMENT_NEGATIVE },
        { "unclassified", SKPI__SENTIMENT_NONE }, { "not rated", SKPI__SENTIMENT_NONE },
        { "", SKPI__SENTIMENT_NONE },
    };
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (skpi__header_equal(s, n, labels[i].label)) return labels[i].cls;
    double v;
    bool percent;
    int rc = skpi__value_number(s, n, &v, &percent);
    if (rc == SKPI__VALUE_MISSING) return SKPI__SENTIMENT_NONE;
    if (rc != SKPI__VALUE_OK || !isfinite(v)) return SKPI__SENTIMENT_BAD;
    return v > 0 ? SKPI__SENTIMENT_POSITIVE : v < 0 ? SKPI__SENTIMENT_NEGATIVE : SKPI__SENTIMENT_NEUTRAL;
}
