/* test_report.c - the report's SVG charts (src/report/svg_chart.c):
 * escaping, number format, value labels and the chart-type table. */
#include <math.h>
#include <stdbool.h>

#include "report/svg_chart.h"
#include "test.h"

TEST(report_svg_escapes_and_labels)
{
    const char *cats[] = {"<b>&\"x\"</b>", "Tweede"};
    const char *series[] = {"Wel", "Niet", "Weet niet"};
    const double values[] = {12.5, 80, 7.5, 40, NAN, 60};
    const int prec[] = {1, 1, 1, 1, 1, 1};
    const bool small[] = {false, false, false, true, false, false};
    svg_chart_data d = {"Titel <x>", "Beschrijving & meer", "nl", "Percentage", "%", 2, cats, 3,
                        series, values, prec, small, 0};
    for (int k = 0; k < SVG_CHART_KIND_COUNT; k++) {
        buf b;
        buf_init(&b, 1u << 20);
        ASSERT_EQ(svg_chart_render((svg_chart_kind)k, &d, "c-1", &b), SAMEN_OK);
        const char *s = buf_str(&b);
        ASSERT_CONTAINS(s, "<title>Titel &lt;x&gt;</title>");
        ASSERT_CONTAINS(s, "<desc>Beschrijving &amp; meer</desc>");
        ASSERT_CONTAINS(s, "&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;");
        ASSERT_TRUE(strstr(s, "<b>") == NULL);
        ASSERT_CONTAINS(s, "data-value=\"12.5\"");
        ASSERT_CONTAINS(s, "80,0%");
        ASSERT_CONTAINS(s, "40,0%*");
        ASSERT_TRUE(strstr(s, "data-value=\"nan\"") == NULL);
        buf_free(&b);
    }
    buf b;
    buf_init(&b, 1u << 20);
    ASSERT_EQ(svg_chart_render(SVG_CHART_STACKED, &d, "bad\"id", &b), SAMEN_EINVAL);
    ASSERT_EQ(svg_chart_render(SVG_CHART_KIND_COUNT, &d, "c", &b), SAMEN_EINVAL);
    buf_free(&b);
    ASSERT_EQ(svg_chart_kind_find("diverging"), SVG_CHART_DIVERGING);
    ASSERT_EQ(svg_chart_kind_find("pie"), -1);
}

TEST(report_svg_format)
{
    char s[32];
    svg_chart_format(s, sizeof s, 3.456, 2, "nl");
    ASSERT_STR_EQ(s, "3,46");
    svg_chart_format(s, sizeof s, 3.456, 1, "en");
    ASSERT_STR_EQ(s, "3.5");
    svg_chart_format(s, sizeof s, -0.01, 1, "en");
    ASSERT_STR_EQ(s, "0.0");
    svg_chart_format(s, sizeof s, NAN, 1, "en");
    ASSERT_STR_EQ(s, "");
}
