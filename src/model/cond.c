/* cond.c - parser and evaluator of routing conditions (model/cond.h).
 *
 * Rules:
 *  1. A comparison with an unanswered variable (NAN) is false, whatever the
 *     operator; `answered(x)` is the way to test for an answer.
 *  2. An attribute (situation, sector, governance) whose value is unknown
 *     (-1) makes its comparison false.
 *  3. Attributes compare with == != and `in` only, against vocabulary codes;
 *     variables compare with all six operators and `in`, against numbers.
 *  4. Text variables can only be tested with answered().
 */
#include "model/cond.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/text.h"

enum node_kind { N_OR, N_AND, N_NOT, N_CMP, N_IN, N_ANSWERED };
enum cmp_op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

#define COND_MAX_LIST 64

struct cond {
    enum node_kind kind;
    cond *left, *right;         /* N_OR, N_AND; N_NOT uses left */
    bool is_attr;               /* operand is an attribute, not a variable */
    long index;                 /* attribute or variable index */
    enum cmp_op op;
    size_t nlist;               /* N_IN; N_CMP uses list[0] */
    double list[COND_MAX_LIST];
};

enum tok_kind { T_END, T_NAME, T_NUMBER, T_OP, T_LPAREN, T_RPAREN, T_LBRACK, T_RBRACK, T_COMMA };

typedef struct parser {
    arena *a;
    const cond_env *env;
    const char *src;
    size_t pos;         /* start of the current token */
    size_t next;        /* just past it */
    enum tok_kind tok;
    char text[128];     /* the current token's text */
    enum cmp_op op;
    int depth;
    char *err;
    size_t errcap;
    size_t errpos;
    bool failed;
} parser;

static void fail(parser *p, size_t at, const char *fmt, const char *arg)
{
    if (p->failed)
        return;
    p->failed = true;
    p->errpos = at;
    snprintf(p->err, p->errcap, fmt, arg);
}

static void advance(parser *p)
{
    const char *s = p->src;
    size_t i = p->next;
    while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
        i++;
    p->pos = i;
    p->text[0] = '\0';
    char c = s[i];
    if (c == '\0') {
        p->tok = T_END;
        p->next = i;
        return;
    }
    if (isalpha((unsigned char)c) || c == '_') {
        size_t j = i;
        while (isalnum((unsigned char)s[j]) || s[j] == '_')
            j++;
        if (j - i >= sizeof p->text) {
            fail(p, i, "name too long%s", "");
            j = i + sizeof p->text - 1;
        }
        memcpy(p->text, s + i, j - i);
        p->text[j - i] = '\0';
        p->tok = T_NAME;
        p->next = j;
        return;
    }
    if (isdigit((unsigned char)c) || (c == '-' && isdigit((unsigned char)s[i + 1]))) {
        size_t j = i + 1;
        while (isdigit((unsigned char)s[j]) || s[j] == '.')
            j++;
        if (j - i >= sizeof p->text)
            j = i + sizeof p->text - 1;
        memcpy(p->text, s + i, j - i);
        p->text[j - i] = '\0';
        p->tok = T_NUMBER;
        p->next = j;
        return;
    }
    static const struct {
        const char *text;
        enum cmp_op op;
    } ops[] = {{"==", OP_EQ}, {"!=", OP_NE}, {"<=", OP_LE}, {">=", OP_GE}, {"<", OP_LT}, {">", OP_GT}};
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        size_t n = strlen(ops[k].text);
        if (strncmp(s + i, ops[k].text, n) == 0) {
            p->tok = T_OP;
            p->op = ops[k].op;
            memcpy(p->text, ops[k].text, n + 1);
            p->next = i + n;
            return;
        }
    }
    p->next = i + 1;
    p->text[0] = c;
    p->text[1] = '\0';
    switch (c) {
    case '(': p->tok = T_LPAREN; return;
    case ')': p->tok = T_RPAREN; return;
    case '[': p->tok = T_LBRACK; return;
    case ']': p->tok = T_RBRACK; return;
    case ',': p->tok = T_COMMA; return;
    default:
        fail(p, i, "unexpected character '%s'", p->text);
        p->tok = T_END;
    }
}

static bool is_keyword(const parser *p, const char *kw)
{
    return p->tok == T_NAME && strcmp(p->text, kw) == 0;
}

static cond *new_node(parser *p, enum node_kind kind)
{
    cond *c = arena_alloc(p->a, sizeof *c);
    if (c == NULL)
        fail(p, p->pos, "out of memory%s", "");
    else
        c->kind = kind;
    return c;
}

static cond *parse_or(parser *p);

/* Parses one value for operand c (a vocabulary code or a number). */
static bool parse_value(parser *p, const cond *c, double *out)
{
    if (c->is_attr) {
        if (p->tok != T_NAME) {
            fail(p, p->pos, "expected a %s code", samen_attr_name((samen_attr)c->index));
            return false;
        }
        int v = samen_vocab_lookup((samen_attr)c->index, p->text);
        if (v < 0) {
            char msg[200];
            snprintf(msg, sizeof msg, "'%s' is not a %s", p->text,
                     samen_attr_name((samen_attr)c->index));
            fail(p, p->pos, "%s", msg);
            return false;
        }
        *out = v;
    } else {
        if (p->tok != T_NUMBER || !text_parse_double(p->text, out)) {
            fail(p, p->pos, "expected a number, found '%s'", p->tok == T_END ? "end" : p->text);
            return false;
        }
    }
    advance(p);
    return true;
}

static cond *parse_primary(parser *p)
{
    if (p->failed)
        return NULL;
    if (p->tok == T_LPAREN) {
        advance(p);
        cond *c = parse_or(p);
        if (p->tok != T_RPAREN)
            fail(p, p->pos, "expected ')'%s", "");
        advance(p);
        return c;
    }
    if (p->tok != T_NAME) {
        fail(p, p->pos, "expected a name, found '%s'", p->tok == T_END ? "end" : p->text);
        return NULL;
    }
    if (is_keyword(p, "answered")) {
        advance(p);
        if (p->tok != T_LPAREN) {
            fail(p, p->pos, "expected '(' after answered%s", "");
            return NULL;
        }
        advance(p);
        long v = p->tok == T_NAME ? p->env->lookup_var(p->env->ctx, p->text) : -1;
        if (v < 0) {
            fail(p, p->pos, "'%s' is not a variable of this instrument", p->text);
            return NULL;
        }
        advance(p);
        if (p->tok != T_RPAREN) {
            fail(p, p->pos, "expected ')'%s", "");
            return NULL;
        }
        advance(p);
        cond *c = new_node(p, N_ANSWERED);
        if (c != NULL)
            c->index = v;
        return c;
    }
    cond *c = new_node(p, N_CMP);
    if (c == NULL)
        return NULL;
    size_t name_pos = p->pos;
    int attr = samen_attr_lookup(p->text);
    if (attr >= 0) {
        c->is_attr = true;
        c->index = attr;
    } else {
        c->index = p->env->lookup_var(p->env->ctx, p->text);
        if (c->index < 0) {
            fail(p, name_pos, "undefined variable '%s'", p->text);
            return NULL;
        }
        if (p->env->var_is_text(p->env->ctx, c->index)) {
            char msg[300];
            snprintf(msg, sizeof msg, "'%s' is a text variable; use answered(%s)", p->text,
                     p->text);
            fail(p, name_pos, "%s", msg);
            return NULL;
        }
    }
    advance(p);
    if (is_keyword(p, "in")) {
        c->kind = N_IN;
        advance(p);
        if (p->tok != T_LBRACK) {
            fail(p, p->pos, "expected '[' after in%s", "");
            return NULL;
        }
        advance(p);
        for (;;) {
            if (c->nlist >= COND_MAX_LIST) {
                fail(p, p->pos, "too many values in a list%s", "");
                return NULL;
            }
            if (!parse_value(p, c, &c->list[c->nlist]))
                return NULL;
            c->nlist++;
            if (p->tok == T_COMMA) {
                advance(p);
                continue;
            }
            if (p->tok == T_RBRACK)
                break;
            fail(p, p->pos, "expected ',' or ']'%s", "");
            return NULL;
        }
        advance(p);
        return c;
    }
    if (p->tok != T_OP) {
        fail(p, p->pos, "expected a comparison (==, !=, <, <=, >, >=, in) after '%s'",
             c->is_attr ? samen_attr_name((samen_attr)c->index) : "the variable");
        return NULL;
    }
    c->op = p->op;
    if (c->is_attr && c->op != OP_EQ && c->op != OP_NE) {
        fail(p, p->pos, "'%s' can only be compared with == or !=",
             samen_attr_name((samen_attr)c->index));
        return NULL;
    }
    advance(p);
    if (!parse_value(p, c, &c->list[0]))
        return NULL;
    c->nlist = 1;
    return c;
}

static cond *parse_unary(parser *p)
{
    if (is_keyword(p, "not")) {
        if (++p->depth > COND_MAX_DEPTH) {
            fail(p, p->pos, "condition nested too deeply%s", "");
            return NULL;
        }
        advance(p);
        cond *c = new_node(p, N_NOT);
        cond *inner = parse_unary(p);
        p->depth--;
        if (c != NULL)
            c->left = inner;
        return p->failed ? NULL : c;
    }
    return parse_primary(p);
}

static cond *parse_and(parser *p)
{
    cond *left = parse_unary(p);
    while (!p->failed && is_keyword(p, "and")) {
        advance(p);
        cond *c = new_node(p, N_AND);
        cond *right = parse_unary(p);
        if (c == NULL || p->failed)
            return NULL;
        c->left = left;
        c->right = right;
        left = c;
    }
    return p->failed ? NULL : left;
}

static cond *parse_or(parser *p)
{
    if (++p->depth > COND_MAX_DEPTH) {
        fail(p, p->pos, "condition nested too deeply%s", "");
        return NULL;
    }
    cond *left = parse_and(p);
    while (!p->failed && is_keyword(p, "or")) {
        advance(p);
        cond *c = new_node(p, N_OR);
        cond *right = parse_and(p);
        if (c == NULL || p->failed)
            return NULL;
        c->left = left;
        c->right = right;
        left = c;
    }
    p->depth--;
    return p->failed ? NULL : left;
}

samen_status cond_parse(arena *a, const char *src, const cond_env *env, cond **out, char *err,
                        size_t errcap, size_t *errpos)
{
    parser p = {.a = a, .env = env, .src = src, .err = err, .errcap = errcap};
    if (strlen(src) > COND_MAX_LENGTH) {
        snprintf(err, errcap, "condition longer than %d characters", COND_MAX_LENGTH);
        *errpos = 0;
        return SAMEN_EPARSE;
    }
    advance(&p);
    if (p.tok == T_END && !p.failed)
        fail(&p, 0, "empty condition%s", "");
    cond *c = p.failed ? NULL : parse_or(&p);
    if (!p.failed && p.tok != T_END)
        fail(&p, p.pos, "unexpected '%s' after the condition", p.text);
    if (p.failed || c == NULL) {
        *errpos = p.errpos;
        return SAMEN_EPARSE;
    }
    *out = c;
    return SAMEN_OK;
}

static bool compare(double v, enum cmp_op op, double w)
{
    switch (op) {
    case OP_EQ: return v == w;
    case OP_NE: return v != w;
    case OP_LT: return v < w;
    case OP_LE: return v <= w;
    case OP_GT: return v > w;
    case OP_GE: return v >= w;
    }
    return false;
}

bool cond_eval(const cond *c, const int *attr, const double *values)
{
    switch (c->kind) {
    case N_OR:
        return cond_eval(c->left, attr, values) || cond_eval(c->right, attr, values);
    case N_AND:
        return cond_eval(c->left, attr, values) && cond_eval(c->right, attr, values);
    case N_NOT:
        return !cond_eval(c->left, attr, values);
    case N_ANSWERED:
        return !isnan(values[c->index]);
    case N_CMP:
    case N_IN: {
        double v;
        if (c->is_attr) {
            if (attr[c->index] < 0)
                return false; /* rule 2 */
            v = attr[c->index];
        } else {
            v = values[c->index];
            if (isnan(v))
                return false; /* rule 1 */
        }
        if (c->kind == N_CMP)
            return compare(v, c->op, c->list[0]);
        for (size_t i = 0; i < c->nlist; i++)
            if (v == c->list[i])
                return true;
        return false;
    }
    }
    return false;
}

static void collect(const cond *c, long *out, size_t cap, size_t *n)
{
    if (c == NULL)
        return;
    if ((c->kind == N_CMP || c->kind == N_IN) && c->is_attr)
        return;
    if (c->kind == N_CMP || c->kind == N_IN || c->kind == N_ANSWERED) {
        if (*n < cap)
            out[*n] = c->index;
        (*n)++;
        return;
    }
    collect(c->left, out, cap, n);
    collect(c->right, out, cap, n);
}

size_t cond_var_refs(const cond *c, long *out, size_t cap)
{
    size_t n = 0;
    collect(c, out, cap, &n);
    return n;
}
