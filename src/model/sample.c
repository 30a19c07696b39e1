/* sample.c - Cochran's sample size with finite population correction
 * (samen/sample.h). The normal quantile comes from GSL. */
#include "samen/sample.h"

#include <gsl/gsl_cdf.h>
#include <math.h>

samen_status samen_sample_size_compute(double population, double margin, double confidence,
                                       double p, samen_sample_size *out)
{
    if (!(population >= 1) || !(margin > 0 && margin < 1) ||
        !(confidence > 0 && confidence < 1) || !(p > 0 && p < 1) || !isfinite(population))
        return SAMEN_EINVAL;
    samen_sample_size r;
    r.z = gsl_cdf_ugaussian_Pinv((1 + confidence) / 2);
    r.n0 = r.z * r.z * p * (1 - p) / (margin * margin);
    r.n_exact = r.n0 / (1 + (r.n0 - 1) / population);
    /* Round up, but not past an exact integer by floating-point noise. */
    r.n = (long)ceil(r.n_exact - 1e-9);
    if (r.n > population)
        r.n = (long)population;
    *out = r;
    return SAMEN_OK;
}
