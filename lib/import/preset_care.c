/* Customer-care exports: one row per message (or ticket) with its receipt
 * and first answer, or binned response times counted per day. Rows become
 * the day's messages_received, messages_answered, response_seconds and
 * messages_in_target (lib/import/care.c). docs/import.md, "Customer care". */
#include "import/presets.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The generic per-message layout this project documents. */
static const skpi__preset_column message_columns[] = {
    { "received", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "answered", SKPI__COL_ANSWERED, NULL, 0 },
    { "response_seconds", SKPI__COL_RESPONSE, NULL, SKPI__DURATION },
    { "response_minutes", SKPI__COL_RESPONSE, NULL, SKPI__MINUTES },
    { "channel", SKPI__COL_CHANNEL, NULL, 0 },
    { "network", SKPI__COL_NETWORK, NULL, 0 },
    { "account", SKPI__COL_ACCOUNT, NULL, 0 },
    { "id", SKPI__COL_IGNORE, NULL, 0 },
};

const skpi__preset skpi__preset_care_messages = {
    SKPI_IMPORT_CARE_MESSAGES, "care_messages", "care", SKPI__SHAPE_MESSAGES, SKPI__DATE_ANY, 0,
    message_columns, N(message_columns)
};

/* Zendesk Support's ticket CSV export (Admin Center, Reports, Export): one
 * ticket a row, its creation time, the channel it came through ("Via") and
 * the first reply time in calendar minutes, empty when never answered. The
 * column names are those of Zendesk's documented ticket export fields. */
static const skpi__preset_column zendesk_columns[] = {
    { "Created at", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Via", SKPI__COL_NETWORK, NULL, SKPI__REQ },
    { "First reply time in minutes", SKPI__COL_RESPONSE, NULL, SKPI__REQ | SKPI__MINUTES },
    { "First reply time in minutes within business hours", SKPI__COL_IGNORE, NULL, 0 },
    { "Id", SKPI__COL_IGNORE, NULL, 0 },
    { "Subject", SKPI__COL_IGNORE, NULL, 0 },
    { "Status", SKPI__COL_IGNORE, NULL, 0 },
    { "Updated at", SKPI__COL_IGNORE, NULL, 0 },
    { "Solved at", SKPI__COL_IGNORE, NULL, 0 },
};

const skpi__preset skpi__preset_zendesk_tickets = {
    SKPI_IMPORT_ZENDESK_TICKETS, "zendesk_tickets", "care", SKPI__SHAPE_MESSAGES, SKPI__DATE_ANY,
    0, zendesk_columns, N(zendesk_columns)
};

/* Binned response times: per day, the messages whose first answer came
 * within each bin ("0-15 min", "1-4 h", "> 24 h") or never ("no reply"). */
static const skpi__preset_column bin_columns[] = {
    { "date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "bin", SKPI__COL_BIN, NULL, SKPI__REQ },
    { "count", SKPI__COL_VALUE, NULL, SKPI__REQ },
    { "channel", SKPI__COL_CHANNEL, NULL, 0 },
    { "network", SKPI__COL_NETWORK, NULL, 0 },
    { "account", SKPI__COL_ACCOUNT, NULL, 0 },
};

const skpi__preset skpi__preset_care_bins = {
    SKPI_IMPORT_CARE_BINS, "care_bins", "care", SKPI__SHAPE_BINS, SKPI__DATE_ANY, 0,
    bin_columns, N(bin_columns)
};
