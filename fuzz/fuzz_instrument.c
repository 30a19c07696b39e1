/* fuzz_instrument.c - libFuzzer target for the instrument parser and
 * validator (samen_instrument_load_buffer): YAML with positions, routing
 * conditions, answer sets, scales. Any input must give either an
 * instrument or a list of problems, never a crash or a leak. */
#include <stddef.h>
#include <stdint.h>

#include "samen/instrument.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    samen_diag *d = samen_diag_create(20);
    samen_instrument *inst = NULL;
    if (samen_instrument_load_buffer((const char *)data, size, "fuzz.yaml", &inst, d) ==
        SAMEN_OK) {
        /* Exercise the queries a loaded instrument answers. */
        for (size_t v = 0; v < samen_instrument_nvars(inst); v++) {
            double x;
            char why[128];
            samen_instrument_check_value(inst, v, "1", &x, why, sizeof why);
        }
        samen_instrument_destroy(inst);
    }
    samen_diag_destroy(d);
    return 0;
}
