/* cli_migrate.c - samen migrate: copies a study's data from one database to
 * another (SQLite to PostgreSQL and back) with samen_store_copy(), which
 * works in one transaction on the target and then compares the two
 * databases table by table. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "samen/i18n.h"


static const char usage[] =
    "usage: samen migrate [--study DIR] [--from URL] --to URL\n\n"
    "Copies every table of a study's database (waves, regions, schools,\n"
    "responses with their ids and timestamps, answers) into another database\n"
    "in one transaction, then compares the two table by table (row counts and\n"
    "a canonical dump of every row). The target must be empty. URLs:\n"
    "  sqlite:PATH                         an SQLite file (made when missing)\n"
    "  postgresql://USER@HOST:PORT/DB      a PostgreSQL database (a libpq URI;\n"
    "  postgresql:///DB?host=/DIR&port=N   postgres:// works too)\n"
    "--from defaults to the study's own database, DIR/samen.db (DIR: --study,\n"
    "else the current directory).\n";

/* The file of an SQLite URL ("sqlite:PATH" or a plain path), or NULL. */
static const char *sqlite_path(const char *url)
{
    if (strncmp(url, "sqlite:", 7) == 0)
        return url + 7;
    return strstr(url, "://") == NULL ? url : NULL;
}

int cli_migrate(int argc, char **argv)
{
    const char *dir = NULL, *from = NULL, *to = NULL;
    const cli_opt opts[] = {
        {"study", &dir, NULL}, {"from", &from, NULL}, {"to", &to, NULL}, {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 0, &npos, usage);
    if (rc >= 0)
        return rc;
    if (to == NULL || *to == '\0')
        return cli_usage_error(
            "migrate", "%s",
            _("--to needs the URL of the database to copy into (sqlite:PATH or postgresql://...)"));
    samen_diag *d = samen_diag_create(100);
    if (d == NULL)
        return 1;
    samen_study *s = NULL;
    samen_store *src = NULL, *dst = NULL;
    char from_url[4200];
    /* The study names the default source and must be one when given. */
    if (dir != NULL || from == NULL) {
        samen_status st = samen_study_load(dir ? dir : ".", &s, d);
        if (st != SAMEN_OK) {
            rc = cli_fail(st, d);
            goto out;
        }
    }
    if (from != NULL)
        snprintf(from_url, sizeof from_url, "%s", from);
    else
        samen_store_default_url(dir ? dir : ".", from_url, sizeof from_url);
    if (strcmp(from_url, to) == 0) {
        rc = cli_usage_error("migrate", "%s", _("--from and --to name the same database"));
        goto out;
    }
    /* Opening an SQLite file makes it; a source must be there already. */
    const char *path = sqlite_path(from_url);
    struct stat sb;
    if (path != NULL && stat(path, &sb) != 0) {
        rc = cli_usage_error("migrate", _("there is no database at '%s'"), path);
        goto out;
    }
    samen_status st = samen_store_open(from_url, &src, d);
    if (st == SAMEN_OK)
        st = samen_store_open(to, &dst, d);
    if (st != SAMEN_OK) {
        rc = cli_fail(st, d);
        goto out;
    }
    samen_store_counts k;
    st = samen_store_copy(src, dst, &k, d);
    if (st != SAMEN_OK) {
        rc = cli_fail(st, d);
        samen_store_counts left;
        if (samen_store_get_counts(dst, &left) == SAMEN_OK && st != SAMEN_EEXIST &&
            left.waves + left.regions + left.schools + left.responses + left.answers == 0)
            fprintf(stderr, "%s\n", _("nothing was copied"));
        goto out;
    }
    printf(_("copied %ld wave(s), %ld region(s), %ld school(s), %ld response(s) and %ld "
             "answer(s)\n"),
           k.waves, k.regions, k.schools, k.responses, k.answers);
    printf("%s\n", _("verified: both databases hold the same rows in every table"));
    rc = 0;
out:
    samen_store_close(src);
    samen_store_close(dst);
    samen_study_destroy(s);
    samen_diag_destroy(d);
    return rc;
}
