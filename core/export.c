/* SPDX-License-Identifier: MIT */
/*
** export.c: a model's award criteria for a contract notice. One criterion
** per top-level criterion (and the price when it gives no points): OCDS
** award criteria extension JSON, or an eForms UBL fragment (BT-539, BT-734,
** BT-540, and either BT-541 weights with BT-5421 or the BT-543 formula in
** words). The eForms SDK rules on weights are checked before writing.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "export.h"
#include "json.h"
#include "sandbox.h"
#include "text.h"

#define DESC_MAX 1200
#define FORMULA_MAX 6000

typedef struct xitem {
    const char *name;       /* BT-734 */
    const char *type;       /* BT-539: "price", "cost" or "quality" */
    char desc[DESC_MAX];    /* BT-540 */
    char *number;           /* BT-541 WeightNumber as written, or NULL */
    const char *code;       /* BT-5421 code of the number */
} xitem;

typedef struct xplan {
    xitem *v;
    int n;
    char formula[FORMULA_MAX];  /* BT-543, or "" */
    const char *lang3;          /* eForms languageID */
} xplan;

static int is_en(const model *m)
{
    return m->lang && strcmp(m->lang, "en") == 0;
}

/* The words (sv or en) of a library method, or "". */
static void words(const model *m, int ref, char *buf, size_t size)
{
    model_method_text(m, ref, "words", is_en(m) ? "en" : "sv", buf, size);
}

static const char *price_type(const model *m)
{
    return m->price.method_name && strcmp(m->price.method_name, "lcc") == 0 ? "cost" : "price";
}

/* A number as a notice writes it: exact when it terminates, else 4 decimals. */
static char *number_text(const mpq_t x)
{
    return dec_is_terminating(x) ? dec_format_exact(x) : dec_format_fixed(x, 4);
}

/* The highest score criterion k can give (before any weight of its own). */
static void crit_max(const model *m, int k, mpq_t out)
{
    const model_criterion *c = &m->criteria[k];
    int j;
    mpq_set_ui(out, 0, 1);
    if (c->has_max) { mpq_set(out, c->max); return; }
    if (c->kind != CRIT_GROUP) return;
    for (j = 0; j < m->ncriteria; j++) {
        mpq_t s;
        if (m->criteria[j].parent != k) continue;
        mpq_init(s);
        crit_max(m, j, s);
        if (m->criteria[j].has_weight) mpq_mul(s, s, m->criteria[j].weight);
        mpq_add(out, out, s);
        mpq_clear(s);
    }
}

static void plan_free(xplan *p)
{
    int i;
    for (i = 0; i < p->n; i++) free(p->v[i].number);
    free(p->v);
    p->v = NULL;
    p->n = 0;
}

/* The description of criterion k: its text, then what it computes. */
static void describe(const model *m, int k, char *buf, size_t size)
{
    const model_criterion *c = &m->criteria[k];
    char w[700];
    int en = is_en(m), j;
    buf[0] = '\0';
    if (c->text && strcmp(c->text, c->id) != 0) text_append(buf, size, NULL, c->text);
    if (c->kind == CRIT_PRICE) {
        words(m, c->method_ref, w, sizeof w);
        text_append(buf, size, "; ", w);
    } else if (c->kind == CRIT_ADDED_VALUE) {
        char t[800];
        words(m, c->method_ref, w, sizeof w);
        if (!w[0] && c->method_name) snprintf(w, sizeof w, "%s", c->method_name);
        snprintf(t, sizeof t, "%s %s", c->surcharge ? (en ? "surcharge on the price:" : "påslag på priset:")
                                                    : (en ? "deduction from the price:" : "avdrag från priset:"), w);
        text_append(buf, size, "; ", t);
    } else if (c->kind == CRIT_GROUP) {
        char t[DESC_MAX];
        t[0] = '\0';
        for (j = 0; j < m->ncriteria; j++) {
            const model_criterion *s = &m->criteria[j];
            char one[400];
            if (s->parent != k) continue;
            if (s->has_weight) {
                char *x = number_text(s->weight);
                snprintf(one, sizeof one, "%s (%s %s)", s->id, en ? "weight" : "vikt", x ? x : "?");
                free(x);
            } else snprintf(one, sizeof one, "%s", s->id);
            text_append(t, sizeof t, ", ", one);
        }
        if (t[0]) {
            char u[DESC_MAX + 40];
            snprintf(u, sizeof u, "%s %s", en ? "sub-criteria:" : "delkriterier:", t);
            text_append(buf, size, "; ", u);
        }
    }
    if (c->kind != CRIT_ADDED_VALUE && c->kind != CRIT_PRICE) {
        mpq_t mx;
        mpq_init(mx);
        crit_max(m, k, mx);
        if (mpq_sgn(mx) > 0) {
            char *x = number_text(mx);
            char t[100];
            snprintf(t, sizeof t, "%s %s", en ? "max" : "högst", x ? x : "?");
            text_append(buf, size, "; ", t);
            free(x);
        }
        mpq_clear(mx);
    }
    if (!buf[0]) text_append(buf, size, NULL, c->text ? c->text : c->id);
}

static anbud_status plan_build(const model *m, xplan *p, anbud_error *err)
{
    enum { NUM_NONE, NUM_WEIGHT, NUM_POINTS } mode;
    int i, ntop = 0, nweighted = 0, en = is_en(m);
    memset(p, 0, sizeof *p);
    p->lang3 = en ? "ENG" : "SWE";
    p->v = calloc((size_t)m->ncriteria + 1, sizeof *p->v);
    if (!p->v) return error_set(err, ANBUD_EUSAGE, NULL, 0, 0, "out of memory");
    for (i = 0; i < m->ncriteria; i++) {
        if (m->criteria[i].parent >= 0) continue;
        ntop++;
        if (m->criteria[i].has_weight) nweighted++;
    }
    if (m->basis == BASIS_POINTS && ntop > 0 && nweighted == ntop) mode = NUM_WEIGHT;
    else if (m->basis == BASIS_POINTS && nweighted == 0) mode = NUM_POINTS;
    else mode = NUM_NONE;   /* comparison price, ratio: no per-criterion numbers */

    if (m->price.criterion < 0) {
        /* the price gives no points: the base of a comparison price or ratio, or fixed */
        xitem *it = &p->v[p->n++];
        char w[700];
        it->name = m->price.id;
        it->type = price_type(m);
        if (m->price.text && strcmp(m->price.text, m->price.id) != 0) text_append(it->desc, sizeof it->desc, NULL, m->price.text);
        words(m, m->price.method_ref, w, sizeof w);
        text_append(it->desc, sizeof it->desc, "; ", w);
        if (!it->desc[0]) text_append(it->desc, sizeof it->desc, NULL, m->price.id);
        if (mode != NUM_NONE) {   /* a fixed price in a points model: no weight, no points */
            it->number = strdup("0");
            it->code = mode == NUM_WEIGHT ? "dec-exa" : "poi-exa";
            if (!it->number) { plan_free(p); return error_set(err, ANBUD_EUSAGE, NULL, 0, 0, "out of memory"); }
        }
    }
    for (i = 0; i < m->ncriteria; i++) {
        const model_criterion *c = &m->criteria[i];
        xitem *it;
        if (c->parent >= 0) continue;
        it = &p->v[p->n++];
        it->name = c->id;
        it->type = c->kind == CRIT_PRICE ? price_type(m) : "quality";
        describe(m, i, it->desc, sizeof it->desc);
        if (mode == NUM_WEIGHT) {
            it->number = number_text(c->weight);
            it->code = "dec-exa";
        } else if (mode == NUM_POINTS) {
            mpq_t mx;
            mpq_init(mx);
            crit_max(m, i, mx);
            it->number = number_text(mx);
            it->code = "poi-exa";
            mpq_clear(mx);
        }
        if (mode != NUM_NONE && !it->number) { plan_free(p); return error_set(err, ANBUD_EUSAGE, NULL, 0, 0, "out of memory"); }
    }
    if (mode == NUM_NONE) {
        char w[700];
        const char *head = m->basis == BASIS_COMPARISON_PRICE
                               ? (en ? "The lowest comparison price wins. Comparison price = " : "Lägst jämförelsepris vinner. Jämförelsepris = ")
                           : m->basis == BASIS_RATIO && m->lower_wins   /* relative_value_cost */
                               ? (en ? "The lowest value wins. Value = " : "Lägst värde vinner. Värde = ")
                           : m->basis == BASIS_RATIO
                               ? (en ? "The highest ratio wins. Ratio = " : "Högst kvot vinner. Kvot = ")
                               : (en ? "The highest total wins. Total = " : "Högst total vinner. Total = ");
        words(m, m->total_ref, w, sizeof w);
        if (!w[0]) snprintf(w, sizeof w, "%s", m->total_name ? m->total_name : model_basis_name(m->basis));
        text_append(p->formula, sizeof p->formula, NULL, head);
        text_append(p->formula, sizeof p->formula, NULL, w);
        text_append(p->formula, sizeof p->formula, NULL, ".");
        for (i = 0; i < p->n; i++) {
            char t[DESC_MAX + 300];
            snprintf(t, sizeof t, "%s: %s", p->v[i].name, p->v[i].desc);
            text_append(p->formula, sizeof p->formula, i ? "; " : " ", t);
        }
    }
    return ANBUD_OK;
}

/* The eForms SDK rules on award criteria numbers (research notes §5.4). */
static anbud_status plan_check(const model *m, const xplan *p, anbud_error *err)
{
    static const struct { const char *code; const char *target; const char *tol; } sums[] = {
        { "per-exa", "100", "1" }, { "dec-exa", "1", "1/100" },
    };
    int i, k, nnum = 0, nord = 0;
    for (i = 0; i < p->n; i++) {
        if (!p->v[i].number) continue;
        nnum++;
        if (strcmp(p->v[i].code, "ord-imp") == 0) nord++;
    }
    if (nnum && p->formula[0])
        return error_set(err, ANBUD_EMODEL, m->name, 0, 0,
                         "eForms rule: BT-543 (weighting formula) is forbidden when any BT-541 number is present");
    if (!nnum && !p->formula[0])
        return error_set(err, ANBUD_EMODEL, m->name, 0, 0,
                         "eForms rule: BT-543 (weighting formula) is required when no BT-541 number is present");
    if (nord && nord != nnum)
        return error_set(err, ANBUD_EMODEL, m->name, 0, 0,
                         "eForms rule: BT-5421 ord-imp (order of importance) cannot be mixed with other weight types");
    for (k = 0; k < (int)(sizeof sums / sizeof sums[0]); k++) {
        mpq_t sum, x, target, tol, d;
        int n = 0, bad = 0;
        mpq_inits(sum, x, target, tol, d, NULL);
        for (i = 0; i < p->n && !bad; i++) {
            if (!p->v[i].number || strcmp(p->v[i].code, sums[k].code) != 0) continue;
            if (dec_parse_plain(x, p->v[i].number) != 0) bad = 1;
            else { mpq_add(sum, sum, x); n++; }
        }
        if (n && !bad) {
            dec_parse_plain(target, sums[k].target);
            dec_parse_plain(tol, sums[k].tol);
            mpq_set_si(x, n, 1);
            mpq_mul(tol, tol, x);
            mpq_sub(d, sum, target);
            mpq_abs(d, d);
            if (mpq_cmp(d, tol) > 0) bad = 2;
        }
        if (bad) {
            char *s = dec_format_exact(sum);
            anbud_status st = bad == 1
                ? error_set(err, ANBUD_EMODEL, m->name, 0, 0, "eForms rule: a BT-541 %s weight is not a number", sums[k].code)
                : error_set(err, ANBUD_EMODEL, m->name, 0, 0,
                            "eForms rule: BT-5421 %s weights must add up to %s within %s x %d, not %s",
                            sums[k].code, sums[k].target, sums[k].tol, n, s ? s : "?");
            free(s);
            mpq_clears(sum, x, target, tol, d, NULL);
            return st;
        }
        mpq_clears(sum, x, target, tol, d, NULL);
    }
    return ANBUD_OK;
}

static anbud_status finish(FILE *f, const model *m, anbud_error *err)
{
    if (fflush(f) != 0 || ferror(f))
        return error_set(err, ANBUD_EUSAGE, m->name, 0, 0, "cannot write the export");
    return ANBUD_OK;
}

/* {=========== OCDS ============ */

static const char *ocds_weight(const char *code)
{
    if (strcmp(code, "dec-exa") == 0) return "decimalExact";
    if (strcmp(code, "per-exa") == 0) return "percentageExact";
    if (strcmp(code, "poi-exa") == 0) return "pointsExact";
    return "order";
}

anbud_status export_write_ocds(FILE *f, const model *m, anbud_error *err)
{
    xplan p;
    anbud_status st = plan_build(m, &p, err);
    int i;
    if (st) return st;
    if ((st = plan_check(m, &p, err))) { plan_free(&p); return st; }
    fputs("{\n  \"awardCriteria\": {\n", f);
    if (p.formula[0]) {
        fputs("    \"weightingDescription\": ", f);
        json_write_string(f, p.formula);
        fputs(",\n", f);
    }
    fputs("    \"criteria\": [", f);
    for (i = 0; i < p.n; i++) {
        const xitem *it = &p.v[i];
        fputs(i ? ",\n      {\n" : "\n      {\n", f);
        fputs("        \"type\": ", f); json_write_string(f, it->type);
        fputs(",\n        \"name\": ", f); json_write_string(f, it->name);
        fputs(",\n        \"description\": ", f); json_write_string(f, it->desc);
        if (it->number)
            fprintf(f, ",\n        \"numbers\": [ { \"number\": %s, \"weight\": \"%s\" } ]",
                    it->number, ocds_weight(it->code));
        fputs("\n      }", f);
    }
    fputs(p.n ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n", f);
    plan_free(&p);
    return finish(f, m, err);
}

/* }====================================== */

/* {=========== eForms ============ */

static void xml_text(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default:
            if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t') fputc(' ', f);
            else fputc(*s, f);
        }
    }
}

anbud_status export_write_eforms(FILE *f, const model *m, anbud_error *err)
{
    xplan p;
    anbud_status st = plan_build(m, &p, err);
    int i;
    if (st) return st;
    if ((st = plan_check(m, &p, err))) { plan_free(&p); return st; }
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
    fprintf(f, "<!-- award criteria of the model with SHA-256 %s, written by anbud -->\n", m->sha256);
    fputs("<cac:AwardingTerms"
          " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"\n"
          "    xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\"\n"
          "    xmlns:ext=\"urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2\"\n"
          "    xmlns:efext=\"http://data.europa.eu/p27/eforms-ubl-extensions/1\"\n"
          "    xmlns:efac=\"http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1\"\n"
          "    xmlns:efbc=\"http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1\">\n", f);
    fputs("  <cac:AwardingCriterion>\n", f);
    if (p.formula[0]) {
        fprintf(f, "    <!-- BT-543 -->\n    <cbc:CalculationExpression languageID=\"%s\">", p.lang3);
        xml_text(f, p.formula);
        fputs("</cbc:CalculationExpression>\n", f);
    }
    for (i = 0; i < p.n; i++) {
        const xitem *it = &p.v[i];
        fputs("    <cac:SubordinateAwardingCriterion>\n", f);
        if (it->number) {
            fputs("      <ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><efext:EformsExtension>\n"
                  "        <efac:AwardCriterionParameter>\n", f);
            fprintf(f, "          <efbc:ParameterCode listName=\"number-weight\">%s</efbc:ParameterCode>"
                       "<!-- BT-5421 -->\n", it->code);
            fprintf(f, "          <efbc:ParameterNumeric>%s</efbc:ParameterNumeric><!-- BT-541 -->\n", it->number);
            fputs("        </efac:AwardCriterionParameter>\n"
                  "      </efext:EformsExtension></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>\n", f);
        }
        fprintf(f, "      <cbc:AwardingCriterionTypeCode listName=\"award-criterion-type\">%s"
                   "</cbc:AwardingCriterionTypeCode><!-- BT-539 -->\n", it->type);
        fprintf(f, "      <cbc:Name languageID=\"%s\">", p.lang3);
        xml_text(f, it->name);
        fputs("</cbc:Name><!-- BT-734 -->\n", f);
        fprintf(f, "      <cbc:Description languageID=\"%s\">", p.lang3);
        xml_text(f, it->desc);
        fputs("</cbc:Description><!-- BT-540 -->\n", f);
        fputs("    </cac:SubordinateAwardingCriterion>\n", f);
    }
    fputs("  </cac:AwardingCriterion>\n</cac:AwardingTerms>\n", f);
    plan_free(&p);
    return finish(f, m, err);
}

/* }====================================== */
