/* cli_codebook.c - samen codebook: the codebook of a wave's questionnaire
 * as Markdown, HTML or JSON. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "samen/i18n.h"
#include "samen/interchange.h"

static const char usage[] =
    "usage: samen codebook --study DIR --wave YEAR --format md|html|json\n"
    "                      [--lang nl|en] [--out FILE]\n\n"
    "Writes the codebook of the wave's questionnaire: every question with its\n"
    "text (placeholders as {name}, with their wording per situation) and routing\n"
    "condition, and every variable with its label, answer codes, missing\n"
    "(non-substantive) codes and measurement level; then the scales. To\n"
    "standard output unless --out is given. Needs no responses.\n";

int cli_codebook(int argc, char **argv)
{
    const char *dir = NULL, *wave_s = NULL, *format = NULL, *lang = NULL, *out = NULL;
    const cli_opt opts[] = {{"study", &dir, NULL},   {"wave", &wave_s, NULL},
                            {"format", &format, NULL}, {"lang", &lang, NULL},
                            {"out", &out, NULL},     {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 0, &npos, usage);
    if (rc >= 0)
        return rc;
    int wave;
    if (!cli_parse_wave("codebook", wave_s, &wave))
        return 2;
    samen_codebook_format fmt;
    if (format == NULL)
        format = "md";
    if (!samen_codebook_format_parse(format, &fmt))
        return cli_usage_error("codebook", _("unknown format '%s' (md, html or json)"), format);
    if (lang != NULL && strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0)
        return cli_usage_error("codebook", _("--lang is nl or en, not '%s'"), lang);
    samen_diag *d = samen_diag_create(50);
    if (d == NULL)
        return 1;
    samen_study *s = NULL;
    rc = cli_open_study(dir, NULL, &s, NULL, d);
    if (rc < 0) {
        char tmp[4200];
        FILE *f = stdout;
        if (out != NULL) {
            snprintf(tmp, sizeof tmp, "%s.tmp-%ld", out, (long)getpid());
            f = fopen(tmp, "wb");
        }
        samen_status status;
        if (f == NULL) {
            samen_diag_add(d, out, 0, 0, "cannot write: %s", strerror(errno));
            status = SAMEN_EIO;
        } else {
            status = samen_codebook_write(s, wave, fmt, lang, f, d);
        }
        if (out != NULL && f != NULL) {
            int bad = fclose(f) != 0;
            if (status == SAMEN_OK && (bad || rename(tmp, out) != 0)) {
                samen_diag_add(d, out, 0, 0, "cannot write: %s", strerror(errno));
                status = SAMEN_EIO;
            }
            if (status != SAMEN_OK)
                unlink(tmp);
        }
        if (status != SAMEN_OK) {
            rc = cli_fail(status, d);
        } else {
            if (out != NULL)
                printf(_("wrote the codebook of wave %d to %s\n"), wave, out);
            rc = 0;
        }
    }
    samen_study_destroy(s);
    samen_diag_destroy(d);
    return rc;
}
