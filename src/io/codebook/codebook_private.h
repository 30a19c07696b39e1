/* codebook_private.h - the texts of a codebook entry, shared by the
 * codebook renderers (io/codebook/codebook_write.c) and the codebook sheet
 * of the Excel export (io/xlsx/xlsx_write.c), so both describe a variable
 * in the same words.
 *
 * Every function appends to a capped buffer (util/buf.h) and returns its
 * status (SAMEN_ETOOBIG or SAMEN_ENOMEM when the append fails). en selects
 * English labels (falling back to Dutch) and wording.
 */
#ifndef SAMEN_IO_CODEBOOK_PRIVATE_H
#define SAMEN_IO_CODEBOOK_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/instrument.h"
#include "samen/status.h"
#include "util/buf.h"

/* The label of an answer option or variable in the chosen language. */
const char *codebook_pick(const char *nl, const char *en, bool english);

/* The valid answers of variable var: "1 = Ja; 2 = Nee", "1..5 (1 = ...,
 * 5 = ...)", "0..50, whole numbers", "text, at most 500 characters". */
samen_status codebook_values(const samen_instrument *inst, size_t var, bool en, buf *out);

/* The non-substantive (user-missing) codes of var: "9 = Geen zicht op";
 * nothing when it has none. */
samen_status codebook_missing(const samen_instrument *inst, size_t var, bool en, buf *out);

/* The routing condition of question q: its section's and its own
 * condition joined with "and" (each in parentheses when it holds "or");
 * nothing when the question is asked of everyone. */
samen_status codebook_routing(const samen_instrument *inst, size_t q, buf *out);

/* True when question q is asked only after consent was given. */
bool codebook_after_consent(const samen_instrument *inst, size_t q);

/* The measurement level of a question type: "nominal", "ordinal" or
 * "scale" (Dutch: "nominaal", "ordinaal", "schaal"). */
const char *codebook_measure(samen_qtype t, bool en);

#endif
