/* samen/sample.h - sample size for a proportion (Cochran, 1977), with the
 * finite population correction:
 *   z  = the (1 + confidence)/2 quantile of the standard normal (GSL)
 *   n0 = z^2 p (1 - p) / e^2
 *   n  = n0 / (1 + (n0 - 1) / N), rounded up.
 * The seed report's footnote 12: N = 4500, e = 5%, 90%, p = .5 gives 256.
 */
#ifndef SAMEN_SAMPLE_H
#define SAMEN_SAMPLE_H

#include "samen/status.h"

typedef struct samen_sample_size {
    double z;
    double n0;      /* infinite-population size, unrounded */
    double n_exact; /* corrected, unrounded */
    long n;         /* corrected, rounded up */
} samen_sample_size;

/* population >= 1; 0 < margin < 1; 0 < confidence < 1; 0 < p < 1.
 * Returns SAMEN_EINVAL (and leaves *out unset) otherwise. */
samen_status samen_sample_size_compute(double population, double margin, double confidence,
                                       double p, samen_sample_size *out);

#endif
