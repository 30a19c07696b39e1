/* fuzz_csvr.c - libFuzzer target for the CSV reader (util/csvr.c):
 * csvr_read_buffer over arbitrary bytes (encoding detection, CP1252
 * conversion, delimiter detection, quoting, line numbers, field caps).
 *   scripts/fuzz.sh SECONDS    builds and runs it (seeds: tests/fixtures/duo)
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/csvr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static samen_status record(void *ctx, long line, size_t n, char **fields)
{
    size_t *total = ctx;
    if (line < 1 || n == 0)
        __builtin_trap(); /* every record starts on a line and has a field */
    for (size_t i = 0; i < n; i++)
        *total += strlen(fields[i]);
    return SAMEN_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t total = 0;
    samen_diag *d = samen_diag_create(8);
    csvr_info info;
    csvr_read_buffer((const char *)data, size, "fuzz.csv", record, &total, &info, d);
    samen_diag_destroy(d);
    return 0;
}
