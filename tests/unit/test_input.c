/* SPDX-License-Identifier: MIT */
/*
** test_input.c: input_read against a model built by hand: file kinds in
** any order, values bound to fields, scores and answers, and each error's
** place and wording. Fixtures are written to a temporary folder.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "input.h"
#include "regex.h"

static int passed, failed;
static char dir[64];
static model M;
static anbud_inputs IN;
static anbud_error E;

#define CHECK(c) check((c), #c, __LINE__)
static void check(int ok, const char *what, int line)
{
    if (ok) passed++;
    else {
        failed++;
        fprintf(stderr, "test_input.c:%d: failed: %s\n", line, what);
    }
}

/* {=========== the model ============ */
#define S(x) ((char *)(x))   /* the model owns its strings */
static char *s_answers_days[] = { S("Alla dagar"), S("Vardagar") };
static char *s_answers_yn[] = { S("ja"), S("nej") };
static model_field s_fields[] = {
    { S("Pris"), S("Pris per år"), FIELD_NUMBER, NULL, NULL, 0, NULL, 0, 1, 0, 3, NULL, 0 },
    { S("Organisationsnummer"), NULL, FIELD_TEXT, S("^[0-9]{6}-[0-9]{4}$"),
      S("organisationsnummer"), 1, NULL, 0, 0, 1, 4, NULL, 0 },
    { S("Leveransdagar"), NULL, FIELD_ANSWER, NULL, NULL, 0, s_answers_days, 2,
      0, 0, 5, NULL, 0 },
    { S("Livsmedel"), NULL, FIELD_ANSWER, NULL, NULL, 0, s_answers_yn, 2, 0, 0, 6, NULL, 0 },
    { S("Kommentar"), NULL, FIELD_TEXT, NULL, NULL, 0, NULL, 0, 0, 0, 7, NULL, 0 },
    { S("Antal"), NULL, FIELD_NUMBER, NULL, NULL, 0, NULL, 0, 0, 0, 8, NULL, 0 },
    { S("Epost"), NULL, FIELD_TEXT, S("^[^@ ]+@[^@ ]+$"), NULL, 0, NULL, 0, 0, 0, 9, NULL, 0 },
    { S("Personnummer"), NULL, FIELD_TEXT, NULL, NULL, 1, NULL, 0, 0, 1, 10, NULL, 0 },
};
static char *s_betyg[] = { S("Ej godtagbart"), S("Godtagbart"), S("Utm\xC3\xA4rkt") };
static char *s_merv[] = { S("Inget"), S("N\xC3\xA5got"), S("Bra"), S("H\xC3\xB6gt") };
static mpq_t s_betyg_v[3], s_merv_v[4];
static model_scale s_scales[2];
static model_criterion s_crit[7];
static model_requirement s_reqs[] = {
    { S("Livsmedel"), S("Registrerad livsmedelsanläggning"), 3, 0, 20, NULL, 0 },
    { S("F-skatt"), S("Godkänd för F-skatt"), -1, 1, 21, NULL, 0 },
};

static void crit(int i, const char *id, model_crit_kind kind, int parent,
                 int max, int scale, int field)
{
    model_criterion *k = &s_crit[i];
    memset(k, 0, sizeof *k);
    k->id = S(id);
    k->kind = kind;
    k->parent = parent;
    mpq_init(k->weight);
    mpq_init(k->max);
    mpq_init(k->min);
    k->has_max = max >= 0;
    if (max >= 0) mpq_set_ui(k->max, (unsigned long)max, 1);
    k->scale = scale;
    k->field = field;
    k->line = 10 + i;
}

static void model_build(void)
{
    int i;
    memset(&M, 0, sizeof M);
    M.name = S("model.lua");
    M.fields = s_fields;
    M.nfields = (int)(sizeof s_fields / sizeof s_fields[0]);
    for (i = 0; i < 3; i++) mpq_init(s_betyg_v[i]);
    mpq_set_ui(s_betyg_v[1], 3, 1);
    mpq_set_ui(s_betyg_v[2], 5, 1);
    for (i = 0; i < 4; i++) {
        mpq_init(s_merv_v[i]);
        mpq_set_ui(s_merv_v[i], (unsigned long)i, 1);
    }
    s_scales[0].id = S("Betyg");
    s_scales[0].nlevels = 3;
    s_scales[0].labels = s_betyg;
    s_scales[0].values = s_betyg_v;
    s_scales[1].id = S("Merv\xC3\xA4rde");
    s_scales[1].nlevels = 4;
    s_scales[1].labels = s_merv;
    s_scales[1].values = s_merv_v;
    M.scales = s_scales;
    M.nscales = 2;
    crit(0, "Pris", CRIT_PRICE, -1, 60, -1, -1);
    crit(1, "Kvalitet", CRIT_GROUP, -1, -1, -1, -1);
    crit(2, "Metod", CRIT_QUALITY, 1, 5, -1, -1);
    crit(3, "Rutiner", CRIT_QUALITY, 1, 5, 0, -1);
    crit(4, "Samvaro", CRIT_ADDED_VALUE, -1, -1, 1, -1);
    crit(5, "Erfarenhet", CRIT_QUALITY, -1, -1, -1, -1);
    crit(6, "Leveranstid", CRIT_QUALITY, -1, 10, -1, 5);
    M.criteria = s_crit;
    M.ncriteria = 7;
    M.reqs = s_reqs;
    M.nreqs = 2;
}

static void model_clear(void)
{
    int i;
    for (i = 0; i < 3; i++) mpq_clear(s_betyg_v[i]);
    for (i = 0; i < 4; i++) mpq_clear(s_merv_v[i]);
    for (i = 0; i < 7; i++) {
        mpq_clear(s_crit[i].weight);
        mpq_clear(s_crit[i].max);
        mpq_clear(s_crit[i].min);
    }
}
/* }================================= */

/* {=========== fixtures ============ */
static char last_path[8][128];

static const char *fx(const char *name, const char *text)
{
    static int slot;
    char *p = last_path[slot++ % 8];
    FILE *f;
    snprintf(p, 128, "%s/%s", dir, name);
    f = fopen(p, "wb");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        perror(p);
        exit(2);
    }
    return p;
}

static const char *at(const char *name)
{
    static char p[8][128];
    static int slot;
    char *s = p[slot++ % 8];
    snprintf(s, 128, "%s/%s", dir, name);
    return s;
}

/* input_read on the named files of dir, up to END. */
#define END ((const char *)NULL)
static anbud_status run(const char *first, ...)
{
    char *paths[80];
    int n = 0;
    const char *name;
    va_list ap;
    input_free(&IN);
    memset(&E, 0, sizeof E);
    va_start(ap, first);
    for (name = first; name && n < 80; name = va_arg(ap, const char *))
        paths[n++] = S(at(name));
    va_end(ap);
    return input_read(&IN, &M, paths, n, &E);
}

/* An input error in file:line:col whose message holds want (and want2). */
static int err_is(anbud_status st, const char *file, long line, long col,
                  const char *want, const char *want2)
{
    int ok = st == ANBUD_EINPUT && E.line == line && E.col == col
             && strcmp(E.file, file ? at(file) : "") == 0
             && strstr(E.msg, want) != NULL
             && (!want2 || strstr(E.msg, want2) != NULL)
             && IN.files == NULL && IN.bids == NULL && IN.nbids == 0
             && IN.scores == NULL && IN.answers == NULL;
    if (!ok || getenv("TEST_VERBOSE"))
        fprintf(stderr, "  %s %d %s:%ld:%ld: %s\n", ok ? "ok" : "got",
                (int)st, E.file, E.line, E.col, E.msg);
    return ok;
}

static const char *BIDS =
    "anbud;anbudsgivare;Pris;Organisationsnummer;Leveransdagar;Livsmedel\r\n"
    "A;Alfa AB;1 234,50 kr;556036-0793;alla dagar;Ja\r\n"
    "B;Beta AB + Gamma AB;999;556036-0793 + 212000-0142;Vardagar;nej\r\n";

static int numeq(const mpq_t x, long p, unsigned long qd)
{
    mpq_t y;
    int eq;
    mpq_init(y);
    mpq_set_si(y, p, qd);
    mpq_canonicalize(y);
    eq = mpq_equal(x, y);
    mpq_clear(y);
    return eq;
}
/* }================================= */

static void test_all_kinds(void)
{
    const input_bid *a, *b;
    const input_score *s;
    fx("bids.csv", BIDS);
    fx("scores.csv",
       "bed\xC3\xB6mare;anbud;kriterium;betyg;motivering\n"
       "Anna;A;Metod;4;Bra metod\n"
       "Anna;a;rutiner;Godtagbart;\n"
       "Bo;B;Rutiner;5;\n"
       "Anna;B;Rutiner;3;\n"
       "Konsensus;A;Samvaro;bra;Enig\n"
       "Bo;A;Erfarenhet;17,5;\n");
    fx("krav.csv", "bid,requirement,met,reason\nA,F-skatt,yes,\n"
       "B,f-skatt,Ej uppfyllt,Saknas\n");
    CHECK(run("scores.csv", "krav.csv", "bids.csv", END) == ANBUD_OK);
    if (IN.nfiles != 3) {
        fprintf(stderr, "  got %s:%ld:%ld: %s\n", E.file, E.line, E.col, E.msg);
        failed++;
        return;
    }
    /* sorted by file name, whatever the order of the arguments */
    CHECK(strcmp(IN.files[0].kind, "bids") == 0);
    CHECK(strcmp(IN.files[1].kind, "requirements") == 0);
    CHECK(strcmp(IN.files[2].kind, "scores") == 0);
    CHECK(strcmp(IN.files[0].path, at("bids.csv")) == 0);
    CHECK(strcmp(IN.files[0].name, "bids.csv") == 0 && strcmp(IN.files[1].name, "krav.csv") == 0);
    CHECK(strlen(IN.files[0].sha256) == 64);
    CHECK(IN.nbids == 2);
    if (IN.nbids != 2) return;
    a = &IN.bids[0];
    b = &IN.bids[1];
    CHECK(strcmp(a->id, "A") == 0 && strcmp(a->bidder, "Alfa AB") == 0);
    CHECK(a->norgs == 1 && strcmp(a->orgs[0], "Alfa AB") == 0);
    CHECK(b->norgs == 2 && strcmp(b->orgs[1], "Gamma AB") == 0);
    CHECK(a->at.file == IN.files[0].path && a->at.line == 2 && b->at.line == 3);
    CHECK(a->nfields == M.nfields);
    CHECK(a->fields[0].present && a->fields[0].has_num);
    CHECK(numeq(a->fields[0].num, 2469, 2));
    CHECK(strcmp(a->fields[0].text, "1 234,50 kr") == 0);
    CHECK(a->fields[0].at.line == 2 && a->fields[0].at.col == 3);
    CHECK(a->fields[0].answer == -1);
    CHECK(a->fields[2].answer == 0 && b->fields[2].answer == 1);
    CHECK(a->fields[3].answer == 0 && b->fields[3].answer == 1);
    CHECK(strcmp(b->fields[1].text, "556036-0793 + 212000-0142") == 0);
    CHECK(!a->fields[4].present && a->fields[4].text == NULL);
    CHECK(!a->fields[5].has_num);

    CHECK(IN.nscores == 6);
    if (IN.nscores != 6) return;
    s = IN.scores;
    CHECK(s[0].bid == 0 && s[0].criterion == 2 && s[0].level == -1);
    CHECK(numeq(s[0].value, 4, 1) && strcmp(s[0].evaluator, "Anna") == 0);
    CHECK(strcmp(s[0].justification, "Bra metod") == 0 && !s[0].consensus);
    CHECK(s[0].at.file == IN.files[2].path && s[0].at.line == 2 && s[0].at.col == 4);
    CHECK(s[1].bid == 0 && s[1].criterion == 3 && s[1].level == 1);
    CHECK(numeq(s[1].value, 3, 1) && s[1].justification == NULL);
    CHECK(s[2].level == 2 && numeq(s[2].value, 5, 1));
    CHECK(s[3].level == 1 && numeq(s[3].value, 3, 1));
    CHECK(s[4].consensus && s[4].evaluator == NULL && s[4].level == 2);
    CHECK(numeq(s[4].value, 2, 1) && strcmp(s[4].justification, "Enig") == 0);
    CHECK(s[5].level == -1 && numeq(s[5].value, 35, 2));

    CHECK(IN.nanswers == 2);
    if (IN.nanswers != 2) return;
    CHECK(IN.answers[0].bid == 0 && IN.answers[0].requirement == 1);
    CHECK(IN.answers[0].met == 1 && IN.answers[0].reason == NULL);
    CHECK(IN.answers[1].met == 0 && strcmp(IN.answers[1].reason, "Saknas") == 0);
    CHECK(IN.answers[1].at.line == 3 && IN.answers[1].at.col == 3);
}

static void test_bids_variants(void)
{
    /* comma file, English names, Latin-1 aliases, several bids files */
    fx("b1.csv", "bid,bidder,PRIS,Antal,Epost\nA,Alfa,\"1,234.50\",-3,a@b.se\n");
    fx("b2.csv", "\xEF\xBB\xBF" "Anbud;Leverant\xC3\xB6r;Pris;Organisationsnummer;"
       "Personnummer\nC;Ceta;12 000 SEK;556036-0793;19811218-9876\n");
    fx("b3.csv", "bid\tbidder\tPris\nD\tDelta\t7\n");
    CHECK(run("b1.csv", "b2.csv", "b3.csv", END) == ANBUD_OK);
    CHECK(IN.nbids == 3);
    if (IN.nbids != 3) {
        fprintf(stderr, "  got %s:%ld:%ld: %s\n", E.file, E.line, E.col, E.msg);
        return;
    }
    CHECK(numeq(IN.bids[0].fields[0].num, 2469, 2));
    CHECK(numeq(IN.bids[0].fields[5].num, -3, 1));
    CHECK(IN.bids[0].fields[6].present);
    CHECK(numeq(IN.bids[1].fields[0].num, 12000, 1));
    CHECK(strcmp(IN.bids[1].fields[7].text, "19811218-9876") == 0);
    CHECK(strcmp(IN.bids[2].id, "D") == 0 && numeq(IN.bids[2].fields[0].num, 7, 1));
    /* a requirements file may be empty of rows; scores may be absent */
    fx("k.csv", "anbud;krav;uppfyllt;motivering\n");
    CHECK(run("k.csv", "b3.csv", END) == ANBUD_OK && IN.nanswers == 0);
}

static void test_bids_errors(void)
{
    const char *H = "bid;bidder;Pris;Organisationsnummer;Leveransdagar\n";
    char buf[512];
    fx("x.csv", "bid;bidder;Prs\nA;X;1\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 1, 3, "unknown column \"Prs\"",
                 "\"Pris\", \"Organisationsnummer\""));
    fx("x.csv", "bid;bidder;Antal\nA;X;1\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 1, 0, "missing column \"Pris\"",
                 "model.lua:3"));
    fx("x.csv", "bid;bidder;Pris\nA;X;\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 2, 3, "empty cell in column \"Pris\"", NULL));
    fx("x.csv", "bid;bidder;Pris\nA;X;100\nB;Y;1.234\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 3, 3,
                 "\"1.234\" in column \"Pris\": ambiguous", NULL));
    fx("x.csv", "bid;bidder;Pris\nA;X;1 23\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 2, 3, "\"1 23\" in column \"Pris\"", NULL));
    fx("x.csv", "bid;bidder;Pris\nA;X;100 EUR\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 2, 3, "\"100 EUR\" in column \"Pris\"", NULL));
    fx("x.csv", "bid;bidder;Pris\nA;X;tusen\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 2, 3, "\"tusen\" in column \"Pris\"", NULL));

    snprintf(buf, sizeof buf, "%sA;X;1;5560360793;Vardagar\n", H);
    fx("x.csv", buf);
    CHECK(err_is(run("x.csv", END), "x.csv", 2, 4,
                 "\"5560360793\" in column \"Organisationsnummer\": expected "
                 "organisationsnummer (pattern", NULL));
    snprintf(buf, sizeof buf, "%sA;X;1;556036-0794;Vardagar\n", H);
    fx("x.csv", buf);
    CHECK(err_is(run("x.csv", END), "x.csv", 2, 4, "check digit is wrong "
                 "(expected 3", "organisationsnummer"));
    snprintf(buf, sizeof buf, "%sA;X;1;556036-0793 + 212000-0143;Vardagar\n", H);
    fx("x.csv", buf);
    CHECK(err_is(run("x.csv", END), "x.csv", 2, 4,
                 "\"212000-0143\" (part 2 of 2)", "expected 2"));
    snprintf(buf, sizeof buf, "%sA;X;1;;Ibland\n", H);
    fx("x.csv", buf);
    CHECK(err_is(run("x.csv", END), "x.csv", 2, 5, "\"Ibland\" in column "
                 "\"Leveransdagar\": expected one of \"Alla dagar\", \"Vardagar\"", NULL));
    fx("x.csv", "bid;bidder;Pris;Personnummer\nA;X;1;811218-9877\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 2, 4, "check digit is wrong "
                 "(expected 6", "not a valid organisationsnummer or personnummer"));
    fx("x.csv", "bid;bidder;Pris;Personnummer\nA;X;1;811218 9876\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 2, 4, "of 10 digits", NULL));
    fx("x.csv", "bid;bidder;Pris;Epost\nA;X;1;nope\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 2, 4, "expected text matching "
                 "the pattern", NULL));

    fx("x.csv", "bid;bidder;Pris\nA;X;1\n\"a\";Y;2\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 3, 1, "duplicate bid id \"a\"; "
                 "the first is at", ":2"));
    /* the same bid in two files: one bid when they agree (the procurer's
       form and an evaluator's copy), else an error at the cell naming both */
    fx("x.csv", "bid;bidder;Pris\nA;X;1\n");
    fx("y.csv", "bid;bidder;Pris\n\nB;X;1\nA;Y;2\n");
    CHECK(err_is(run("x.csv", "y.csv", END), "y.csv", 4, 2,
                 "bid \"A\" is from \"Y\" here but from X at", at("x.csv")));
    fx("y.csv", "bid;bidder;Pris\n\nB;X;1\nA;X;2\n");
    CHECK(err_is(run("x.csv", "y.csv", END), "y.csv", 4, 3,
                 "bid \"A\" has \"2\" in column \"Pris\" here but \"1\" at", ":2; a bid read from two"));
    fx("y.csv", "bid;bidder;Pris\n\nB;X;1\nA;X;1,00 kr\n");
    CHECK(run("x.csv", "y.csv", END) == ANBUD_OK && IN.nbids == 2 &&
          strcmp(IN.bids[0].id, "A") == 0 && strcmp(IN.bids[1].id, "B") == 0);
    fx("y.csv", "bid;bidder;Pris\nA;X;1\nA;X;1\n");
    CHECK(err_is(run("y.csv", END), "y.csv", 3, 1, "duplicate bid id \"A\"", ":2"));
    fx("x.csv", "bid;bidder;Pris\n\"  \";X;1\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 2, 1, "empty bid id", NULL));
    fx("x.csv", "bid;bidder;Pris\nA;;1\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 2, 2, "empty bidder", NULL));
    fx("x.csv", "bid;bidder;Pris\nA;X +  + Y;1\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 2, 2, "empty organisation", NULL));
    fx("x.csv", "bid;bidder;Pris\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 1, 1, "no bids", NULL));
    fx("x.csv", "bid;anbud;bidder;Pris\nA;B;X;1\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 1, 2, "columns 1 and 2 both "
                 "give the bid", NULL));
    fx("x.csv", "anbudsgivare;Pris\nX;1\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 1, 0, "needs a bid (anbud) "
                 "column", NULL));
    fx("x.csv", "namn;pris\nX;1\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 1, 0, "cannot tell what the "
                 "file holds from its header \"namn;pris\"", "bid;bidder"));
    fx("x.csv", "bid;bidder;Pris\nA;X;1\nB;Y\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 3, 3, "row has 2 cells", NULL));
}

static void test_scores_errors(void)
{
    const char *S = "evaluator;bid;criterion;score;justification\n";
    char buf[512];
    fx("bids.csv", BIDS);
#define SC(row, line, col, want, want2)                                      \
    do {                                                                     \
        snprintf(buf, sizeof buf, "%s%s", S, row);                           \
        fx("s.csv", buf);                                                    \
        CHECK(err_is(run("s.csv", "bids.csv", END), "s.csv", line, col,     \
                     want, want2));                                          \
    } while (0)
    SC("Anna;D;Metod;3;\n", 2, 2, "unknown bid \"D\"", "\"A\", \"B\"");
    SC("Anna;A;Metodik;3;\n", 2, 3, "unknown criterion \"Metodik\"",
       "\"Metod\", \"Rutiner\", \"Samvaro\", \"Erfarenhet\"");
    SC("Anna;A;Pris;3;\n", 2, 3, "\"Pris\" is given by the price formula", NULL);
    SC("Anna;A;kvalitet;3;\n", 2, 3, "is a group", "\"Metod\", \"Rutiner\"");
    SC("Anna;A;Leveranstid;3;\n", 2, 3, "computed from the bids column", "Antal");
    SC("Anna;A;Metod;6;\n", 2, 4, "score \"6\" for criterion \"Metod\": outside "
       "the range; expected a number from 0 to 5", NULL);
    SC("Anna;A;Metod;-1;\n", 2, 4, "expected a number from 0 to 5", NULL);
    SC("Anna;A;Metod;bra;\n", 2, 4, "score \"bra\" for criterion \"Metod\": not "
       "a number", NULL);
    SC("Anna;A;Erfarenhet;-1;\n", 2, 4, "negative; expected a number of at "
       "least 0", NULL);
    SC("Anna;A;Rutiner;Bra;\n", 2, 4, "\"Bra\" is not a level of the scale "
       "\"Betyg\" of criterion \"Rutiner\"", "\"Ej godtagbart\" (0), "
       "\"Godtagbart\" (3)");
    SC("Anna;A;Rutiner;4;\n", 2, 4, "not a level", NULL);
    SC("Anna;A;Rutiner;;\n", 2, 4, "empty score", NULL);
    SC(";A;Rutiner;3;\n", 2, 1, "empty evaluator", NULL);
    SC("Anna;A;Metod;3;\nBo;A;Metod;3;\n\nANNA;a;metod;4;\n", 5, 1,
       "duplicate score by \"ANNA\" for bid \"A\" on criterion \"Metod\"",
       "s.csv:2");
    SC("konsensus;A;Samvaro;Bra;x\nConsensus;A;Samvaro;0;\n", 3, 1,
       "duplicate consensus score", NULL);
#undef SC
    fx("s.csv", "evaluator;bid;score\nAnna;A;3\n");
    CHECK(err_is(run("s.csv", "bids.csv", END), "s.csv", 1, 0,
                 "a scores file needs a criterion (kriterium) column",
                 "evaluator;bid;score"));
    fx("s.csv", "evaluator;bid;criterion;score;extra\n");
    CHECK(err_is(run("s.csv", "bids.csv", END), "s.csv", 1, 5,
                 "unknown column \"extra\" in a scores file", NULL));
    fx("s.csv", "evaluator;bid;criterion;score\nAnna;A;Metod\n");
    CHECK(err_is(run("s.csv", "bids.csv", END), "s.csv", 2, 4,
                 "row has 3 cells", NULL));
    fx("s.csv", "evaluator;bid;criterion;score\nAnna;A;Metod;3\n");
    CHECK(err_is(run("s.csv", END), NULL, 0, 0, "no bids file", NULL));
}

static void test_requirements_errors(void)
{
    fx("bids.csv", BIDS);
    fx("k.csv", "bid;requirement;met\nA;Miljö;ja\n");
    CHECK(err_is(run("k.csv", "bids.csv", END), "k.csv", 2, 2,
                 "unknown requirement \"Miljö\"", "\"Livsmedel\", \"F-skatt\""));
    fx("k.csv", "bid;krav;Uppfyllt\nA;F-skatt;kanske\n");
    CHECK(err_is(run("k.csv", "bids.csv", END), "k.csv", 2, 3,
                 "\"kanske\" in column \"Uppfyllt\": expected ja or nej", NULL));
    fx("k.csv", "bid;krav;met\nA;F-skatt;1\nB;F-skatt;0\na;f-skatt;Ja\n");
    CHECK(err_is(run("k.csv", "bids.csv", END), "k.csv", 4, 2,
                 "duplicate answer for bid \"A\" on requirement \"F-skatt\"",
                 "k.csv:2"));
    fx("k.csv", "bid;krav;met\nX;F-skatt;1\n");
    CHECK(err_is(run("bids.csv", "k.csv", END), "k.csv", 2, 1,
                 "unknown bid \"X\"", NULL));
}

static void test_files(void)
{
    char *many[INPUT_MAX_FILES + 1];
    int i;
    fx("bids.csv", BIDS);
    input_free(&IN);
    CHECK(run("bids.csv", "nosuch.csv", END) == ANBUD_EUSAGE);
    CHECK(strstr(E.msg, "No such file") && strcmp(E.file, at("nosuch.csv")) == 0);
    CHECK(IN.files == NULL && IN.bids == NULL);
    for (i = 0; i <= INPUT_MAX_FILES; i++)
        many[i] = S(at("bids.csv"));
    CHECK(input_read(&IN, &M, many, INPUT_MAX_FILES + 1, &E) == ANBUD_EUSAGE);
    CHECK(strstr(E.msg, "too many input files") != NULL);
    CHECK(run("bids.csv", "bids.csv", END) == ANBUD_EUSAGE);
    CHECK(strstr(E.msg, "given twice") && IN.files == NULL);
    /* the header's line when the error has no cell */
    fx("x.csv", "sep=;\n\nbid;bidder;Antal\nA;X;1\n");
    CHECK(err_is(run("x.csv", END), "x.csv", 3, 0, "missing column \"Pris\"", NULL));
    /* a CSV error in a later file frees the bids already read */
    fx("bad.csv", "bid;bidder;Pris\nC;\"X;1\n");
    CHECK(err_is(run("bids.csv", "bad.csv", END), "bad.csv", 2, 2,
                 "unterminated", NULL));
}

int main(void)
{
    char cmd[128];
    snprintf(dir, sizeof dir, "%s", "/tmp/anbud-test-input-XXXXXX");
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 2; }
    model_build();
    test_all_kinds();
    test_bids_variants();
    test_bids_errors();
    test_scores_errors();
    test_requirements_errors();
    test_files();
    input_free(&IN);
    model_clear();
    regex_cleanup();
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "cannot remove %s\n", dir);
    (void)last_path;
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
