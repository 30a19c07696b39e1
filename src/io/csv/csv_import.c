/* csv_import.c - importing a wave's responses from CSV
 * (samen/interchange.h): the CSV front end of io/response_import.h.
 *
 * Rules:
 *  1. The file is read by csvr (',' ';' or tab, UTF-8 with or without BOM,
 *     or CP1252), capped at SAMEN_IMPORT_MAX_BYTES.
 *  2. The first record is the header; every later record is one school.
 *     Every check and the all-or-nothing write are the response
 *     importer's (io/response_import.c); problems are located as
 *     file:line:column.
 *  3. A header with problems stops the reading: its columns are unknown.
 */
#include <stdbool.h>
#include <string.h>

#include "io/response_import.h"
#include "samen/interchange.h"
#include "util/csvr.h"

typedef struct csv_front {
    rimport *im;
    bool header_done;
} csv_front;

static samen_status read_record(void *ctx, long line, size_t n, char **f)
{
    csv_front *cf = ctx;
    if (!cf->header_done) {
        cf->header_done = true;
        return rimport_columns(cf->im, line, n, f); /* rule 3 */
    }
    return rimport_row(cf->im, line, n, f);
}

samen_status samen_import_csv(const samen_study *s, samen_store *st, int wave, const char *path,
                              const char *name, samen_import_result *result, samen_diag *d)
{
    samen_import_result local;
    if (result == NULL)
        result = &local;
    memset(result, 0, sizeof *result);
    csv_front cf = {NULL, false};
    samen_status rc = rimport_create(s, st, wave, name, RIMPORT_WHERE_LINE, d, &cf.im);
    if (rc != SAMEN_OK)
        return rc;
    csvr_info info;
    memset(&info, 0, sizeof info);
    rc = csvr_read_file(path, name, SAMEN_IMPORT_MAX_BYTES, read_record, &cf, &info, d);
    result->delimiter = info.delimiter;
    result->was_cp1252 = info.was_cp1252 != 0;
    if (rc == SAMEN_OK)
        rc = rimport_finish(cf.im, result);
    rimport_destroy(cf.im);
    return rc;
}
