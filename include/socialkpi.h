/**
 * @file socialkpi.h
 * @brief socialkpi: social-media metrics to goal progress and stakeholder
 *        reports. This umbrella header includes every public header.
 */
#ifndef SOCIALKPI_H
#define SOCIALKPI_H

#include "socialkpi/common.h"
#include "socialkpi/calendar.h"
#include "socialkpi/series.h"
#include "socialkpi/metrics.h"
#include "socialkpi/number.h"
#include "socialkpi/source.h"
#include "socialkpi/dataset.h"
#include "socialkpi/compete.h"
#include "socialkpi/import.h"
#include "socialkpi/goal.h"
#include "socialkpi/okr.h"
#include "socialkpi/store.h"
#include "socialkpi/sink.h"
#include "socialkpi/doc.h"
#include "socialkpi/report.h"
#include "socialkpi/render.h"
#include "socialkpi/digest.h"
#include "socialkpi/deliver.h"
#include "socialkpi/definitions.h"
#include "socialkpi/effort.h"

#endif /* SOCIALKPI_H */
