/* i18n.c - choosing the language of messages (samen/i18n.h).
 *
 * gettext ignores LANGUAGE under the "C" locale, so when the environment
 * gives no locale, messages are looked up under C.UTF-8 (always present on
 * Debian) with LANGUAGE set to the chosen language. The catalogues are
 * found in SAMEN_LOCALEDIR (environment) or the build's locale directory.
 */
#include "samen/i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#ifndef SAMEN_LOCALEDIR
#define SAMEN_LOCALEDIR "/usr/share/locale"
#endif

static char current[3] = "nl";

const char *samen_i18n_set(const char *lang)
{
    if (lang == NULL)
        lang = getenv("SAMEN_LANG");
    if (lang == NULL || strcmp(lang, "en") != 0)
        lang = "nl";
    current[0] = lang[0];
    current[1] = lang[1];
    current[2] = '\0';
    setlocale(LC_ALL, "");
    const char *messages = setlocale(LC_MESSAGES, NULL);
    if (messages == NULL || strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0)
        setlocale(LC_MESSAGES, "C.UTF-8");
    /* Numbers stay in the C convention ("0.5") in every language: files and
     * JSON depend on it. */
    setlocale(LC_NUMERIC, "C");
    setenv("LANGUAGE", current, 1);
    const char *dir = getenv("SAMEN_LOCALEDIR");
    bindtextdomain(SAMEN_TEXT_DOMAIN, dir != NULL ? dir : SAMEN_LOCALEDIR);
    bind_textdomain_codeset(SAMEN_TEXT_DOMAIN, "UTF-8");
    return current;
}

const char *samen_i18n_lang(void)
{
    return current;
}
