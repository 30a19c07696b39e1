/* smallcell.c - the small-cell rule: small-base flags and suppression of
 * small counts (stats/smallcell.h, where rules 1-5 are stated). */
#include "smallcell.h"

#include <stdlib.h>

bool smallcell_is_small_base(double base)
{
    return !(base >= SMALLCELL_MIN_BASE); /* rule 1; a NaN base is small too */
}

static size_t nblank_in(const bool *blank, const smallcell_line *line)
{
    size_t n = 0;
    for (size_t k = 0; k < line->ncells; k++)
        n += blank[line->cells[k]];
    return n;
}

/* Blanks the smallest cell of line not yet blanked (rule 3). Returns false
 * when every cell of the line is blanked already. */
static bool blank_smallest(const double *counts, bool *blank, const smallcell_line *line)
{
    bool found = false;
    size_t best = 0;
    for (size_t k = 0; k < line->ncells; k++) {
        size_t at = line->cells[k];
        if (!blank[at] && (!found || counts[at] < counts[best])) {
            best = at;
            found = true;
        }
    }
    if (found)
        blank[best] = true;
    return found;
}

void smallcell_suppress_lines(const double *counts, size_t ncells, const smallcell_line *lines,
                              size_t nlines, double min_n, bool *blank, size_t *nblank,
                              bool *exposed)
{
    for (size_t i = 0; i < ncells; i++)
        blank[i] = min_n > 1 && counts[i] > 0 && counts[i] < min_n; /* rules 2 and 5 */
    bool changed = true, lonely = false;
    while (changed) { /* rule 3 */
        changed = false;
        lonely = false;
        for (size_t l = 0; l < nlines; l++) {
            if (nblank_in(blank, &lines[l]) != 1)
                continue;
            if (blank_smallest(counts, blank, &lines[l]))
                changed = true;
            else
                lonely = true; /* a line of one cell: its total gives it away */
        }
    }
    size_t n = 0;
    for (size_t i = 0; i < ncells; i++)
        n += blank[i];
    *nblank = n;
    if (exposed != NULL)
        *exposed = lonely;
}

samen_status smallcell_suppress(const double *counts, size_t nrows, size_t ncols, double min_n,
                                bool *blank, size_t *nblank, bool *exposed)
{
    size_t cells = nrows * ncols;
    /* rule 4: rows are totals only with two columns or more, and so on; a
     * table of one cell still has its grand total */
    size_t nlines = (ncols >= 2 ? nrows : 0) + (nrows >= 2 ? ncols : 0);
    bool one_cell = cells == 1;
    nlines += one_cell;
    size_t *index = malloc((2 * cells + 1) * sizeof *index);
    smallcell_line *lines = malloc((nlines + 1) * sizeof *lines);
    if (index == NULL || lines == NULL) {
        free(index);
        free(lines);
        return SAMEN_ENOMEM;
    }
    size_t l = 0, at = 0;
    for (size_t i = 0; ncols >= 2 && i < nrows; i++) {
        lines[l].cells = index + at;
        lines[l++].ncells = ncols;
        for (size_t j = 0; j < ncols; j++)
            index[at++] = i * ncols + j;
    }
    for (size_t j = 0; nrows >= 2 && j < ncols; j++) {
        lines[l].cells = index + at;
        lines[l++].ncells = nrows;
        for (size_t i = 0; i < nrows; i++)
            index[at++] = i * ncols + j;
    }
    if (one_cell) {
        lines[l].cells = index + at;
        lines[l++].ncells = 1;
        index[at++] = 0;
    }
    smallcell_suppress_lines(counts, cells, lines, nlines, min_n, blank, nblank, exposed);
    free(index);
    free(lines);
    return SAMEN_OK;
}
