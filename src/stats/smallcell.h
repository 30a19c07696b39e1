/* smallcell.h - the small-cell rule of the statistics layer (private to
 * src/stats/ and the layers above it).
 *
 * Exports smallcell_is_small_base(), which flags a percentage whose base is
 * too small to be read as a share; smallcell_suppress(), which blanks the
 * cells of a count table that could identify a few respondents in a
 * region-level report; and smallcell_suppress_lines(), the same for any
 * set of published totals (a frequency list with its valid and missing
 * subtotals).
 *
 * Rules:
 *  1. A percentage computed on fewer than SMALLCELL_MIN_BASE (10) cases is
 *     flagged "small base": it is still computed and printed, but a reader
 *     is told that one case moves it by more than ten points. A base of 0
 *     (no percentage at all) is flagged too.
 *  2. Suppression is primary: a cell whose count is above 0 and below the
 *     threshold min_n is blanked. Zero cells are not blanked by this rule
 *     (an empty cell reveals no respondent).
 *  3. Suppression is secondary: every published total (a "line": a table's
 *     row and column totals, a list's n) stays visible, so a line with
 *     exactly one blanked cell could be recovered by subtraction. In such a
 *     line the smallest cell that is not blanked yet is blanked too, zero
 *     cells included (ties: the first in index order). This repeats until
 *     no line has exactly one blanked cell, or nothing more can be blanked
 *     (a line of one cell). Then that line's total gives the cell away and
 *     must be hidden by the caller: the functions report it as "exposed".
 *  4. A table of one row (a frequency list) has no column totals, and a
 *     table of one column no row totals: rule 3 looks only at the totals
 *     that exist. A table of one cell has its grand total.
 *  5. min_n <= 1 blanks nothing.
 *
 * Reference: the threshold rule with secondary suppression for frequency
 * tables, as in Hundepool et al., Statistical Disclosure Control (Wiley,
 * 2012), the chapter on frequency tables.
 */
#ifndef SAMEN_STATS_SMALLCELL_H
#define SAMEN_STATS_SMALLCELL_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/status.h"

#define SMALLCELL_MIN_BASE 10

/* True when a percentage with this base (a number of cases) is flagged
 * under rule 1. */
bool smallcell_is_small_base(double base);

/* One published total: the cells cells[0..ncells) (indices into the
 * counts) add up to it. The caller keeps cells. */
typedef struct smallcell_line {
    const size_t *cells;
    size_t ncells;
} smallcell_line;

/* Blanks cells of counts[0..ncells) (the caller keeps it) under rules 2, 3
 * and 5, with the published totals lines[0..nlines): sets blank[i] (ncells
 * entries, owned by the caller) to true for every blanked cell and false
 * for the others, *nblank to their number, and *exposed (may be NULL) to
 * whether some line still has exactly one blanked cell (rule 3). */
void smallcell_suppress_lines(const double *counts, size_t ncells, const smallcell_line *lines,
                              size_t nlines, double min_n, bool *blank, size_t *nblank,
                              bool *exposed);

/* The same for the nrows x ncols table counts (row-major), whose row and
 * column totals are published (rule 4). SAMEN_ENOMEM when out of memory
 * (blank is then untouched). */
samen_status smallcell_suppress(const double *counts, size_t nrows, size_t ncols, double min_n,
                                bool *blank, size_t *nblank, bool *exposed);

#endif
