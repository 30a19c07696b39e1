/* cli_samplesize.c - samen samplesize: Cochran with finite population. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "samen/sample.h"

static const char usage[] =
    "usage: samen samplesize --population N --margin E --confidence C [--p P]\n"
    "                        [--format text|json]\n\n"
    "Prints the minimum sample size for a proportion, rounded up (Cochran with\n"
    "finite population correction). --margin 0.05 and --confidence 0.90 are\n"
    "fractions; --p defaults to 0.5. JSON: {\"n0\":..,\"n\":..,\"z\":..}.\n";

static bool number(const char *name, const char *text, double *out)
{
    char *end = NULL;
    if (text == NULL) {
        cli_usage_error("samplesize", "--%s is required", name);
        return false;
    }
    double v = strtod(text, &end);
    if (*text == '\0' || *end != '\0' || !isfinite(v)) {
        cli_usage_error("samplesize", "--%s: '%s' is not a number", name, text);
        return false;
    }
    *out = v;
    return true;
}

int cli_samplesize(int argc, char **argv)
{
    const char *pop = NULL, *margin = NULL, *conf = NULL, *p = "0.5", *format = "text";
    const cli_opt opts[] = {{"population", &pop, NULL}, {"margin", &margin, NULL},
                            {"confidence", &conf, NULL}, {"p", &p, NULL},
                            {"format", &format, NULL},   {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 0, &npos, usage);
    if (rc >= 0)
        return rc;
    double n, e, c, pp;
    if (!number("population", pop, &n) || !number("margin", margin, &e) ||
        !number("confidence", conf, &c) || !number("p", p, &pp))
        return 2;
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return cli_usage_error("samplesize", "--format is text or json");
    samen_sample_size r;
    if (samen_sample_size_compute(n, e, c, pp, &r) != SAMEN_OK)
        return cli_usage_error("samplesize",
                               "need population >= 1 and margin, confidence and p between 0 "
                               "and 1 (fractions: 0.05, not 5)");
    if (strcmp(format, "json") == 0)
        printf("{\"n0\":%.6f,\"n\":%ld,\"z\":%.6f}\n", r.n0, r.n, r.z);
    else
        printf("%ld\n", r.n);
    return 0;
}
