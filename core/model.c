/* SPDX-License-Identifier: MIT */
/*
** model.c: loading a model. Runs the standard library (scripts/) and the
** model file in a fresh sandbox, then reads the recorded declarations into
** the model struct, checking every value and naming the model line of any
** mistake. The lookups by id live in model_lookup.c, the analysis that
** `anbud check` prints in check.c.
*/
#include <errno.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <lauxlib.h>
#include "model.h"
#include "text.h"
#include "sandbox.h"
#include "lnum.h"
#include "scripts.h"
#include "xalloc.h"
#include "sha256.h"
#include "fileio.h"
#include "regex.h"
#include "xlform.h"

#define MODEL_MAX_BYTES (1024L * 1024)
#define MODEL_MAX_DECLS 2000
#define MODEL_MAX_LEVELS 100
#define MODEL_MAX_DEPTH 8       /* a criterion and its sub-criteria, levels deep */
/* Bytes of the model's texts (README "Limits"), checked when the model is
   read, so that a model that loads always writes (Excel holds at most
   32 767 characters in a cell). */
#define MODEL_MAX_NAME 200      /* ids, names, scale labels, answers */
#define MODEL_MAX_TITLE 500
#define MODEL_MAX_TEXT 4000     /* texts, descriptors, a method's words */
#define MODEL_MAX_LINE 10000    /* a line of the model file */

/* {=========== small helpers ============ */

/* The line in the model file of the declaration being made: the innermost
   stack level whose source is the model chunk. */
static int l_anbud_line(lua_State *L)
{
    lua_Debug ar;
    int level;
    const char *want = lua_tostring(L, lua_upvalueindex(1));
    for (level = 1; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.source && want &&
            strcmp(ar.source, want) == 0) {
            lua_pushinteger(L, ar.currentline);
            return 1;
        }
    }
    lua_pushinteger(L, 0);
    return 1;
}

/* Whether method() was called by its name from a chunk of the library
   (scripts/): level 1 is method itself, level 2 its caller. A tail call or
   a metamethod hides who called, so neither counts. */
static int l_from_library(lua_State *L)
{
    lua_Debug ar;
    int yes = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "nt", &ar) && !ar.istailcall &&
        ar.namewhat && strcmp(ar.namewhat, "global") == 0 && ar.name && strcmp(ar.name, "method") == 0 &&
        lua_getstack(L, 2, &ar) && lua_getinfo(L, "S", &ar) && ar.source &&
        strncmp(ar.source, "@scripts/", 9) == 0)
        yes = 1;
    lua_pushboolean(L, yes);
    return 1;
}

/* After the library has loaded: keep declare.lua's check of where a method
   came from in the registry, where the model cannot reach or replace it. */
static anbud_status seal_library(sandbox *sb, anbud_error *err)
{
    lua_getglobal(sb->L, "__anbud_seal");
    if (sandbox_call(sb, 0, 1, err)) return ANBUD_EMODEL;
    lua_setfield(sb->L, LUA_REGISTRYINDEX, "anbud.library");
    return ANBUD_OK;
}

/* Read a file whole, with a size limit. */
static anbud_status read_file(const char *path, char **out, size_t *len,
                              anbud_error *err)
{
    /* a regular file only: a FIFO or a device could block or never end */
    int fd = fileio_open_input(path, "a model file (.lua)", err);
    FILE *f = fd < 0 ? NULL : fdopen(fd, "rb");
    char *buf;
    size_t n;
    if (fd < 0) return err ? err->status : ANBUD_EUSAGE;
    if (!f) {
        close(fd);
        return error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot open: %s", strerror(errno));
    }
    buf = xalloc_zeroed(MODEL_MAX_BYTES + 1, 1);
    n = fread(buf, 1, MODEL_MAX_BYTES + 1, f);
    if (ferror(f)) {
        fclose(f); free(buf);
        return error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot read: %s", strerror(errno));
    }
    fclose(f);
    if (n > (size_t)MODEL_MAX_BYTES) {
        free(buf);
        return error_set(err, ANBUD_EMODEL, path, 0, 0, "model is larger than %ld bytes", MODEL_MAX_BYTES);
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return ANBUD_OK;
}

/* }====================================== */

/* {=========== reading declarations ============ */

typedef struct reader {
    model *m;
    lua_State *L;
    anbud_error *err;
    long line;              /* of the declaration being read */
    const char *what;       /* "criterion \"Pris\"" for messages */
    int depth;              /* of the criterion being read: 1 at top level */
} reader;

static anbud_status bad(reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static anbud_status bad(reader *r, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return error_set(r->err, ANBUD_EMODEL, r->m->name, r->line, 0, "%s: %s", r->what, msg);
}

/* The reader keeps each level's tables on the Lua stack while it reads the
   level below, and a C function may only use LUA_MINSTACK slots beyond what
   it was given: past that, liblua writes outside its stack without a word
   (Debian's is built without LUA_USE_APICHECK). Every recursion step makes
   room for what one level pushes. */
static anbud_status room(reader *r)
{
    if (!lua_checkstack(r->L, LUA_MINSTACK)) return bad(r, "the model is nested too deeply to read");
    return ANBUD_OK;
}

/* Every key of the table at idx must be one of allowed (NULL-terminated):
   a misspelt "wieght" must not be ignored. Reports the first unknown key in
   byte order, so the message does not depend on Lua's table order. */
static anbud_status check_keys(reader *r, int idx, const char *const *allowed)
{
    char first[128] = "";
    int found = 0;
    idx = lua_absindex(r->L, idx);
    lua_pushnil(r->L);
    while (lua_next(r->L, idx)) {
        lua_pop(r->L, 1);
        if (lua_type(r->L, -1) == LUA_TSTRING) {
            const char *k = lua_tostring(r->L, -1);
            const char *const *a;
            int ok = 0;
            for (a = allowed; *a; a++) if (strcmp(*a, k) == 0) ok = 1;
            if (!ok && (!found || strcmp(k, first) < 0)) {
                snprintf(first, sizeof first, "%s", k);
                found = 1;
            }
        } else if (lua_type(r->L, -1) != LUA_TNUMBER) {
            lua_pop(r->L, 1);
            return bad(r, "unexpected %s key", luaL_typename(r->L, -1));
        }
    }
    if (found) {
        char list[400] = "";
        const char *const *a;
        for (a = allowed; *a; a++) {
            if (strlen(list) + strlen(*a) + 3 >= sizeof list) break;
            strcat(list, list[0] ? ", " : "");
            strcat(list, *a);
        }
        return bad(r, "unknown field \"%s\" (known: %s)", first, list);
    }
    return ANBUD_OK;
}

/* A text of the model that the audit workbook and the input form show:
   what XML 1.0 cannot hold (control characters but tab and line breaks,
   U+FFFE, U+FFFF, bytes that are not UTF-8) is refused at its declaration,
   not written into a workbook no spreadsheet program opens. name says
   which text ("\"title\"", "the name"). */
static anbud_status xml_text(reader *r, const char *name, const char *s, size_t n)
{
    char what[64];
    long cp;
    unsigned long at;
    if (!s || (at = text_xml_bad(s, n, &cp)) == n) return ANBUD_OK;
    return bad(r, "%s holds %s, which a workbook (XML) cannot hold; remove it", name,
               text_xml_what(what, sizeof what, cp, (unsigned char)s[at]));
}

/* Whether the string at idx is at most limit bytes; else a model error
   saying which text (what) is too long. */
static anbud_status fits(reader *r, int idx, size_t limit, const char *what)
{
    size_t n;
    lua_tolstring(r->L, idx, &n);
    if (n > limit) return bad(r, "%s is longer than %zu bytes", what, limit);
    return ANBUD_OK;
}

/* A string field; *out NULL if absent and not required. */
static anbud_status get_string(reader *r, int idx, const char *key, int required, char **out)
{
    int t = lua_getfield(r->L, idx, key);
    *out = NULL;
    if (t == LUA_TNIL) {
        lua_pop(r->L, 1);
        return required ? bad(r, "\"%s\" is required", key) : ANBUD_OK;
    }
    if (t != LUA_TSTRING) {
        lua_pop(r->L, 1);
        return bad(r, "\"%s\" must be text, not %s", key, lua_typename(r->L, t));
    }
    {
        char name[80];
        size_t n, limit = strcmp(key, "title") == 0 ? MODEL_MAX_TITLE
                        : strcmp(key, "text") == 0 || strcmp(key, "description") == 0 ||
                          strcmp(key, "pattern_text") == 0 ? MODEL_MAX_TEXT
                        : strcmp(key, "pattern") == 0 ? (size_t)MODEL_MAX_BYTES   /* regex.c has its own */
                        : MODEL_MAX_NAME;
        const char *v = lua_tolstring(r->L, -1, &n);
        if (n > limit) {
            lua_pop(r->L, 1);
            return bad(r, "\"%s\" is longer than %zu bytes", key, limit);
        }
        snprintf(name, sizeof name, "\"%s\"", key);
        if (xml_text(r, name, v, n)) { lua_pop(r->L, 1); return ANBUD_EMODEL; }
    }
    *out = xalloc_strdup(lua_tostring(r->L, -1));
    lua_pop(r->L, 1);
    return ANBUD_OK;
}

/* A name of one line (get_string's limit of MODEL_MAX_NAME bytes): a
   heading of the documents, so neither empty nor broken over lines. */
static anbud_status get_line(reader *r, int idx, const char *key, char **out)
{
    const char *p;
    if (get_string(r, idx, key, 0, out)) return ANBUD_EMODEL;
    if (!*out) return ANBUD_OK;
    for (p = *out; *p == ' '; p++) {}
    if (!*p) return bad(r, "\"%s\" must not be empty", key);
    for (p = *out; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return bad(r, "\"%s\" must be one line, without tabs or line breaks", key);
    return ANBUD_OK;
}

/* Text that ends in '%': a percentage ("70 %"), not a number ("200/3"). */
static int is_percent_text(lua_State *L, int idx)
{
    size_t n;
    const char *s = lua_type(L, idx) == LUA_TSTRING ? lua_tolstring(L, idx, &n) : NULL;
    return s && n > 0 && s[n - 1] == '%';
}

/* The value at idx as an exact number: a number, a num, or text written
   exactly ("200/3", "0.35"); with allow_percent, text "20 %" is 0.20.
   Returns 0 if it is not a number. */
static int to_number(lua_State *L, int idx, mpq_t out, int allow_percent)
{
    if (lua_type(L, idx) == LUA_TSTRING && !is_percent_text(L, idx))
        return lnum_parse_text(out, lua_tostring(L, idx)) == 0;
    if (lua_type(L, idx) == LUA_TSTRING && allow_percent && lnum_parse_text(out, lua_tostring(L, idx)) == 0)
        return 1;   /* "20 %", "100/3 %" */
    if (lua_type(L, idx) == LUA_TSTRING && allow_percent) {   /* "12,5 %" */
        const char *s = lua_tostring(L, idx);
        size_t n = strlen(s);
        char buf[64];
        dec_syntax syn = { '.', 0, 0 };
        if (n < 2 || n >= sizeof buf || s[n - 1] != '%') return 0;
        memcpy(buf, s, n - 1);
        buf[n - 1] = '\0';
        while (n > 1 && buf[n - 2] == ' ') buf[--n - 1] = '\0';
        if (dec_parse(out, buf, strlen(buf), &syn, NULL, 0) != 0) {
            syn.decimal = ',';
            if (dec_parse(out, buf, strlen(buf), &syn, NULL, 0) != 0) return 0;
        }
        {
            mpq_t hundred;
            mpq_init(hundred);
            mpq_set_ui(hundred, 100, 1);
            mpq_div(out, out, hundred);
            mpq_clear(hundred);
        }
        return 1;
    }
    if (lua_type(L, idx) == LUA_TNUMBER || lnum_test(L, idx)) {
        int approx = 0;
        const char *why = NULL;
        return lnum_get(L, idx, out, &approx, &why);
    }
    return 0;
}

static anbud_status get_number(reader *r, int idx, const char *key, int allow_percent,
                               int *has, mpq_t out)
{
    int t = lua_getfield(r->L, idx, key);
    *has = 0;
    if (t == LUA_TNIL) { lua_pop(r->L, 1); return ANBUD_OK; }
    if (!to_number(r->L, -1, out, allow_percent)) {
        lua_pop(r->L, 1);
        return bad(r, "\"%s\" must be a number (such as 0.35 or \"200/3\")%s", key, allow_percent ? " or a percentage like \"20 %\"" : "");
    }
    lua_pop(r->L, 1);
    *has = 1;
    return ANBUD_OK;
}

static anbud_status get_bool(reader *r, int idx, const char *key, int *out)
{
    int t = lua_getfield(r->L, idx, key);
    *out = 0;
    if (t == LUA_TNIL) { lua_pop(r->L, 1); return ANBUD_OK; }
    if (t != LUA_TBOOLEAN) { lua_pop(r->L, 1); return bad(r, "\"%s\" must be true or false", key); }
    *out = lua_toboolean(r->L, -1);
    lua_pop(r->L, 1);
    return ANBUD_OK;
}

static int raw_field(lua_State *L, int idx, const char *key);

/* Where the method on top came from: "library" (made by the library, as
   made), "changed" (made by the library, changed by the model since), "own"
   (the model's), "taken" (the model's, under a name of the library). The
   check lives in declare.lua, out of the model's reach (see seal_library). */
static anbud_status method_origin(reader *r, char *out, size_t size)
{
    lua_State *L = r->L;
    lua_getfield(L, LUA_REGISTRYINDEX, "anbud.library");
    lua_pushvalue(L, -2);
    if (sandbox_call(r->m->sb, 1, 1, r->err)) {
        r->err->line = r->line;
        snprintf(r->err->file, sizeof r->err->file, "%s", r->m->name);
        return ANBUD_EMODEL;
    }
    snprintf(out, size, "%s", lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "own");
    lua_pop(L, 1);
    return ANBUD_OK;
}

/* The method at the top of the stack (a method table, a plain Lua function
   wrapped as a custom method of `kind`, or for added values a list of SEK
   per level): stores a registry ref and the method's name, and its Excel
   form, checked, in *excel (if not NULL). Pops it. */
static anbud_status take_method(reader *r, const char *key, const char *kind,
                                int *ref, char **name, char **excel)
{
    lua_State *L = r->L;
    char origin[16];
    if (lua_type(L, -1) == LUA_TFUNCTION) {
        lua_createtable(L, 0, 4);
        lua_pushstring(L, "custom");
        lua_setfield(L, -2, "name");
        lua_pushstring(L, kind);
        lua_setfield(L, -2, "kind");
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, "relative");   /* unknown: assume it may look at other bids */
        lua_pushvalue(L, -2);
        lua_setfield(L, -2, "fn");
        lua_remove(L, -2);
    } else if (lua_type(L, -1) == LUA_TTABLE && strcmp(kind, "added_value") == 0) {
        int is_method = lua_getfield(L, -1, "is_method") != LUA_TNIL;
        lua_pop(L, 1);
        if (!is_method) {
            /* { 0, 40000, 80000 } is shorthand for sek_per_level{ ... } */
            lua_getglobal(L, "sek_per_level");
            lua_insert(L, -2);
            if (sandbox_call(r->m->sb, 1, 1, r->err) != ANBUD_OK) {
                r->err->line = r->line;
                snprintf(r->err->file, sizeof r->err->file, "%s", r->m->name);
                return ANBUD_EMODEL;
            }
        }
    }
    if (lua_type(L, -1) != LUA_TTABLE) {
        lua_pop(L, 1);
        return bad(r, "\"%s\" must be a formula from the library or a Lua function", key);
    }
    if (lua_getfield(L, -1, "kind") != LUA_TSTRING || strcmp(lua_tostring(L, -1), kind) != 0) {
        const char *got = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "not a method";
        char gotbuf[64];
        snprintf(gotbuf, sizeof gotbuf, "%s", got);
        lua_pop(L, 2);
        return bad(r, "\"%s\" needs a %s formula, but this one is %s", key, kind, gotbuf);
    }
    lua_pop(L, 1);
    if (lua_getfield(L, -1, "name") != LUA_TSTRING) {
        lua_pop(L, 2);
        return bad(r, "\"%s\": a method needs a name", key);
    }
    if (fits(r, -1, MODEL_MAX_NAME, "the method's name")) { lua_pop(L, 2); return ANBUD_EMODEL; }
    {   /* its words, as the workbook and check show them */
        int t = raw_field(L, -2, "words"), ok = 1;
        if (t == LUA_TSTRING) ok = !fits(r, -1, MODEL_MAX_TEXT, "the method's description (words)");
        else if (t == LUA_TTABLE) {
            if (raw_field(L, -1, "sv") == LUA_TSTRING) ok = !fits(r, -1, MODEL_MAX_TEXT, "the method's description (words)");
            lua_pop(L, 1);
            if (ok && raw_field(L, -1, "en") == LUA_TSTRING) ok = !fits(r, -1, MODEL_MAX_TEXT, "the method's description (words)");
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        if (!ok) { lua_pop(L, 2); return ANBUD_EMODEL; }
    }
    *name = xalloc_strdup(lua_tostring(L, -1));
    lua_pop(L, 1);
    if (method_origin(r, origin, sizeof origin)) return ANBUD_EMODEL;
    if (strcmp(origin, "changed") == 0) {
        lua_pop(L, 1);
        return bad(r, "\"%s\": the library's method \"%s\" was changed by the model; a model's own method needs a name of its own", key, *name);
    }
    if (strcmp(origin, "taken") == 0) {
        lua_pop(L, 1);
        return bad(r, "\"%s\": the model's own method is named \"%s\", a name of the library; give it a name of its own", key, *name);
    }
    /* The Excel form is checked, and kept: the workbook writes this copy,
       whatever the model's functions do to the table later. */
    if (raw_field(L, -1, "excel") != LUA_TNIL) {
        char why[600];
        if (lua_type(L, -1) != LUA_TSTRING) {
            lua_pop(L, 2);
            return bad(r, "\"%s\": method \"%s\": excel must be text, an Excel formula with {placeholders}", key, *name);
        }
        if (xlform_check(lua_tostring(L, -1), why, sizeof why)) {
            lua_pop(L, 2);
            return bad(r, "\"%s\": method \"%s\": its Excel form %s", key, *name, why);
        }
        if (excel) *excel = xalloc_strdup(lua_tostring(L, -1));
    }
    lua_pop(L, 1);
    *ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return ANBUD_OK;
}

static int add_field(model *m, const char *id, const char *text, model_field_kind kind,
                     int required, long line)
{
    int i = model_find_field(m, id);
    model_field *f;
    if (i >= 0) return -1 - i;
    m->fields = realloc(m->fields, (size_t)(m->nfields + 1) * sizeof *m->fields);
    if (!m->fields) { fputs("anbud: out of memory\n", stderr); exit(2); }
    f = &m->fields[m->nfields];
    memset(f, 0, sizeof *f);
    f->id = xalloc_strdup(id);
    f->text = xalloc_strdup(text ? text : id);
    f->kind = kind;
    f->required = required;
    f->line = line;
    return m->nfields++;
}

static model_criterion *add_criterion(model *m)
{
    model_criterion *c;
    m->criteria = realloc(m->criteria, (size_t)(m->ncriteria + 1) * sizeof *m->criteria);
    if (!m->criteria) { fputs("anbud: out of memory\n", stderr); exit(2); }
    c = &m->criteria[m->ncriteria++];
    memset(c, 0, sizeof *c);
    mpq_init(c->weight);
    mpq_init(c->max);
    mpq_init(c->min);
    mpq_init(c->spread);
    c->parent = -1;
    c->scale = -1;
    c->field = -1;
    c->method_ref = LUA_NOREF;
    c->surcharge = 0;
    return c;
}

/* }====================================== */

/* {=========== each kind of declaration ============ */

static const char *const model_keys[] = { "id", "title", "basis", "total", "currency", "lang",
    "rounding", "tiebreak", "threshold", "abnormally_low", "description", "version", "award",
    "authority", "reference", "contract_value", NULL };

static anbud_status read_rounding(reader *r, int idx)
{
    static const char *const keys[] = { "panel", "score", "price", "money", "total", "mode", NULL };
    static const char *const steps[] = { "panel", "score", "price", "money", "total" };
    int *dest[5], given[5] = { 0, 0, 0, 0, 0 };
    dec_mode *modes[5];
    int i;
    model_rounding *rd = &r->m->rounding;
    dest[0] = &rd->panel; dest[1] = &rd->score; dest[2] = &rd->price; dest[3] = &rd->money; dest[4] = &rd->total;
    modes[0] = &rd->panel_mode; modes[1] = &rd->score_mode; modes[2] = &rd->price_mode;
    modes[3] = &rd->money_mode; modes[4] = &rd->total_mode;
    if (lua_getfield(r->L, idx, "rounding") == LUA_TNIL) { lua_pop(r->L, 1); return ANBUD_OK; }
    if (!lua_istable(r->L, -1)) { lua_pop(r->L, 1); return bad(r, "\"rounding\" must be a table"); }
    if (check_keys(r, -1, keys)) { lua_pop(r->L, 1); return ANBUD_EMODEL; }
    if (lua_getfield(r->L, -1, "mode") != LUA_TNIL) {
        int mode = lua_type(r->L, -1) == LUA_TSTRING ? dec_mode_parse(lua_tostring(r->L, -1)) : -1;
        if (mode < 0) {
            lua_pop(r->L, 2);
            return bad(r, "rounding.mode must be \"half_up\", \"half_even\" or \"truncate\"");
        }
        rd->mode = (dec_mode)mode;
    }
    lua_pop(r->L, 1);
    for (i = 0; i < 5; i++) {
        int t = lua_getfield(r->L, -1, steps[i]), isint = 0, mode = -1;
        lua_Integer v = 0;
        *modes[i] = rd->mode;
        if (t == LUA_TTABLE) {   /* { places, "mode" } */
            lua_rawgeti(r->L, -1, 1);
            v = lua_tointegerx(r->L, -1, &isint);
            lua_pop(r->L, 1);
            lua_rawgeti(r->L, -1, 2);
            mode = lua_type(r->L, -1) == LUA_TSTRING ? dec_mode_parse(lua_tostring(r->L, -1)) : -1;
            lua_pop(r->L, 1);
            if (mode < 0) isint = 0;
            else *modes[i] = (dec_mode)mode;
        } else if (t != LUA_TNIL) v = lua_tointegerx(r->L, -1, &isint);
        if (t != LUA_TNIL) {
            if (!isint || v < -9 || v > 12) {
                lua_pop(r->L, 2);
                return bad(r, "rounding.%s must be a whole number of decimals from -9 to 12, or { decimals, \"mode\" }", steps[i]);
            }
            *dest[i] = (int)v;
            given[i] = 1;
        }
        lua_pop(r->L, 1);
    }
    (void)given;
    lua_pop(r->L, 1);
    return ANBUD_OK;
}

static anbud_status read_tiebreak(reader *r, int idx)
{
    model *m = r->m;
    lua_Integer i, n;
    if (lua_getfield(r->L, idx, "tiebreak") == LUA_TNIL) { lua_pop(r->L, 1); return ANBUD_OK; }
    if (!lua_istable(r->L, -1)) { lua_pop(r->L, 1); return bad(r, "\"tiebreak\" must be a list like { \"quality\", \"price\", \"lottery\" }"); }
    n = (lua_Integer)lua_rawlen(r->L, -1);
    if (n > 20) { lua_pop(r->L, 1); return bad(r, "\"tiebreak\" has more than 20 rules"); }
    m->tiebreak = xalloc_zeroed((size_t)n, sizeof *m->tiebreak);
    for (i = 1; i <= n; i++) {
        model_tiebreak_rule *t = &m->tiebreak[m->ntiebreak];
        const char *s;
        int ty = lua_rawgeti(r->L, -1, i);
        t->field = -1;
        if (ty == LUA_TTABLE) {
            /* { field = "Inlämnad", order = "earliest" } */
            static const char *const keys[] = { "field", "order", NULL };
            char name[600];
            if (check_keys(r, -1, keys) || get_string(r, -1, "field", 1, &t->field_name) ||
                get_string(r, -1, "order", 1, &t->order)) {
                m->ntiebreak++;   /* freed with the model */
                lua_pop(r->L, 2);
                return ANBUD_EMODEL;
            }
            m->ntiebreak++;
            if (strcmp(t->order, "ascending") != 0 && strcmp(t->order, "descending") != 0 &&
                strcmp(t->order, "earliest") != 0 && strcmp(t->order, "latest") != 0) {
                lua_pop(r->L, 2);
                return bad(r, "tiebreak rule %lld: order must be \"ascending\" or \"descending\" (a number), "
                           "\"earliest\" or \"latest\" (a datetime field), not \"%s\"", (long long)i, t->order);
            }
            t->rule = TIE_FIELD;
            t->criterion = -1;
            t->descending = strcmp(t->order, "descending") == 0 || strcmp(t->order, "latest") == 0;
            snprintf(name, sizeof name, "%s (%s)", t->field_name, t->order);
            t->name = xalloc_strdup(name);
            lua_pop(r->L, 1);
            continue;
        }
        if (ty != LUA_TSTRING) {
            lua_pop(r->L, 2);
            return bad(r, "tiebreak rule %lld must be text, or { field = \"...\", order = \"...\" }", (long long)i);
        }
        s = lua_tostring(r->L, -1);
        t->name = xalloc_strdup(s);
        t->criterion = -1;
        m->ntiebreak++;
        if (strcmp(s, "exact") == 0) t->rule = TIE_EXACT;
        else if (strcmp(s, "quality") == 0) t->rule = TIE_QUALITY;
        else if (strcmp(s, "price") == 0) t->rule = TIE_PRICE;
        else if (strcmp(s, "lottery") == 0) t->rule = TIE_LOTTERY;
        else t->rule = TIE_CRITERION;   /* resolved after the criteria are read */
        lua_pop(r->L, 1);
    }
    lua_pop(r->L, 1);
    return ANBUD_OK;
}

static anbud_status read_model(reader *r)
{
    model *m = r->m;
    lua_State *L = r->L;
    char *basis = NULL;
    int top = lua_gettop(L);
    anbud_status st = ANBUD_EMODEL;
    const char *p;

    r->what = "model";
    lua_getfield(L, -1, "model_line");
    r->line = (long)lua_tointeger(L, -1);
    m->line = r->line;
    lua_pop(L, 1);
    if (lua_getfield(L, -1, "model") != LUA_TTABLE) {
        lua_settop(L, top);
        return error_set(r->err, ANBUD_EMODEL, m->name, 0, 0,
                         "no model { id = ..., title = ..., basis = ... } is declared");
    }
    if (check_keys(r, -1, model_keys)) goto done;
    if (get_string(r, -1, "id", 1, &m->id)) goto done;
    for (p = m->id; *p; p++)
        if (!(('a' <= *p && *p <= 'z') || ('A' <= *p && *p <= 'Z') || ('0' <= *p && *p <= '9') ||
              *p == '-' || *p == '_' || *p == '.')) {
            bad(r, "id \"%s\" may hold only letters a-z, digits, '.', '-' and '_'", m->id);
            goto done;
        }
    if (get_string(r, -1, "title", 1, &m->title)) goto done;
    if (get_string(r, -1, "description", 0, &m->description)) goto done;
    {   /* not used by the core, but text like the rest */
        char *extra = NULL;
        if (get_string(r, -1, "version", 0, &extra)) goto done;
        free(extra);
    }
    if (get_string(r, -1, "currency", 0, &m->currency)) goto done;
    if (!m->currency) m->currency = xalloc_strdup("SEK");
    for (p = m->currency; *p; p++)
        if (!(('A' <= *p && *p <= 'Z') || ('a' <= *p && *p <= 'z')) || p - m->currency >= 8) {
            bad(r, "currency must be 1 to 8 letters, such as \"SEK\" or \"EUR\"");
            goto done;
        }
    if (!m->currency[0]) { bad(r, "currency must not be empty"); goto done; }
    if (get_string(r, -1, "lang", 0, &m->lang)) goto done;
    if (!m->lang) m->lang = xalloc_strdup("sv");
    if (strcmp(m->lang, "sv") != 0 && strcmp(m->lang, "en") != 0) { bad(r, "lang must be \"sv\" or \"en\""); goto done; }
    /* who buys, under which reference, for how much: the documents' heading */
    if (get_line(r, -1, "authority", &m->authority) || get_line(r, -1, "reference", &m->reference)) goto done;
    if (lua_getfield(L, -1, "contract_value") != LUA_TNIL) {
        mpq_t cents;
        int ok;
        mpq_init(cents);
        ok = to_number(L, -1, m->contract_value, 0) && mpq_sgn(m->contract_value) >= 0;
        /* an amount: whole hundredths (öre, cents), not 1/3 of a krona */
        if (ok) {
            mpq_set_ui(cents, 100, 1);
            mpq_mul(cents, cents, m->contract_value);
            ok = mpz_cmp_ui(mpq_denref(cents), 1) == 0;
        }
        mpq_clear(cents);
        if (!ok) {
            lua_pop(L, 1);
            bad(r, "contract_value must be an amount of 0 or more in %s with at most 2 decimals, "
                "such as 4500000 or \"4500000.50\"", m->currency);
            goto done;
        }
        m->has_contract_value = 1;
    }
    lua_pop(L, 1);
    if (get_string(r, -1, "basis", 1, &basis)) goto done;
    if (strcmp(basis, "points") == 0) m->basis = BASIS_POINTS;
    else if (strcmp(basis, "comparison_price") == 0) m->basis = BASIS_COMPARISON_PRICE;
    else if (strcmp(basis, "ratio") == 0) m->basis = BASIS_RATIO;
    else { bad(r, "basis must be \"points\", \"comparison_price\" or \"ratio\", not \"%s\"", basis); goto done; }
    if (read_rounding(r, -1) || read_tiebreak(r, -1)) goto done;
    {
        int t = lua_getfield(L, -1, "threshold");
        if (t != LUA_TNIL) {
            if (is_percent_text(L, -1)) {
                m->overall_min_percent = 1;
            }
            if (!to_number(L, -1, m->overall_min, 1)) { lua_pop(L, 1); bad(r, "threshold must be a number or a percentage like \"70 %%\""); goto done; }
            m->has_overall_min = 1;
        }
        lua_pop(L, 1);
    }
    if (lua_getfield(L, -1, "abnormally_low") != LUA_TNIL) {
        static const char *const akeys[] = { "below_mean", "below_next", NULL };
        static const char *const statuses[] = { "requested", "accepted", "rejected",
                                                "begärd", "godtagen", "förkastad" };
        int f;
        size_t q;
        if (!lua_istable(L, -1)) { bad(r, "abnormally_low must be a table: { below_mean = \"40 %%\", below_next = \"30 %%\" }"); goto done; }
        if (check_keys(r, -1, akeys)) goto done;
        if (get_number(r, -1, "below_mean", 1, &m->has_alp_mean, m->alp_mean)) goto done;
        if (get_number(r, -1, "below_next", 1, &m->has_alp_next, m->alp_next)) goto done;
        if (!m->has_alp_mean && !m->has_alp_next) { bad(r, "abnormally_low needs below_mean or below_next"); goto done; }
        if ((m->has_alp_mean && (mpq_sgn(m->alp_mean) <= 0 || mpq_cmp_ui(m->alp_mean, 1, 1) >= 0)) ||
            (m->has_alp_next && (mpq_sgn(m->alp_next) <= 0 || mpq_cmp_ui(m->alp_next, 1, 1) >= 0))) {
            bad(r, "abnormally_low shares must be between 0 and 100 %%"); goto done;
        }
        /* the query's status, per bid, in a bids column */
        f = add_field(m, "abnormally_low", "Onormalt lågt pris: status", FIELD_ANSWER, 0, r->line);
        if (f < 0) { bad(r, "a column \"abnormally_low\" is already declared"); goto done; }
        m->fields[f].answers = xalloc_zeroed(sizeof statuses / sizeof *statuses, sizeof(char *));
        for (q = 0; q < sizeof statuses / sizeof *statuses; q++)
            m->fields[f].answers[m->fields[f].nanswers++] = xalloc_strdup(statuses[q]);
        m->alp_field = f;
    }
    lua_pop(L, 1);
    if (lua_getfield(L, -1, "total") != LUA_TNIL) {
        if (take_method(r, "total", "total", &m->total_ref, &m->total_name, &m->total_excel)) goto done;
    } else {
        static const char *const dflt[] = { "weighted_sum", "comparison_price", "value_for_money" };
        lua_pop(L, 1);
        lua_getglobal(L, dflt[m->basis]);
        if (m->basis == BASIS_RATIO) {   /* value_for_money{ per = 1 } */
            lua_newtable(L);
            if (sandbox_call(m->sb, 1, 1, r->err)) goto done;
        }
        if (take_method(r, "total", "total", &m->total_ref, &m->total_name, &m->total_excel)) goto done;
    }
    /* which total wins: the basis says, unless the total method says
       better = "lower"|"higher"; a method that needs a basis names it */
    m->lower_wins = m->basis == BASIS_COMPARISON_PRICE;
    lua_rawgeti(L, LUA_REGISTRYINDEX, m->total_ref);
    if (lua_getfield(L, -1, "basis") == LUA_TSTRING && strcmp(lua_tostring(L, -1), basis) != 0) {
        const char *want = lua_tostring(L, -1), *why;
        lua_getfield(L, -2, "basis_why");
        why = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        bad(r, "total %s needs basis = \"%s\", not \"%s\"%s%s", m->total_name, want, basis,
            why ? ": " : "", why ? why : "");
        goto done;
    }
    lua_pop(L, 1);
    if (lua_getfield(L, -1, "better") == LUA_TSTRING) {
        if (strcmp(lua_tostring(L, -1), "lower") == 0) m->lower_wins = 1;
        else if (strcmp(lua_tostring(L, -1), "higher") == 0) m->lower_wins = 0;
        else { bad(r, "total %s: better must be \"lower\" or \"higher\"", m->total_name); goto done; }
    }
    st = ANBUD_OK;
done:
    free(basis);
    lua_settop(L, top);
    return st;
}

static anbud_status read_scale(reader *r)
{
    model *m = r->m;
    lua_State *L = r->L;
    model_scale *s;
    lua_Integer i, n = (lua_Integer)lua_rawlen(L, -1);
    if (n < 2 || n > MODEL_MAX_LEVELS) return bad(r, "a scale needs 2 to %d levels, listed in ascending order", MODEL_MAX_LEVELS);
    {
        /* only list entries are allowed */
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            lua_pop(L, 1);
            if (!lua_isinteger(L, -1)) { lua_pop(L, 1); return bad(r, "a scale is a list of levels, without named fields"); }
        }
    }
    m->scales = realloc(m->scales, (size_t)(m->nscales + 1) * sizeof *m->scales);
    if (!m->scales) exit(2);
    s = &m->scales[m->nscales++];
    memset(s, 0, sizeof *s);
    s->line = r->line;
    s->nlevels = (int)n;
    s->labels = xalloc_zeroed((size_t)n, sizeof *s->labels);
    s->texts = xalloc_zeroed((size_t)n, sizeof *s->texts);
    s->values = xalloc_zeroed((size_t)n, sizeof *s->values);
    for (i = 0; i < n; i++) mpq_init(s->values[i]);
    for (i = 0; i < n; i++) {
        int t = lua_rawgeti(L, -1, i + 1);
        if (t == LUA_TSTRING) {
            if (fits(r, -1, MODEL_MAX_NAME, "a level's label")) { lua_pop(L, 1); return ANBUD_EMODEL; }
            s->labels[i] = xalloc_strdup(lua_tostring(L, -1));
            mpq_set_si(s->values[i], (long)i, 1);
        } else if (t == LUA_TTABLE) {
            if (lua_rawgeti(L, -1, 1) != LUA_TSTRING) { lua_pop(L, 2); return bad(r, "level %lld: { \"label\", value, \"descriptor\" }", (long long)i + 1); }
            if (fits(r, -1, MODEL_MAX_NAME, "a level's label")) { lua_pop(L, 2); return ANBUD_EMODEL; }
            s->labels[i] = xalloc_strdup(lua_tostring(L, -1));
            lua_pop(L, 1);
            if (lua_rawgeti(L, -1, 2) == LUA_TNIL) mpq_set_si(s->values[i], (long)i, 1);
            else if (!to_number(L, -1, s->values[i], 0)) { lua_pop(L, 2); return bad(r, "level %lld: the value must be a number", (long long)i + 1); }
            lua_pop(L, 1);
            if (lua_rawgeti(L, -1, 3) == LUA_TSTRING) {
                if (fits(r, -1, MODEL_MAX_TEXT, "a level's descriptor")) { lua_pop(L, 2); return ANBUD_EMODEL; }
                s->texts[i] = xalloc_strdup(lua_tostring(L, -1));
            }
            lua_pop(L, 1);
        } else {
            lua_pop(L, 1);
            return bad(r, "level %lld must be a label or { \"label\", value, \"descriptor\" }", (long long)i + 1);
        }
        lua_pop(L, 1);
        if (!s->labels[i][0]) return bad(r, "level %lld has an empty label", (long long)i + 1);
        if (xml_text(r, "a level's label", s->labels[i], strlen(s->labels[i]))
            || (s->texts[i] && xml_text(r, "a level's descriptor", s->texts[i], strlen(s->texts[i]))))
            return ANBUD_EMODEL;
        if (i > 0 && mpq_cmp(s->values[i], s->values[i - 1]) <= 0)
            return bad(r, "levels must be listed in ascending order of value (level %lld is not above level %lld)", (long long)i + 1, (long long)i);
        {
            lua_Integer j;
            for (j = 0; j < i; j++)
                if (strcasecmp(s->labels[j], s->labels[i]) == 0)
                    return bad(r, "two levels are labelled \"%s\"", s->labels[i]);
        }
    }
    s->id = NULL;
    return ANBUD_OK;
}

static anbud_status read_field(reader *r, const char *id)
{
    static const char *const keys[] = { "text", "pattern", "pattern_text", "check", "answers",
                                         "number", "datetime", "required", "confidential", NULL };
    model *m = r->m;
    lua_State *L = r->L;
    char *text = NULL, *check = NULL;
    int number = 0, datetime = 0, required = 1, has_req, idx;
    model_field *f;
    if (check_keys(r, -1, keys)) return ANBUD_EMODEL;
    if (get_string(r, -1, "text", 0, &text)) return ANBUD_EMODEL;
    if (get_bool(r, -1, "number", &number)) { free(text); return ANBUD_EMODEL; }
    if (get_bool(r, -1, "datetime", &datetime)) { free(text); return ANBUD_EMODEL; }
    if (number && datetime) { free(text); return bad(r, "a field is number = true or datetime = true, not both"); }
    lua_getfield(L, -1, "required");
    has_req = !lua_isnil(L, -1);
    lua_pop(L, 1);
    if (has_req && get_bool(r, -1, "required", &required)) { free(text); return ANBUD_EMODEL; }
    idx = add_field(m, id, text, number ? FIELD_NUMBER : datetime ? FIELD_DATETIME : FIELD_TEXT,
                    required, r->line);
    free(text);
    if (idx < 0) return bad(r, "a column \"%s\" is already declared on line %ld", id, m->fields[-1 - idx].line);
    f = &m->fields[idx];
    if (get_bool(r, -1, "confidential", &f->confidential)) return ANBUD_EMODEL;
    if (get_string(r, -1, "pattern", 0, &f->pattern)) return ANBUD_EMODEL;
    if (get_string(r, -1, "pattern_text", 0, &f->pattern_text)) return ANBUD_EMODEL;
    if (get_string(r, -1, "check", 0, &check)) return ANBUD_EMODEL;
    if (check) {
        int ok = strcmp(check, "luhn") == 0;
        free(check);
        if (!ok) return bad(r, "check must be \"luhn\" (the Swedish organisationsnummer check digit)");
        f->luhn = 1;
    }
    if (lua_getfield(L, -1, "answers") != LUA_TNIL) {
        lua_Integer i, n;
        if (!lua_istable(L, -1) || (n = (lua_Integer)lua_rawlen(L, -1)) < 1 || n > 200) {
            lua_pop(L, 1);
            return bad(r, "answers must be a list of 1 to 200 allowed answers");
        }
        if (number || datetime || f->pattern) {
            lua_pop(L, 1);
            return bad(r, "answers cannot be combined with number, datetime or pattern");
        }
        f->kind = FIELD_ANSWER;
        f->answers = xalloc_zeroed((size_t)n, sizeof *f->answers);
        for (i = 1; i <= n; i++) {
            if (lua_rawgeti(L, -1, i) != LUA_TSTRING) { lua_pop(L, 2); return bad(r, "answer %lld must be text", (long long)i); }
            if (fits(r, -1, MODEL_MAX_NAME, "an answer")) { lua_pop(L, 2); return ANBUD_EMODEL; }
            f->answers[f->nanswers++] = xalloc_strdup(lua_tostring(L, -1));
            lua_pop(L, 1);
            if (xml_text(r, "an answer", f->answers[f->nanswers - 1],
                         strlen(f->answers[f->nanswers - 1]))) { lua_pop(L, 1); return ANBUD_EMODEL; }
        }
    }
    lua_pop(L, 1);
    if (f->pattern) {
        char why[200];
        if (number || datetime) return bad(r, "pattern cannot be combined with number or datetime");
        if (regex_test(f->pattern, "", 0, why, sizeof why) < 0) return bad(r, "pattern: %s", why);
    }
    if (f->luhn && f->kind != FIELD_TEXT) return bad(r, "check = \"luhn\" needs a text field");
    return ANBUD_OK;
}


/* lot = "Norra" or lot = { "Norra", "Södra" }: into a list of lot indices
   (none: every lot). */
static anbud_status read_lot_list(reader *r, int **out, int *n)
{
    lua_State *L = r->L;
    lua_Integer i, len;
    *out = NULL;
    *n = 0;
    if (lua_getfield(L, -1, "lot") == LUA_TNIL) { lua_pop(L, 1); return ANBUD_OK; }
    if (r->m->nlots == 0) { lua_pop(L, 1); return bad(r, "lot is given, but the model declares no lots: lot \"1\" { ... }"); }
    if (lua_type(L, -1) == LUA_TSTRING) {
        lua_newtable(L);
        lua_insert(L, -2);
        lua_rawseti(L, -2, 1);
    }
    if (!lua_istable(L, -1) || (len = (lua_Integer)lua_rawlen(L, -1)) < 1 || len > r->m->nlots) {
        lua_pop(L, 1);
        return bad(r, "lot must be a lot's name or a list of them: lot = \"1\" or lot = { \"1\", \"2\" }");
    }
    *out = xalloc_zeroed((size_t)len, sizeof(int));
    for (i = 1; i <= len; i++) {
        int k, j;
        if (lua_rawgeti(L, -1, i) != LUA_TSTRING) { lua_pop(L, 2); return bad(r, "lot %lld must be a lot's name", (long long)i); }
        k = model_find_lot(r->m, lua_tostring(L, -1));
        if (k < 0) { bad(r, "lot \"%s\" is not declared", lua_tostring(L, -1)); lua_pop(L, 2); return ANBUD_EMODEL; }
        for (j = 0; j < *n; j++)
            if ((*out)[j] == k) { lua_pop(L, 2); return bad(r, "lot \"%s\" is named twice", r->m->lots[k].id); }
        (*out)[(*n)++] = k;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return ANBUD_OK;
}

/* framework = 3 or framework = "all": suppliers per lot; 1 if absent. */
static anbud_status read_framework(reader *r, int *out, int dflt)
{
    lua_State *L = r->L;
    int t = lua_getfield(L, -1, "framework");
    *out = dflt;
    if (t == LUA_TSTRING && strcmp(lua_tostring(L, -1), "all") == 0) *out = 0;
    else if (t == LUA_TNUMBER && lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 1 && lua_tointeger(L, -1) <= 10000)
        *out = (int)lua_tointeger(L, -1);
    else if (t != LUA_TNIL) {
        lua_pop(L, 1);
        return bad(r, "framework must be the number of suppliers in the ranking (1 to 10000) or \"all\"");
    }
    lua_pop(L, 1);
    return ANBUD_OK;
}

static anbud_status read_lot(reader *r, const char *id)
{
    static const char *const keys[] = { "text", "value", "framework", NULL };
    model *m = r->m;
    model_lot *l;
    if (check_keys(r, -1, keys)) return ANBUD_EMODEL;
    if (model_find_lot(m, id) >= 0) return bad(r, "a lot with this name is already declared");
    if (m->nlots >= 1000) return bad(r, "more than 1000 lots");
    m->lots = realloc(m->lots, (size_t)(m->nlots + 1) * sizeof *m->lots);
    if (!m->lots) { fputs("anbud: out of memory\n", stderr); exit(2); }
    l = &m->lots[m->nlots++];
    memset(l, 0, sizeof *l);
    mpq_init(l->value);
    l->id = xalloc_strdup(id);
    l->line = r->line;
    if (get_string(r, -1, "text", 0, &l->text)) return ANBUD_EMODEL;
    if (!l->text) l->text = xalloc_strdup(id);
    if (get_number(r, -1, "value", 0, &l->has_value, l->value)) return ANBUD_EMODEL;
    if (l->has_value && mpq_sgn(l->value) < 0) return bad(r, "value must not be negative");
    return read_framework(r, &l->framework, -1);
}

/* Whether the declaration (spec on top) belongs in this view of the model. */
static int in_view(reader *r)
{
    lua_State *L = r->L;
    int in = 1;
    if (r->m->lot < 0) return 1;
    if (lua_getfield(L, -1, "lot") == LUA_TSTRING) in = model_find_lot(r->m, lua_tostring(L, -1)) == r->m->lot;
    else if (lua_istable(L, -1)) {
        lua_Integer i, n = (lua_Integer)lua_rawlen(L, -1);
        in = 0;
        for (i = 1; i <= n && !in; i++) {
            if (lua_rawgeti(L, -1, i) == LUA_TSTRING) in = model_find_lot(r->m, lua_tostring(L, -1)) == r->m->lot;
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    return in;
}

/* award = { cap = 1, order = "value" | "declared" | { ... }, framework = N }:
   read after the lots, which it names. */
static anbud_status read_award(reader *r)
{
    static const char *const keys[] = { "cap", "order", "framework", NULL };
    model *m = r->m;
    lua_State *L = r->L;
    int i, j, t;
    r->what = "model";
    m->award_order = xalloc_zeroed((size_t)m->nlots + 1, sizeof(int));
    for (i = 0; i < m->nlots; i++) m->award_order[i] = i;
    m->order_name = xalloc_strdup("declared");
    m->framework = 1;
    if (lua_getfield(L, -1, "model") != LUA_TTABLE) { lua_pop(L, 1); return ANBUD_OK; }
    lua_getfield(L, -2, "model_line");
    r->line = (long)lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (lua_getfield(L, -1, "award") == LUA_TNIL) { lua_pop(L, 2); goto lots; }
    if (!lua_istable(L, -1)) { lua_pop(L, 2); return bad(r, "award must be a table: award = { cap = 1, order = \"value\" }"); }
    if (check_keys(r, -1, keys)) { lua_pop(L, 2); return ANBUD_EMODEL; }
    if (read_framework(r, &m->framework, 1)) { lua_pop(L, 2); return ANBUD_EMODEL; }
    t = lua_getfield(L, -1, "cap");
    if (t != LUA_TNIL) {
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 || lua_tointeger(L, -1) > 1000) {
            lua_pop(L, 3);
            return bad(r, "award.cap must be the number of lots one supplier may be awarded (1 or more)");
        }
        m->cap = (int)lua_tointeger(L, -1);
        if (m->nlots == 0) { lua_pop(L, 3); return bad(r, "award.cap limits lots per supplier, but the model declares no lots"); }
    }
    lua_pop(L, 1);
    t = lua_getfield(L, -1, "order");
    if (t == LUA_TSTRING && strcmp(lua_tostring(L, -1), "value") == 0) {
        /* largest estimated value first; equal values in declared order */
        for (i = 0; i < m->nlots; i++)
            if (!m->lots[i].has_value) {
                char lid[200];
                snprintf(lid, sizeof lid, "%s", m->lots[i].id);
                lua_pop(L, 3);
                return bad(r, "award.order = \"value\" needs the value of every lot; lot \"%s\" has none", lid);
            }
        for (i = 1; i < m->nlots; i++)
            for (j = i; j > 0 && mpq_cmp(m->lots[m->award_order[j]].value, m->lots[m->award_order[j - 1]].value) > 0; j--) {
                int x = m->award_order[j];
                m->award_order[j] = m->award_order[j - 1];
                m->award_order[j - 1] = x;
            }
        free(m->order_name);
        m->order_name = xalloc_strdup("value");
    } else if (t == LUA_TTABLE) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        if (n != m->nlots) { lua_pop(L, 3); return bad(r, "award.order must list every lot once (%d)", m->nlots); }
        for (i = 0; i < m->nlots; i++) {
            int k;
            if (lua_rawgeti(L, -1, i + 1) != LUA_TSTRING || (k = model_find_lot(m, lua_tostring(L, -1))) < 0) {
                lua_pop(L, 4);
                return bad(r, "award.order: entry %d is not a declared lot", i + 1);
            }
            lua_pop(L, 1);
            for (j = 0; j < i; j++)
                if (m->award_order[j] == k) { lua_pop(L, 3); return bad(r, "award.order names lot \"%s\" twice", m->lots[k].id); }
            m->award_order[i] = k;
        }
        free(m->order_name);
        m->order_name = xalloc_strdup("list");
    } else if (!(t == LUA_TNIL || (t == LUA_TSTRING && strcmp(lua_tostring(L, -1), "declared") == 0))) {
        lua_pop(L, 3);
        return bad(r, "award.order must be \"value\" (largest lot first), \"declared\" or a list of the lots");
    }
    if (t != LUA_TNIL && m->nlots == 0) { lua_pop(L, 3); return bad(r, "award.order orders lots, but the model declares no lots"); }
    lua_pop(L, 3);
lots:
    for (i = 0; i < m->nlots; i++)
        if (m->lots[i].framework < 0) m->lots[i].framework = m->framework;
    return ANBUD_OK;
}

static const char *const yes_no[] = { "ja", "nej", "yes", "no", "1", "0", "uppfyllt",
                                      "ej uppfyllt", "true", "false" };

static anbud_status read_requirement(reader *r, const char *id)
{
    static const char *const keys[] = { "text", "supplier", "lot", NULL };
    model *m = r->m;
    model_requirement *q;
    int f;
    size_t i;
    if (check_keys(r, -1, keys)) return ANBUD_EMODEL;
    if (model_find_requirement(m, id) >= 0) return bad(r, "declared twice");
    m->reqs = realloc(m->reqs, (size_t)(m->nreqs + 1) * sizeof *m->reqs);
    if (!m->reqs) exit(2);
    q = &m->reqs[m->nreqs++];
    memset(q, 0, sizeof *q);
    q->id = xalloc_strdup(id);
    q->line = r->line;
    if (get_string(r, -1, "text", 0, &q->text)) return ANBUD_EMODEL;
    if (get_bool(r, -1, "supplier", &q->supplier)) return ANBUD_EMODEL;
    if (read_lot_list(r, &q->lots, &q->nlots)) return ANBUD_EMODEL;
    /* It may be answered in a bids column of its name (ja/nej). */
    f = add_field(m, id, q->text, FIELD_ANSWER, 0, r->line);
    if (f < 0) return bad(r, "a column \"%s\" is already declared on line %ld", id, m->fields[-1 - f].line);
    m->fields[f].answers = xalloc_zeroed(sizeof yes_no / sizeof *yes_no, sizeof(char *));
    for (i = 0; i < sizeof yes_no / sizeof *yes_no; i++)
        m->fields[f].answers[m->fields[f].nanswers++] = xalloc_strdup(yes_no[i]);
    q->field = f;
    return ANBUD_OK;
}

static anbud_status read_price(reader *r, const char *id)
{
    static const char *const keys[] = { "text", "basket", "method", "formula", "max", "weight",
                                         "min", "range", "fixed", NULL };
    model *m = r->m;
    lua_State *L = r->L;
    model_price *p = &m->price;
    int has;
    if (check_keys(r, -1, keys)) return ANBUD_EMODEL;
    if (p->declared) return bad(r, "only one price may be declared (the first is on line %ld)", p->line);
    p->declared = 1;
    p->id = xalloc_strdup(id);
    p->line = r->line;
    p->criterion = -1;
    p->method_ref = LUA_NOREF;
    mpq_init(p->range_lo);
    mpq_init(p->range_hi);
    if (get_string(r, -1, "text", 0, &p->text)) return ANBUD_EMODEL;
    if (lua_getfield(L, -1, "range") != LUA_TNIL) {
        if (!lua_istable(L, -1) || lua_rawgeti(L, -1, 1) == LUA_TNIL || !to_number(L, -1, p->range_lo, 0) ||
            lua_rawgeti(L, -2, 2) == LUA_TNIL || !to_number(L, -1, p->range_hi, 0) ||
            mpq_cmp(p->range_lo, p->range_hi) >= 0 || mpq_sgn(p->range_lo) < 0) {
            lua_settop(L, lua_gettop(L));
            return bad(r, "range must be { lowest, highest } plausible prices, lowest < highest");
        }
        lua_pop(L, 2);
        p->has_range = 1;
    }
    lua_pop(L, 1);

    lua_getfield(L, -1, "basket");
    lua_getfield(L, -2, "method");
    lua_getfield(L, -3, "fixed");
    if (!lua_isnil(L, -1)) {   /* fast pris: no column, the same price for every bid */
        if (!lua_isnil(L, -2) || !lua_isnil(L, -3)) { lua_pop(L, 3); return bad(r, "give one of basket, method and fixed"); }
        lua_getglobal(L, "fixed_price");
        lua_insert(L, -2);
        if (sandbox_call(m->sb, 1, 1, r->err)) { lua_pop(L, 2); r->err->line = r->line; snprintf(r->err->file, sizeof r->err->file, "%s", m->name); return ANBUD_EMODEL; }
        lua_remove(L, -2);
        lua_remove(L, -2);
        p->fixed = 1;
        if (take_method(r, "fixed", "price", &p->method_ref, &p->method_name, NULL)) return ANBUD_EMODEL;
        goto formula;
    }
    lua_pop(L, 1);
    if (!lua_isnil(L, -1) && !lua_isnil(L, -2)) { lua_pop(L, 2); return bad(r, "give either basket or method, not both"); }
    if (!lua_isnil(L, -2)) {
        lua_Integer i, n;
        lua_pop(L, 1);
        if (!lua_istable(L, -1) || (n = (lua_Integer)lua_rawlen(L, -1)) < 1 || n > 10000) {
            lua_pop(L, 1);
            return bad(r, "basket must be a list of 1 to 10000 lines { id = ..., quantity = ... }");
        }
        p->lines = xalloc_zeroed((size_t)n, sizeof *p->lines);
        for (i = 1; i <= n; i++) {
            static const char *const lkeys[] = { "id", "text", "quantity", NULL };
            model_price_line *ln = &p->lines[p->nlines];
            char *lid = NULL;
            int f, hasq;
            mpq_init(ln->quantity);
            p->nlines++;
            if (lua_rawgeti(L, -1, i) != LUA_TTABLE) { lua_pop(L, 2); return bad(r, "basket line %lld must be { id = ..., quantity = ... }", (long long)i); }
            if (check_keys(r, -1, lkeys) || get_string(r, -1, "id", 1, &lid)) { lua_pop(L, 2); free(lid); return ANBUD_EMODEL; }
            ln->id = lid;
            if (get_string(r, -1, "text", 0, &ln->text) || get_number(r, -1, "quantity", 0, &hasq, ln->quantity)) { lua_pop(L, 2); return ANBUD_EMODEL; }
            if (!hasq) { lua_pop(L, 2); return bad(r, "basket line \"%s\" needs a quantity", lid); }
            if (mpq_sgn(ln->quantity) < 0) { lua_pop(L, 2); return bad(r, "basket line \"%s\": the quantity is negative", lid); }
            f = add_field(m, lid, ln->text, FIELD_NUMBER, 1, r->line);
            if (f < 0) { lua_pop(L, 2); return bad(r, "basket line \"%s\" is declared twice", lid); }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        lua_getglobal(L, "basket");
    } else if (!lua_isnil(L, -1)) {
        lua_remove(L, -2);
        /* the method names its columns */
        if (lua_istable(L, -1) && lua_getfield(L, -1, "columns") == LUA_TFUNCTION) {
            lua_Integer i, n;
            if (sandbox_call(m->sb, 0, 1, r->err)) { r->err->line = r->line; snprintf(r->err->file, sizeof r->err->file, "%s", m->name); return ANBUD_EMODEL; }
            n = lua_istable(L, -1) ? (lua_Integer)lua_rawlen(L, -1) : 0;
            for (i = 1; i <= n; i++) {
                if (lua_rawgeti(L, -1, i) == LUA_TSTRING) {
                    int f;
                    if (fits(r, -1, MODEL_MAX_NAME, "a column's name")) { lua_pop(L, 3); return ANBUD_EMODEL; }
                    f = add_field(m, lua_tostring(L, -1), NULL, FIELD_NUMBER, 1, r->line);
                    if (f < 0) { lua_pop(L, 3); return bad(r, "the column \"%s\" is used twice", lua_tostring(L, -1)); }
                }
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        } else if (lua_istable(L, -1)) {
            lua_pop(L, 1);
        }
    } else {
        lua_pop(L, 2);
        if (add_field(m, id, p->text, FIELD_NUMBER, 1, r->line) < 0) return bad(r, "a column \"%s\" is already declared", id);
        lua_getglobal(L, "single_price");
    }
    if (take_method(r, "method", "price", &p->method_ref, &p->method_name, NULL)) return ANBUD_EMODEL;

formula:
    if (lua_getfield(L, -1, "formula") != LUA_TNIL) {
        model_criterion *c;
        int ref;
        char *name = NULL, *excel = NULL;
        if (take_method(r, "formula", "price_points", &ref, &name, &excel)) { free(name); free(excel); return ANBUD_EMODEL; }
        c = add_criterion(m);
        c->excel = excel;
        c->id = xalloc_strdup(id);
        c->text = xalloc_strdup(p->text ? p->text : id);
        c->kind = CRIT_PRICE;
        c->line = r->line;
        c->method_ref = ref;
        c->method_name = name;
        p->criterion = m->ncriteria - 1;
        if (get_number(r, -1, "weight", 1, &c->has_weight, c->weight)) return ANBUD_EMODEL;
        if (get_number(r, -1, "max", 0, &c->has_max, c->max)) return ANBUD_EMODEL;
        if (!c->has_max) return bad(r, "a price with a formula needs max, the top of its points range");
        if (mpq_sgn(c->max) <= 0) return bad(r, "max must be above zero");
        if (get_number(r, -1, "min", 1, &has, c->min)) return ANBUD_EMODEL;
        if (has) return bad(r, "min does not apply to price points");
    } else {
        lua_pop(L, 1);
        lua_getfield(L, -1, "max");
        lua_getfield(L, -2, "weight");
        has = !lua_isnil(L, -1) || !lua_isnil(L, -2);
        lua_pop(L, 2);
        if (has) return bad(r, "max and weight need a formula that turns the price into points, e.g. formula = lowest_ratio");
        if (m->basis == BASIS_POINTS && !p->fixed)
            return bad(r, "a points model needs formula = ..., e.g. formula = lowest_ratio, or a fixed price (fixed = ...)");
    }
    return ANBUD_OK;
}

/* criterion or added_value; parent is the group's index or -1 */
static anbud_status read_criterion(reader *r, const char *id, int added, int parent);

static anbud_status read_sub(reader *r, int self)
{
    lua_State *L = r->L;
    lua_Integer i, n;
    model_criterion *c;
    const char *saved_what = r->what;
    long saved_line = r->line;
    if (!lua_istable(L, -1) || (n = (lua_Integer)lua_rawlen(L, -1)) < 1 || n > 100)
        return bad(r, "sub must be a list of criteria: sub = { criterion \"A\" { ... }, ... }");
    if (r->depth >= MODEL_MAX_DEPTH)
        return bad(r, "sub-criteria nest more than %d levels deep", MODEL_MAX_DEPTH);
    if (room(r)) return ANBUD_EMODEL;
    r->m->criteria[self].kind = CRIT_GROUP;
    r->depth++;
    for (i = 1; i <= n; i++) {
        char what[300], *cid;
        if (lua_rawgeti(L, -1, i) != LUA_TTABLE || lua_getfield(L, -1, "kind") != LUA_TSTRING ||
            strcmp(lua_tostring(L, -1), "criterion") != 0) {
            lua_pop(L, 2);
            return bad(r, "sub-criterion %lld must be written criterion \"Name\" { ... }", (long long)i);
        }
        lua_pop(L, 1);
        lua_getfield(L, -1, "line");
        r->line = (long)lua_tointeger(L, -1);
        lua_pop(L, 1);
        lua_getfield(L, -1, "id");
        if (fits(r, -1, MODEL_MAX_NAME, "a sub-criterion's name")) { lua_pop(L, 2); return ANBUD_EMODEL; }
        cid = xalloc_strdup(lua_tostring(L, -1));
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, "is_sub");
        lua_getfield(L, -1, "spec");
        snprintf(what, sizeof what, "criterion \"%s\"", cid);
        r->what = what;
        if (xml_text(r, "the name", cid, strlen(cid))) { free(cid); return ANBUD_EMODEL; }
        if (read_criterion(r, cid, 0, self)) { free(cid); return ANBUD_EMODEL; }
        free(cid);
        lua_pop(L, 2);
    }
    r->depth--;
    r->what = saved_what;
    r->line = saved_line;
    c = &r->m->criteria[self];
    (void)c;
    return ANBUD_OK;
}

static anbud_status read_criterion(reader *r, const char *id, int added, int parent)
{
    static const char *const ckeys[] = { "text", "max", "weight", "scale", "panel", "min", "sub",
                                          "declared", "formula", "rescale", "spread", "lot", NULL };
    static const char *const akeys[] = { "text", "max", "scale", "panel", "deduction", "surcharge",
                                          "value", "declared", "min", "spread", "lot", NULL };
    model *m = r->m;
    lua_State *L = r->L;
    model_criterion *c;
    char *scale = NULL, *panel = NULL;
    int self, has_min_pct = 0;
    if (room(r)) return ANBUD_EMODEL;
    if (check_keys(r, -1, added ? akeys : ckeys)) return ANBUD_EMODEL;
    if (model_find_criterion(m, id) >= 0) return bad(r, "a criterion with this name is already declared");
    c = add_criterion(m);
    self = m->ncriteria - 1;
    c->id = xalloc_strdup(id);
    c->line = r->line;
    c->parent = parent;
    c->kind = added ? CRIT_ADDED_VALUE : CRIT_QUALITY;
    if (get_string(r, -1, "text", 0, &c->text)) return ANBUD_EMODEL;
    if (!c->text) c->text = xalloc_strdup(id);
    if (parent >= 0) {
        lua_getfield(L, -1, "lot");
        if (!lua_isnil(L, -1)) { lua_pop(L, 1); return bad(r, "a sub-criterion belongs to the lots of its group; give lot on the group"); }
        lua_pop(L, 1);
        c->lots = m->criteria[parent].nlots ? xalloc_zeroed((size_t)m->criteria[parent].nlots, sizeof(int)) : NULL;
        if (c->lots) memcpy(c->lots, m->criteria[parent].lots, (size_t)m->criteria[parent].nlots * sizeof(int));
        c->nlots = m->criteria[parent].nlots;
    } else if (read_lot_list(r, &c->lots, &c->nlots)) return ANBUD_EMODEL;
    if (!added && get_number(r, -1, "weight", 1, &c->has_weight, c->weight)) return ANBUD_EMODEL;
    if (get_number(r, -1, "max", 0, &c->has_max, c->max)) return ANBUD_EMODEL;
    if (c->has_max && mpq_sgn(c->max) <= 0) return bad(r, "max must be above zero");
    if (c->has_weight && mpq_sgn(c->weight) < 0) return bad(r, "weight must not be negative");
    if (get_string(r, -1, "scale", 0, &scale)) return ANBUD_EMODEL;
    if (scale) {
        c->scale = model_find_scale(m, scale);
        if (c->scale < 0) { bad(r, "scale \"%s\" is not declared", scale); free(scale); return ANBUD_EMODEL; }
        free(scale);
    }
    if (get_string(r, -1, "panel", 0, &panel)) return ANBUD_EMODEL;
    if (panel) {
        if (strcmp(panel, "mean") == 0) c->panel = PANEL_MEAN;
        else if (strcmp(panel, "median") == 0) c->panel = PANEL_MEDIAN;
        else if (strcmp(panel, "consensus") == 0) c->panel = PANEL_CONSENSUS;
        else { bad(r, "panel must be \"mean\", \"median\" or \"consensus\", not \"%s\"", panel); free(panel); return ANBUD_EMODEL; }
        free(panel);
    }
    if (get_bool(r, -1, "declared", &c->declared)) return ANBUD_EMODEL;
    if (!added && get_bool(r, -1, "rescale", &c->rescale)) return ANBUD_EMODEL;
    if (get_number(r, -1, "spread", 0, &c->has_spread, c->spread)) return ANBUD_EMODEL;
    if (c->has_spread && mpq_sgn(c->spread) < 0) return bad(r, "spread must not be negative");
    lua_getfield(L, -1, "min");
    has_min_pct = is_percent_text(L, -1);
    lua_pop(L, 1);
    if (get_number(r, -1, "min", 1, &c->has_min, c->min)) return ANBUD_EMODEL;

    if (!added && lua_getfield(L, -1, "sub") != LUA_TNIL) {
        if (c->scale >= 0 || c->has_max) { lua_pop(L, 1); return bad(r, "a criterion with sub-criteria takes its score from them: give no max or scale"); }
        if (read_sub(r, self)) { lua_pop(L, 1); return ANBUD_EMODEL; }
        c = &m->criteria[self];
        lua_pop(L, 1);
    } else {
        if (!added) lua_pop(L, 1);
        if (!c->has_max && c->scale < 0) return bad(r, "give max (the top score) or a scale");
        if (!c->has_max) {   /* the scale's top value */
            mpq_set(c->max, m->scales[c->scale].values[m->scales[c->scale].nlevels - 1]);
            c->has_max = 1;
            if (mpq_sgn(c->max) <= 0) return bad(r, "the scale's top value must be above zero");
        }
    }
    if (c->rescale && c->kind == CRIT_GROUP) return bad(r, "rescale applies to a scored criterion, not to a group");
    if (c->has_min && has_min_pct) {
        if (c->kind == CRIT_GROUP) return bad(r, "min as a percentage needs max");
        mpq_mul(c->min, c->min, c->max);
    }
    if (c->declared) {
        int f = add_field(m, id, c->text, c->scale >= 0 ? FIELD_ANSWER : FIELD_NUMBER, 1, r->line);
        if (f < 0) return bad(r, "a column \"%s\" is already declared", id);
        if (c->nlots) {   /* required only of the bids for its lots */
            m->fields[f].lots = xalloc_zeroed((size_t)c->nlots, sizeof(int));
            memcpy(m->fields[f].lots, c->lots, (size_t)c->nlots * sizeof(int));
            m->fields[f].nlots = c->nlots;
        }
        if (c->scale >= 0) {
            model_scale *s = &m->scales[c->scale];
            int i;
            m->fields[f].answers = xalloc_zeroed((size_t)s->nlevels, sizeof(char *));
            for (i = 0; i < s->nlevels; i++) m->fields[f].answers[m->fields[f].nanswers++] = xalloc_strdup(s->labels[i]);
        }
        c->field = f;
    }
    if (!added && lua_getfield(L, -1, "formula") != LUA_TNIL) {
        lua_pop(L, 1);
        return bad(r, "formula belongs to price; a quality criterion is scored by the panel");
    } else if (!added) lua_pop(L, 1);
    if (added) {
        int d = lua_getfield(L, -1, "deduction") != LUA_TNIL;
        int s = lua_getfield(L, -2, "surcharge") != LUA_TNIL;
        int v = lua_getfield(L, -3, "value") != LUA_TNIL;
        if (d + s + v != 1) { lua_pop(L, 3); return bad(r, "give exactly one of deduction, surcharge or value"); }
        if (v) {
            lua_Integer i, n;
            lua_remove(L, -2);
            lua_remove(L, -2);
            if (c->scale < 0) { lua_pop(L, 1); return bad(r, "value (ProZorro feature values) needs a scale"); }
            n = lua_istable(L, -1) ? (lua_Integer)lua_rawlen(L, -1) : 0;
            if (n != m->scales[c->scale].nlevels) { lua_pop(L, 1); return bad(r, "value needs one fraction per scale level (%d)", m->scales[c->scale].nlevels); }
            c->values = xalloc_zeroed((size_t)n, sizeof *c->values);
            for (i = 0; i < n; i++) mpq_init(c->values[i]);
            c->nvalues = (int)n;
            for (i = 1; i <= n; i++) {
                lua_rawgeti(L, -1, i);
                if (!to_number(L, -1, c->values[i - 1], 1)) { lua_pop(L, 2); return bad(r, "value %lld must be a number", (long long)i); }
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
            c->method_name = xalloc_strdup("feature_value");
        } else {
            const char *key = d ? "deduction" : "surcharge";
            if (d) { lua_pop(L, 2); } else { lua_pop(L, 1); lua_remove(L, -2); }
            c->surcharge = s;
            if (take_method(r, key, "added_value", &c->method_ref, &c->method_name, &c->excel)) return ANBUD_EMODEL;
        }
    }
    return ANBUD_OK;
}

/* }====================================== */

/* Walk the recorded declarations: scales first (others refer to them), then
   fields, price, criteria and added values, requirements, in written order. */
static anbud_status read_decls(reader *r)
{
    static const char *const passes[][3] = {
        { "scale", "lot", NULL }, { "field", NULL, NULL },
        { "price", "criterion", "added_value" }, { "requirement", NULL, NULL } };
    model *m = r->m;
    lua_State *L = r->L;
    lua_Integer i, n;
    int pass, k;
    char what[300];
    lua_getfield(L, -1, "decls");
    n = (lua_Integer)lua_rawlen(L, -1);
    if (n > MODEL_MAX_DECLS) return error_set(r->err, ANBUD_EMODEL, m->name, 0, 0, "more than %d declarations", MODEL_MAX_DECLS);
    for (pass = 0; pass < 4; pass++) {
        for (i = 1; i <= n; i++) {
            const char *kind;
            char *id;
            anbud_status st = ANBUD_OK;
            lua_rawgeti(L, -1, i);
            lua_getfield(L, -1, "kind");
            kind = lua_tostring(L, -1);
            for (k = 0; k < 3 && passes[pass][k]; k++)
                if (kind && strcmp(kind, passes[pass][k]) == 0) break;
            if (k == 3 || !passes[pass][k] || !kind) { lua_pop(L, 2); continue; }
            lua_getfield(L, -2, "is_sub");
            if (lua_toboolean(L, -1)) { lua_pop(L, 3); continue; }
            lua_pop(L, 1);
            lua_getfield(L, -2, "line");
            r->line = (long)lua_tointeger(L, -1);
            lua_pop(L, 1);
            lua_getfield(L, -2, "id");
            r->what = kind;
            if (fits(r, -1, MODEL_MAX_NAME, "the name")) return ANBUD_EMODEL;
            id = xalloc_strdup(lua_tostring(L, -1));
            lua_pop(L, 1);
            snprintf(what, sizeof what, "%s \"%s\"", kind, id);
            r->what = what;
            if (xml_text(r, "the name", id, strlen(id))) { free(id); return ANBUD_EMODEL; }
            lua_getfield(L, -2, "spec");
            if (pass >= 2 && strcmp(kind, "price") != 0 && lua_istable(L, -1) && !in_view(r)) {
                free(id);   /* another lot's own declaration */
                lua_pop(L, 3);
                continue;
            }
            if (strcmp(kind, "lot") == 0) st = read_lot(r, id);
            else if (strcmp(kind, "scale") == 0) {
                if (model_find_scale(m, id) >= 0) st = bad(r, "a scale with this name is already declared");
                else if ((st = read_scale(r)) == ANBUD_OK) m->scales[m->nscales - 1].id = xalloc_strdup(id);
            } else if (strcmp(kind, "field") == 0) st = read_field(r, id);
            else if (strcmp(kind, "price") == 0) st = read_price(r, id);
            else if (strcmp(kind, "criterion") == 0) st = read_criterion(r, id, 0, -1);
            else if (strcmp(kind, "added_value") == 0) st = read_criterion(r, id, 1, -1);
            else if (strcmp(kind, "requirement") == 0) st = read_requirement(r, id);
            free(id);
            if (st) return st;
            lua_pop(L, 3);
        }
        /* sub-criteria were marked while reading their group; a criterion
           marked as sub that is read before its group is harmless since
           read_sub reads it directly and the flag skips it here. */
    }
    lua_pop(L, 1);
    return ANBUD_OK;
}

/* Sub-criteria are declared (and recorded) before their group, so a first
   pass marks them; read_decls then skips them at top level. */
static void mark_subs(lua_State *L)
{
    lua_Integer i, j, n, ns;
    int top = lua_gettop(L);
    lua_getfield(L, -1, "decls");
    n = (lua_Integer)lua_rawlen(L, -1);
    for (i = 1; i <= n; i++) {
        lua_rawgeti(L, top + 1, i);
        if (lua_istable(L, -1) && lua_getfield(L, -1, "spec") == LUA_TTABLE &&
            lua_getfield(L, -1, "sub") == LUA_TTABLE) {
            ns = (lua_Integer)lua_rawlen(L, -1);
            for (j = 1; j <= ns && j <= 100; j++) {
                if (lua_rawgeti(L, -1, j) == LUA_TTABLE) {
                    lua_pushboolean(L, 1);
                    lua_setfield(L, -2, "is_sub");
                }
                lua_pop(L, 1);
            }
        }
        lua_settop(L, top + 1);
    }
    lua_settop(L, top);
}

static anbud_status resolve(reader *r)
{
    model *m = r->m;
    int i;
    r->what = "model";
    r->line = 0;
    for (i = 0; i < m->ntiebreak; i++) {
        model_tiebreak_rule *t = &m->tiebreak[i];
        if (t->rule == TIE_FIELD) {
            const model_field *f;
            int dt;
            t->field = model_find_field(m, t->field_name);
            if (t->field < 0)
                return bad(r, "tiebreak { field = \"%s\" }: no field \"%s\" is declared "
                           "(field \"%s\" { number = true } or { datetime = true })", t->field_name,
                           t->field_name, t->field_name);
            f = &m->fields[t->field];
            dt = f->kind == FIELD_DATETIME;
            /* text has no order a procurer could defend (case, accents, spaces) */
            if (f->kind != FIELD_NUMBER && !dt)
                return bad(r, "tiebreak { field = \"%s\" }: the field must be declared number = true "
                           "or datetime = true to order bids by it; text is not ordered", t->field_name);
            if (dt != (strcmp(t->order, "earliest") == 0 || strcmp(t->order, "latest") == 0))
                return bad(r, "tiebreak { field = \"%s\" }: order \"%s\" is for %s; this field is %s, "
                           "so use %s", t->field_name, t->order, dt ? "numbers" : "datetime fields",
                           dt ? "a datetime" : "a number", dt ? "\"earliest\" or \"latest\""
                                                                : "\"ascending\" or \"descending\"");
            continue;
        }
        if (t->rule != TIE_CRITERION) continue;
        t->criterion = model_find_criterion(m, t->name);
        if (t->criterion < 0)
            return bad(r, "tiebreak \"%s\" is neither exact, quality, price, lottery nor a declared criterion", t->name);
    }
    if (!m->price.declared) return bad(r, "no price is declared: price \"Pris\" { ... }");
    if (m->basis == BASIS_COMPARISON_PRICE && m->price.criterion >= 0)
        return bad(r, "a comparison-price model turns quality into SEK; its price takes no formula (points)");
    for (i = 0; i < m->ncriteria; i++) {
        model_criterion *c = &m->criteria[i];
        if (c->kind == CRIT_ADDED_VALUE && m->basis == BASIS_POINTS)
            return error_set(r->err, ANBUD_EMODEL, m->name, c->line, 0,
                             "added_value \"%s\": added values change a comparison price; use criterion in a points model", c->id);
    }
    return ANBUD_OK;
}

/* {=========== numbers written in the model ============ */

/* A model's numbers are exact decimals: a Lua float is taken by its
   shortest decimal text, so 0.1 is 1/10. The result of float arithmetic
   (40/60*100 is 66.66666666666667, not 200/3) is not what the procurer
   meant; every float in the declarations, their nested tables and the
   library methods' parameters (percent(p) keeps p) is checked once, here,
   so that check and evaluate refuse the same models. Raw access only; each
   table is visited once (visited set at index vis), at most 32 deep. */
static anbud_status check_literals(reader *r, int t, int vis, char *path, size_t len, size_t cap, int depth)
{
    lua_State *L = r->L;
    if (depth > 32) return bad(r, "%s: tables nested more than 32 deep", len ? path : "a field");
    if (!lua_checkstack(L, 8)) return bad(r, "out of memory");
    t = lua_absindex(L, t);
    lua_pushvalue(L, t);
    if (lua_rawget(L, vis) != LUA_TNIL) { lua_pop(L, 1); return ANBUD_OK; }
    lua_pop(L, 1);
    lua_pushvalue(L, t);
    lua_pushboolean(L, 1);
    lua_rawset(L, vis);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        int vt = lua_type(L, -1);
        if ((vt == LUA_TNUMBER && !lua_isinteger(L, -1)) || vt == LUA_TTABLE) {
            size_t n = len;
            if (lua_type(L, -2) == LUA_TSTRING)
                n += (size_t)snprintf(path + len, cap - len, "%s%s", len ? "." : "", lua_tostring(L, -2));
            else if (lua_isinteger(L, -2))
                n += (size_t)snprintf(path + len, cap - len, "[%lld]", (long long)lua_tointeger(L, -2));
            if (n >= cap) n = cap - 1;
            if (vt == LUA_TTABLE) {
                if (check_literals(r, -1, vis, path, n, cap, depth + 1)) return ANBUD_EMODEL;
            } else {
                mpq_t q;
                int rc;
                mpq_init(q);
                rc = dec_from_literal(q, (double)lua_tonumber(L, -1));
                mpq_clear(q);
                if (rc == -2) {
                    lnum_push_inexact(L, (double)lua_tonumber(L, -1));
                    return bad(r, "%s: %s", n ? path : "a number", lua_tostring(L, -1));
                }
            }
            path[len] = '\0';
        }
        lua_pop(L, 1);
    }
    return ANBUD_OK;
}

static anbud_status read_literals(reader *r)
{
    lua_State *L = r->L;
    int top = lua_gettop(L), vis;
    lua_Integer i, n;
    char path[200] = "", what[300];
    anbud_status st = ANBUD_OK;
    lua_newtable(L);
    vis = lua_gettop(L);
    lua_pushliteral(L, "model");
    if (lua_rawget(L, top) == LUA_TTABLE) {
        lua_pushliteral(L, "model_line");
        lua_rawget(L, top);
        r->line = (long)lua_tointeger(L, -1);
        lua_pop(L, 1);
        r->what = "model";
        st = check_literals(r, -1, vis, path, 0, sizeof path, 0);
    }
    lua_settop(L, vis);
    lua_pushliteral(L, "decls");
    if (!st && lua_rawget(L, top) == LUA_TTABLE) {
        n = (lua_Integer)lua_rawlen(L, -1);
        for (i = 1; i <= n && !st; i++) {
            if (lua_rawgeti(L, vis + 1, i) == LUA_TTABLE) {
                lua_pushliteral(L, "line");
                lua_rawget(L, -2);
                r->line = (long)lua_tointeger(L, -1);
                lua_pushliteral(L, "kind");
                lua_rawget(L, -3);
                lua_pushliteral(L, "id");
                lua_rawget(L, -4);
                snprintf(what, sizeof what, "%s \"%s\"", lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?",
                         lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?");
                r->what = what;
                lua_pushliteral(L, "spec");
                if (lua_rawget(L, -5) == LUA_TTABLE) st = check_literals(r, -1, vis, path, 0, sizeof path, 0);
            }
            lua_settop(L, vis + 1);
        }
    }
    lua_settop(L, top);
    return st;
}

/* }====================================================== */

/* Read everything the model declared; runs protected (sandbox_protect). */
static anbud_status read_all(void *ud, anbud_error *err)
{
    reader *r = ud;
    anbud_status st;
    (void)err;
    lua_getglobal(r->L, "__anbud");
    mark_subs(r->L);
    st = read_literals(r);
    if (!st) st = read_model(r);
    if (!st) st = read_decls(r);
    if (!st) st = read_award(r);
    if (!st) st = resolve(r);
    return st;
}

static anbud_status load(model *m, const char *path, int lot, anbud_error *err);

anbud_status model_load(model *m, const char *path, anbud_error *err)
{
    return load(m, path, -1, err);
}

anbud_status model_load_lot(model *m, const char *path, int lot, anbud_error *err)
{
    return load(m, path, lot, err);
}

static anbud_status load(model *m, const char *path, int lot, anbud_error *err)
{
    const struct script_file *sf;
    const char *slash;
    reader r;
    char chunk[300];
    anbud_status st;

    memset(m, 0, sizeof *m);
    mpq_init(m->overall_min);
    mpq_init(m->alp_mean);
    mpq_init(m->alp_next);
    mpq_init(m->contract_value);
    m->alp_field = -1;
    m->lot = lot;
    m->rounding.panel = m->rounding.score = m->rounding.price = m->rounding.money = m->rounding.total = -1;
    m->rounding.mode = m->rounding.panel_mode = m->rounding.score_mode = m->rounding.price_mode =
        m->rounding.money_mode = m->rounding.total_mode = DEC_HALF_UP;
    m->total_ref = LUA_NOREF;
    m->path = xalloc_strdup(path);
    slash = strrchr(path, '/');
    m->name = xalloc_strdup(slash ? slash + 1 : path);
    if ((st = read_file(path, &m->source, &m->source_len, err))) return st;
    {   /* the Model sheet writes each line in a cell of its own */
        const char *p = m->source, *end = m->source + m->source_len;
        long line = 1;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t n = (size_t)((nl ? nl : end) - p);
            if (n > MODEL_MAX_LINE)
                return error_set(err, ANBUD_EMODEL, m->name, line, 0, "the line is longer than %d bytes", MODEL_MAX_LINE);
            if (!nl) break;
            p = nl + 1;
            line++;
        }
    }
    sha256_hex(m->source, m->source_len, m->sha256);

    m->sb = sandbox_new(SANDBOX_MEMORY_LIMIT, SANDBOX_INSTRUCTIONS);
    if (!m->sb) return error_set(err, ANBUD_EUSAGE, NULL, 0, 0, "out of memory");
    snprintf(chunk, sizeof chunk, "@%s", m->name);
    lua_pushstring(m->sb->L, chunk);
    lua_pushcclosure(m->sb->L, l_anbud_line, 1);
    lua_setglobal(m->sb->L, "__anbud_line");
    lua_pushcfunction(m->sb->L, l_from_library);
    lua_setglobal(m->sb->L, "__anbud_from_library");
    for (sf = scripts_files; sf->name; sf++) {
        snprintf(chunk, sizeof chunk, "scripts/%s", sf->name);
        if ((st = sandbox_run(m->sb, chunk, sf->text, sf->len, err))) return st;
    }
    if ((st = seal_library(m->sb, err))) return st;
    if ((st = sandbox_run(m->sb, m->name, m->source, m->source_len, err))) return st;

    r.m = m;
    r.L = m->sb->L;
    r.err = err;
    r.line = 0;
    r.what = "model";
    r.depth = 1;
    lua_getglobal(r.L, "__anbud");
    if (!lua_istable(r.L, -1)) {
        lua_pop(r.L, 1);
        return error_set(err, ANBUD_EMODEL, m->name, 0, 0, "the model replaced __anbud, which anbud uses to record declarations");
    }
    lua_pop(r.L, 1);
    st = sandbox_protect(m->sb, read_all, &r, err);
    lua_settop(r.L, 0);
    return st;
}

void model_free(model *m)
{
    int i, j;
    if (!m) return;
    if (m->sb) sandbox_free(m->sb);
    for (i = 0; i < m->nfields; i++) {
        model_field *f = &m->fields[i];
        free(f->id); free(f->text); free(f->pattern); free(f->pattern_text);
        for (j = 0; j < f->nanswers; j++) free(f->answers[j]);
        free(f->answers);
        free(f->lots);
    }
    free(m->fields);
    for (i = 0; i < m->nscales; i++) {
        model_scale *s = &m->scales[i];
        for (j = 0; j < s->nlevels; j++) {
            free(s->labels[j]); free(s->texts[j]);
            mpq_clear(s->values[j]);
        }
        free(s->id); free(s->labels); free(s->texts); free(s->values);
    }
    free(m->scales);
    for (i = 0; i < m->ncriteria; i++) {
        model_criterion *c = &m->criteria[i];
        free(c->id); free(c->text); free(c->method_name); free(c->excel);
        mpq_clear(c->weight); mpq_clear(c->max); mpq_clear(c->min); mpq_clear(c->spread);
        for (j = 0; j < c->nvalues; j++) mpq_clear(c->values[j]);
        free(c->values);
        free(c->lots);
    }
    free(m->criteria);
    for (i = 0; i < m->nreqs; i++) { free(m->reqs[i].id); free(m->reqs[i].text); free(m->reqs[i].lots); }
    for (i = 0; i < m->nlots; i++) { free(m->lots[i].id); free(m->lots[i].text); mpq_clear(m->lots[i].value); }
    free(m->lots);
    free(m->award_order);
    free(m->order_name);
    free(m->reqs);
    if (m->price.declared) {
        for (i = 0; i < m->price.nlines; i++) {
            free(m->price.lines[i].id); free(m->price.lines[i].text);
            mpq_clear(m->price.lines[i].quantity);
        }
        free(m->price.lines);
        free(m->price.id); free(m->price.text); free(m->price.method_name);
        mpq_clear(m->price.range_lo);
        mpq_clear(m->price.range_hi);
    }
    for (i = 0; i < m->ntiebreak; i++) {
        free(m->tiebreak[i].name);
        free(m->tiebreak[i].field_name);
        free(m->tiebreak[i].order);
    }
    free(m->tiebreak);
    mpq_clear(m->overall_min);
    mpq_clear(m->alp_mean);
    mpq_clear(m->alp_next);
    mpq_clear(m->contract_value);
    free(m->description); free(m->authority); free(m->reference);
    free(m->path); free(m->name); free(m->source);
    free(m->id); free(m->title); free(m->currency); free(m->lang); free(m->total_name); free(m->total_excel);
    memset(m, 0, sizeof *m);
}

const char *model_basis_name(model_basis b)
{
    static const char *const names[] = { "points", "comparison_price", "ratio" };
    return (unsigned)b < 3 ? names[b] : "?";
}

/* {=========== reading method tables ============ */

/* Push t[key] of the table at idx without metamethods: a model's own
   method table cannot run code from here. */
static int raw_field(lua_State *L, int idx, const char *key)
{
    idx = lua_absindex(L, idx);
    lua_pushstring(L, key);
    return lua_rawget(L, idx);
}

int model_method_flag(const model *m, int ref, const char *key)
{
    lua_State *L = m->sb->L;
    int top = lua_gettop(L), v = 0;
    if (ref == LUA_NOREF || ref == LUA_REFNIL) return 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    if (lua_istable(L, -1)) {
        raw_field(L, -1, key);
        v = lua_toboolean(L, -1);
    }
    lua_settop(L, top);
    return v;
}

int model_method_absolute(const model *m, int ref)
{
    lua_State *L = m->sb->L;
    int top = lua_gettop(L), v = 0;
    if (ref == LUA_NOREF || ref == LUA_REFNIL) return 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    if (lua_istable(L, -1) && raw_field(L, -1, "relative") == LUA_TBOOLEAN) v = !lua_toboolean(L, -1);
    lua_settop(L, top);
    return v;
}

int model_method_uses(const model *m, int ref, const char *key)
{
    lua_State *L = m->sb->L;
    int top = lua_gettop(L), v = 1;
    lua_Integer i, n;
    if (ref == LUA_NOREF || ref == LUA_REFNIL) return 1;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    if (lua_istable(L, -1) && raw_field(L, -1, "uses") == LUA_TTABLE) {
        v = 0;
        n = (lua_Integer)lua_rawlen(L, -1);
        for (i = 1; i <= n && !v; i++) {
            if (lua_rawgeti(L, -1, i) == LUA_TSTRING && strcmp(lua_tostring(L, -1), key) == 0) v = 1;
            lua_pop(L, 1);
        }
    }
    lua_settop(L, top);
    return v;
}

int model_method_number(const model *m, int ref, const char *key, mpq_t out)
{
    lua_State *L = m->sb->L;
    int top = lua_gettop(L), ok = 0, approx = 0;
    const char *why = NULL;
    if (ref == LUA_NOREF || ref == LUA_REFNIL) return 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    if (lua_istable(L, -1)) {
        if (raw_field(L, -1, key) == LUA_TNIL && raw_field(L, -2, "params") == LUA_TTABLE)
            raw_field(L, -1, key);
        if (lua_type(L, -1) == LUA_TSTRING) ok = lnum_parse_text(out, lua_tostring(L, -1)) == 0;   /* "200/3" */
        else ok = lnum_get(L, -1, out, &approx, &why);
    }
    lua_settop(L, top);
    return ok;
}

const char *model_method_text(const model *m, int ref, const char *key, const char *lang,
                              char *buf, size_t size)
{
    lua_State *L = m->sb->L;
    int top = lua_gettop(L), t;
    buf[0] = '\0';
    if (ref == LUA_NOREF || ref == LUA_REFNIL) return buf;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    if (lua_istable(L, -1)) {
        t = raw_field(L, -1, key);
        if (t == LUA_TTABLE) t = raw_field(L, -1, lang && strcmp(lang, "en") == 0 ? "en" : "sv");
        if (t == LUA_TSTRING) snprintf(buf, size, "%s", lua_tostring(L, -1));
    }
    lua_settop(L, top);
    return buf;
}

/* }====================================== */
