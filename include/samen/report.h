/* samen/report.h - the monitor report: HTML chapters with the tables of
 * the report definition (samen/tables.h), accessible SVG charts beside
 * them, the network drawings with their metrics, and the tables again as
 * an .xlsx workbook and CSV (docs/REPORT.md).
 *
 * samen_report_write() writes into a directory:
 *   index.html      one self-contained page (inline CSS and SVG, no script)
 *   charts/ (SVG)    every chart and network drawing as a file of its own
 *   tabellen.xlsx   the tables (samen_tables_write, format xlsx)
 *   tabellen.csv    the same as CSV
 *   charts/ (PNG)    every chart and drawing again as charts/<id>.png (librsvg)
 *   infographic.html the one-page infographic of the wave (key numbers
 *                   computed from the tables and the study, findings from
 *                   DIR/reports/findings.yaml when present)
 * With a region it writes a feedback report for that region instead: the
 * region's figures beside its situation and the whole study, with cells on
 * fewer than `suppress` cases blanked.
 */
#ifndef SAMEN_REPORT_H
#define SAMEN_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/diag.h"
#include "samen/status.h"
#include "samen/study.h"
#include "samen/tables.h"

typedef struct samen_report_options {
    const char *lang;       /* "nl" (default, also NULL) or "en" */
    const char *region;     /* a region code of the study, or NULL for the whole study */
    long suppress;          /* region report: blank cells on fewer cases (<= 0: 5) */
} samen_report_options;

typedef struct samen_report_summary {
    size_t tables;          /* tables written into index.html */
    size_t charts;          /* charts drawn (charts/<id>.svg) */
    size_t networks;        /* network drawings (charts/netwerk-<id>.svg) */
    size_t suppressed;      /* region report: cells blanked */
} samen_report_summary;

/* Writes the report of tables t (computed for s; the caller keeps s, t and
 * opt) into the directory out_dir, created when missing. Network drawings
 * are read from the YAML files in DIR/networks/ of the study. SAMEN_ENOTFOUND (in d)
 * for an unknown region, SAMEN_EIO when a file cannot be written. On
 * success *sum (may be NULL) tells what was written. */
samen_status samen_report_write(const samen_study *s, const samen_tables *t,
                                const samen_report_options *opt, const char *out_dir,
                                samen_report_summary *sum, samen_diag *d);

/* The same page as a string, without writing files: *out is a new
 * NUL-terminated HTML document of *len bytes; free with free(). */
samen_status samen_report_html(const samen_study *s, const samen_tables *t,
                               const samen_report_options *opt, char **out, size_t *len,
                               samen_diag *d);

/* The one-page infographic of the wave of t (samen_report_write writes it
 * as infographic.html beside index.html; the caller keeps s, t and opt;
 * opt->region is ignored). Numbers come from the tables T1, T2, T3, T5, T6,
 * B12, the study's schools and its network drawings; the findings sections
 * from DIR/reports/findings.yaml when it exists and is of t's wave
 * (docs/REPORT.md). SAMEN_EVALIDATE (in d, with file:line:column) for a
 * findings file that is not valid. On success *out is a new
 * NUL-terminated HTML document of *len bytes; free with free(). */
samen_status samen_report_infographic(const samen_study *s, const samen_tables *t,
                                      const samen_report_options *opt, char **out, size_t *len,
                                      samen_diag *d);

#endif
