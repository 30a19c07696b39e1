/* cli_study.c - samen study: a study's waves, regions, schools and the
 * response per region, situation and sector in each wave. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "samen/i18n.h"

static const char usage[] =
    "usage: samen study [--study DIR] [--db URL] [--format text|json] [--lang nl|en]\n\n"
    "Shows the study: its waves and instruments, its regions (situation, sector,\n"
    "governance, pairing), the number of schools, and per wave the responses\n"
    "(consented and refused) per region with the response rate.\n";

typedef struct counts {
    const samen_study *s;
    long *complete;   /* per region */
    long *refused;
} counts;

static samen_status count_one(void *ctx, const samen_response_view *r)
{
    counts *c = ctx;
    long school = samen_study_find_school(c->s, r->brin);
    if (school < 0)
        return SAMEN_OK;
    size_t region = samen_study_school(c->s, (size_t)school)->region;
    if (r->status == SAMEN_RESPONSE_REFUSED)
        c->refused[region]++;
    else
        c->complete[region]++;
    return SAMEN_OK;
}

static double pct(long part, long whole)
{
    return whole > 0 ? 100.0 * (double)part / (double)whole : 0.0;
}

int cli_study(int argc, char **argv)
{
    const char *dir = NULL, *db = NULL, *format = "text", *lang = NULL;
    const cli_opt opts[] = {{"study", &dir, NULL},
                            {"db", &db, NULL},
                            {"format", &format, NULL},
                            {"lang", &lang, NULL},
                            {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 0, &npos, usage);
    if (rc >= 0)
        return rc;
    bool json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "text") != 0)
        return cli_usage_error("study", "--format is text or json");
    if (lang != NULL && strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0)
        return cli_usage_error("study", "--lang is nl or en");
    lang = samen_i18n_set(lang);
    samen_diag *d = samen_diag_create(100);
    samen_study *s = NULL;
    samen_store *st = NULL;
    rc = cli_open_study(dir, db, &s, &st, d);
    if (rc >= 0) {
        samen_diag_destroy(d);
        return rc;
    }
    size_t nr = samen_study_nregions(s);
    long *schools = calloc(nr, sizeof *schools);
    counts c = {s, calloc(nr, sizeof(long)), calloc(nr, sizeof(long))};
    cJSON *root = cJSON_CreateObject();
    if (schools == NULL || c.complete == NULL || c.refused == NULL || root == NULL) {
        rc = 1;
        goto out;
    }
    for (size_t i = 0; i < samen_study_nschools(s); i++)
        schools[samen_study_school(s, i)->region]++;

    cJSON_AddStringToObject(root, "study", samen_study_id(s));
    cJSON_AddStringToObject(root, "name", samen_study_name(s, lang));
    cJSON_AddBoolToObject(root, "synthetic", samen_study_synthetic(s));
    cJSON_AddNumberToObject(root, "schools", (double)samen_study_nschools(s));
    cJSON *regions = cJSON_AddArrayToObject(root, "regions");
    for (size_t i = 0; i < nr; i++) {
        const samen_region_info *r = samen_study_region(s, i);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "code", r->code);
        cJSON_AddStringToObject(o, "name", r->name);
        cJSON_AddStringToObject(o, "situation", samen_vocab_code(SAMEN_ATTR_SITUATION, r->situation));
        cJSON_AddStringToObject(o, "sector", samen_vocab_code(SAMEN_ATTR_SECTOR, r->sector));
        cJSON_AddStringToObject(o, "governance",
                                samen_vocab_code(SAMEN_ATTR_GOVERNANCE, r->governance));
        if (r->pair != NULL)
            cJSON_AddStringToObject(o, "pair", r->pair);
        cJSON_AddNumberToObject(o, "schools", (double)schools[i]);
        cJSON_AddItemToArray(regions, o);
    }

    if (!json) {
        printf("%s (%s)%s\n", samen_study_name(s, lang), samen_study_id(s),
               samen_study_synthetic(s) ? _("  [SYNTHETIC DATA]") : "");
        printf(_("%zu regions, %zu schools, %zu waves\n"), nr, samen_study_nschools(s),
               samen_study_nwaves(s));
    }
    cJSON *waves = cJSON_AddArrayToObject(root, "waves");
    for (size_t w = 0; w < samen_study_nwaves(s); w++) {
        const samen_wave_info *wi = samen_study_wave(s, w);
        memset(c.complete, 0, nr * sizeof(long));
        memset(c.refused, 0, nr * sizeof(long));
        samen_status status = samen_store_each_response(st, wi->year, count_one, &c);
        if (status != SAMEN_OK) {
            rc = cli_fail(status, d);
            goto out;
        }
        long tc = 0, tr = 0;
        for (size_t i = 0; i < nr; i++) {
            tc += c.complete[i];
            tr += c.refused[i];
        }
        cJSON *wo = cJSON_CreateObject();
        cJSON_AddNumberToObject(wo, "wave", wi->year);
        cJSON_AddStringToObject(wo, "instrument", samen_instrument_id(wi->instrument));
        cJSON_AddNumberToObject(wo, "responses", (double)tc);
        cJSON_AddNumberToObject(wo, "refused", (double)tr);
        cJSON *per = cJSON_AddArrayToObject(wo, "regions");
        if (!json) {
            printf(_("\nwave %d  instrument %s (version %s)\n"), wi->year,
                   samen_instrument_id(wi->instrument), samen_instrument_version(wi->instrument));
            printf("  %-8s %-22s %-6s %-10s %7s %9s %7s %8s\n", _("region"), _("situation"),
                   _("sector"), _("governance"), _("schools"), _("responses"), _("refused"),
                   _("response"));
        }
        for (size_t i = 0; i < nr; i++) {
            const samen_region_info *r = samen_study_region(s, i);
            cJSON *ro = cJSON_CreateObject();
            cJSON_AddStringToObject(ro, "code", r->code);
            cJSON_AddNumberToObject(ro, "responses", (double)c.complete[i]);
            cJSON_AddNumberToObject(ro, "refused", (double)c.refused[i]);
            cJSON_AddItemToArray(per, ro);
            if (!json)
                printf("  %-8s %-22s %-6s %-10s %7ld %9ld %7ld %7.1f%%\n", r->code,
                       samen_vocab_code(SAMEN_ATTR_SITUATION, r->situation),
                       samen_vocab_code(SAMEN_ATTR_SECTOR, r->sector),
                       samen_vocab_code(SAMEN_ATTR_GOVERNANCE, r->governance), schools[i],
                       c.complete[i], c.refused[i], pct(c.complete[i], schools[i]));
        }
        if (!json) {
            printf("  %-8s %-22s %-6s %-10s %7zu %9ld %7ld %7.1f%%\n", _("total"), "", "", "",
                   samen_study_nschools(s), tc, tr, pct(tc, (long)samen_study_nschools(s)));
            printf("  %s", _("per situation:"));
            for (int sit = 0; sit < SAMEN_SITUATION_COUNT; sit++) {
                long n = 0;
                for (size_t i = 0; i < nr; i++)
                    if (samen_study_region(s, i)->situation == sit)
                        n += c.complete[i];
                printf(" %s %ld%s", samen_vocab_code(SAMEN_ATTR_SITUATION, sit), n,
                       sit + 1 < SAMEN_SITUATION_COUNT ? "," : "\n");
            }
        }
        cJSON_AddItemToArray(waves, wo);
    }
    if (json) {
        char *text = cJSON_PrintUnformatted(root);
        if (text == NULL) {
            rc = 1;
            goto out;
        }
        puts(text);
        free(text);
    }
    rc = 0;
out:
    cJSON_Delete(root);
    free(schools);
    free(c.complete);
    free(c.refused);
    samen_store_close(st);
    samen_study_destroy(s);
    samen_diag_destroy(d);
    return rc;
}
