/* fuzz_sav.c - libFuzzer target for the SPSS reader (io/sav/sav_read.c):
 * sav_read_buffer over arbitrary bytes, as a .sav/.zsav when they start
 * with $FL2/$FL3 and as a .por otherwise (the reader decides). Every cell
 * handed to the sink is touched, so ASan sees a cell that is not a
 * NUL-terminated string inside its buffer.
 *   scripts/fuzz.sh SECONDS    builds and runs it (seeds: tests/fixtures/sav)
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "io/sav/sav_private.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static samen_status columns(void *ctx, size_t n, const sav_column *cols)
{
    size_t *total = ctx;
    for (size_t i = 0; i < n; i++)
        *total += strlen(cols[i].name) + cols[i].is_string;
    return SAMEN_OK;
}

static samen_status row(void *ctx, long case_number, size_t n, char *const *cells)
{
    size_t *total = ctx;
    *total += (size_t)case_number;
    for (size_t i = 0; i < n; i++)
        *total += strlen(cells[i]);
    return SAMEN_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t total = 0;
    sav_sink sink = {columns, row, &total};
    samen_diag *d = samen_diag_create(8);
    sav_read_buffer((const char *)data, size, "fuzz.sav", &sink, d);
    samen_diag_destroy(d);
    return 0;
}
