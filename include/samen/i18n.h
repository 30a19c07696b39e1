/* samen/i18n.h - the language of what users and respondents read.
 *
 * Messages are written in English in the code and translated with gettext
 * (catalogues in po/, compiled into LOCALEDIR/<lang>/LC_MESSAGES/samen.mo).
 * Dutch is the default; English is available. The language is chosen by
 * samen_i18n_set(), else the SAMEN_LANG environment variable, else "nl".
 */
#ifndef SAMEN_I18N_H
#define SAMEN_I18N_H

#include <libintl.h>

#define SAMEN_TEXT_DOMAIN "samen"

/* Translates a message in the current language. */
#define _(msgid) dgettext(SAMEN_TEXT_DOMAIN, msgid)
/* Marks a message for translation without translating it here. */
#define N_(msgid) (msgid)

/* Sets the language: "nl" or "en" (NULL: SAMEN_LANG, else "nl"). Returns
 * the language in force. Safe to call more than once. */
const char *samen_i18n_set(const char *lang);

/* The language in force ("nl" or "en"). */
const char *samen_i18n_lang(void);

#endif
