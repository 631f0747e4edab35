/* Scorecards of the document model: goals, objectives with key results, top posts. */
#include "doc/doc_internal.h"

#include <stddef.h>
#include <string.h>

/* An init function fills the members of the version asked for, no more:
 * a caller built against an older header has a shorter struct. */
#define INIT_FN(fname, type, VERSION, INIT, SIZE, what)                                    \
    int fname(type *p, unsigned version)                                                   \
    {                                                                                      \
        if (p == NULL) return skpi__error(SKPI_EMISUSE, #fname ": " what " is NULL");      \
        if (version < 1 || version > VERSION)                                              \
            return skpi__error(SKPI_EVERSION, #fname ": version %u is unknown (this library knows %d)", \
                               version, VERSION);                                          \
        type init = INIT;                                                                  \
        init.version = version;                                                            \
        memcpy(p, &init, SIZE(version));                                                   \
        return SKPI_OK;                                                                    \
    }

/* The size of the members a version of a struct has. */
static size_t goal_size(unsigned version)
{
    return version >= 3 ? sizeof(skpi_doc_goal)
         : version == 2 ? offsetof(skpi_doc_goal, owner) : offsetof(skpi_doc_goal, projected);
}

static size_t objective_size(unsigned version)
{
    return version >= 2 ? sizeof(skpi_doc_objective) : offsetof(skpi_doc_objective, depth);
}

static size_t key_result_size(unsigned version)
{
    return version >= 2 ? sizeof(skpi_doc_key_result) : offsetof(skpi_doc_key_result, owner);
}

static size_t post_size(unsigned version)
{
    return version >= 2 ? sizeof(skpi_doc_post) : offsetof(skpi_doc_post, published_name);
}

INIT_FN(skpi_doc_goal_init, skpi_doc_goal, SKPI_DOC_GOAL_VERSION, SKPI_DOC_GOAL_INIT, goal_size, "goal")
INIT_FN(skpi_doc_objective_init, skpi_doc_objective, SKPI_DOC_OBJECTIVE_VERSION,
        SKPI_DOC_OBJECTIVE_INIT, objective_size, "objective")
INIT_FN(skpi_doc_key_result_init, skpi_doc_key_result, SKPI_DOC_KEY_RESULT_VERSION,
        SKPI_DOC_KEY_RESULT_INIT, key_result_size, "key_result")
INIT_FN(skpi_doc_post_init, skpi_doc_post, SKPI_DOC_POST_VERSION, SKPI_DOC_POST_INIT, post_size, "post")

/* A block that holds only a caption until its items are added. */
static int add_titled(size_t *out, skpi_doc *doc, int kind, const char *title, const char *fn)
{
    if (doc == NULL) return skpi__error(SKPI_EMISUSE, "%s: doc is NULL", fn);
    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    bool ok = true;
    skpi__block b = { .kind = kind };
    b.title = skpi__arena_optstr(&doc->arena, title, &ok);
    int rc = ok ? skpi__doc_push_block(out, doc, &b) : skpi__nomem();
    if (rc != SKPI_OK) skpi__arena_rollback(&doc->arena, m);
    return rc;
}

static int check_values(const skpi_value *const *v, const char *const *names, size_t n, const char *fn)
{
    for (size_t i = 0; i < n; i++) {
        int rc = skpi__doc_check_value(*v[i], fn, names[i]);
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}

static int required(const char *s, const char *fn, const char *field)
{
    if (s == NULL || s[0] == '\0') return skpi__error(SKPI_EINVAL, "%s: %s is empty", fn, field);
    return SKPI_OK;
}

/* ---- goals ------------------------------------------------------------ */


int skpi_doc_add_goals(size_t *out, skpi_doc *doc, const char *title)
{
    return add_titled(out, doc, SKPI_BLOCK_GOALS, title, "skpi_doc_add_goals");
}

int skpi_doc_goals_add(skpi_doc *doc, size_t block, const skpi_doc_goal *goal)
{
    static const char fn[] = "skpi_doc_goals_add";
    int rc = skpi__doc_check_version(goal, SKPI_DOC_GOAL_VERSION, fn, "goal");
    if (rc != SKPI_OK) return rc;
    skpi__block *b = NULL;
    rc = skpi__doc_block_mut(&b, doc, block, SKPI_BLOCK_GOALS, fn);
    if (rc != SKPI_OK) return rc;
    if ((rc = required(goal->name, fn, "goal.name")) != SKPI_OK) return rc;
    if (goal->status == NULL) return skpi__error(SKPI_EINVAL, "%s: goal.status is empty", fn);
    if ((rc = skpi__doc_check_key(goal->status, fn, "goal.status")) != SKPI_OK) return rc;
    if ((rc = skpi__doc_check_tone(goal->tone, fn)) != SKPI_OK) return rc;
    if ((rc = skpi__doc_check_unit(goal->unit, fn)) != SKPI_OK) return rc;
    skpi_doc_goal g = SKPI_DOC_GOAL_INIT;
    memcpy(&g, goal, goal_size(goal->version));
    const skpi_value *v[] = { &g.current, &g.target, &g.progress, &g.expected, &g.forecast,
                              &g.projected, &g.likelihood };
    const char *names[] = { "goal.current", "goal.target", "goal.progress", "goal.expected",
                            "goal.forecast", "goal.projected", "goal.likelihood" };
    if ((rc = check_values(v, names, 7, fn)) != SKPI_OK) return rc;

    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    bool ok = true;
    g.version = SKPI_DOC_GOAL_VERSION;
    g.name = skpi__arena_strdup(&doc->arena, goal->name);
    g.status = skpi__arena_strdup(&doc->arena, goal->status);
    g.status_label = skpi__arena_optstr(&doc->arena, goal->status_label, &ok);
    g.deadline = skpi__arena_optstr(&doc->arena, goal->deadline, &ok);
    g.note = skpi__arena_optstr(&doc->arena, goal->note, &ok);
    g.caveat = skpi__arena_optstr(&doc->arena, g.caveat, &ok);
    g.owner = skpi__arena_optstr(&doc->arena, g.owner, &ok);
    g.deadline_name = skpi__arena_optstr(&doc->arena, g.deadline_name, &ok);
    g.current = skpi__doc_value(g.current);
    g.target = skpi__doc_value(g.target);
    g.progress = skpi__doc_value(g.progress);
    g.expected = skpi__doc_value(g.expected);
    g.forecast = skpi__doc_value(g.forecast);
    g.projected = skpi__doc_value(g.projected);
    g.likelihood = skpi__doc_value(g.likelihood);
    if (ok && g.status_label == NULL) g.status_label = g.status;
    rc = ok && g.name && g.status ? skpi__doc_reserve(&b->items, &b->cap, b->count, sizeof g)
                                  : skpi__nomem();
    if (rc != SKPI_OK) { skpi__arena_rollback(&doc->arena, m); return rc; }
    ((skpi_doc_goal *)b->items)[b->count++] = g;
    return SKPI_OK;
}

int skpi_doc_goal_get(skpi_doc_goal *out, const skpi_doc *doc, size_t block, size_t goal)
{
    static const char fn[] = "skpi_doc_goal_get";
    int rc = skpi__doc_check_version(out, SKPI_DOC_GOAL_VERSION, fn, "out");
    if (rc != SKPI_OK) return rc;
    const skpi__block *b = NULL;
    if ((rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_GOALS, fn)) != SKPI_OK) return rc;
    if (goal >= b->count)
        return skpi__error(SKPI_ERANGE, "%s: goal %zu does not exist (block %zu has %zu)",
                           fn, goal, block, b->count);
    unsigned version = out->version;
    memcpy(out, (const skpi_doc_goal *)b->items + goal, goal_size(version));
    out->version = version;
    return SKPI_OK;
}

/* ---- objectives and key results ---------------------------------------- */

int skpi_doc_add_objectives(size_t *out, skpi_doc *doc, const char *title)
{
    return add_titled(out, doc, SKPI_BLOCK_OBJECTIVES, title, "skpi_doc_add_objectives");
}

int skpi_doc_objectives_add(size_t *out, skpi_doc *doc, size_t block, const skpi_doc_objective *objective)
{
    static const char fn[] = "skpi_doc_objectives_add";
    const skpi_doc_objective *o = objective;
    int rc = skpi__doc_check_version(o, SKPI_DOC_OBJECTIVE_VERSION, fn, "objective");
    if (rc != SKPI_OK) return rc;
    skpi__block *b = NULL;
    rc = skpi__doc_block_mut(&b, doc, block, SKPI_BLOCK_OBJECTIVES, fn);
    if (rc != SKPI_OK) return rc;
    if ((rc = required(o->title, fn, "objective.title")) != SKPI_OK) return rc;
    if (o->aspirational != 0 && o->aspirational != 1)
        return skpi__error(SKPI_EINVAL, "%s: objective.aspirational must be 0 or 1", fn);
    if (o->band != NULL && (rc = skpi__doc_check_key(o->band, fn, "objective.band")) != SKPI_OK) return rc;
    if ((rc = skpi__doc_check_tone(o->tone, fn)) != SKPI_OK) return rc;
    const skpi_value *v[] = { &o->score, &o->score_rounded };
    const char *names[] = { "objective.score", "objective.score_rounded" };
    if ((rc = check_values(v, names, 2, fn)) != SKPI_OK) return rc;
    if (o->version >= 2 && o->depth > 8)
        return skpi__error(SKPI_EINVAL, "%s: objective.depth must be 0 to 8, found %u", fn, o->depth);
    if (o->version >= 2 && o->depth > 8)
        return skpi__error(SKPI_EINVAL, "%s: objective.depth must be 0 to 8, found %u", fn, o->depth);

    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    bool ok = true;
    skpi__objective obj = { .o = SKPI_DOC_OBJECTIVE_INIT };
    memcpy(&obj.o, o, objective_size(o->version));
    obj.o.version = SKPI_DOC_OBJECTIVE_VERSION;
    obj.o.title = skpi__arena_strdup(&doc->arena, o->title);
    obj.o.owner = skpi__arena_optstr(&doc->arena, o->owner, &ok);
    obj.o.band = skpi__arena_optstr(&doc->arena, o->band, &ok);
    obj.o.band_label = skpi__arena_optstr(&doc->arena, o->band_label, &ok);
    obj.o.interpretation = skpi__arena_optstr(&doc->arena, o->interpretation, &ok);
    obj.o.score = skpi__doc_value(o->score);
    obj.o.score_rounded = skpi__doc_value(o->score_rounded);
    if (ok && obj.o.band_label == NULL) obj.o.band_label = obj.o.band;
    rc = ok && obj.o.title ? skpi__doc_reserve(&b->items, &b->cap, b->count, sizeof obj) : skpi__nomem();
    if (rc != SKPI_OK) { skpi__arena_rollback(&doc->arena, m); return rc; }
    ((skpi__objective *)b->items)[b->count] = obj;
    if (out) *out = b->count;
    b->count++;
    return SKPI_OK;
}

static int objective_at(skpi__objective **out, const skpi_doc *doc, size_t block, size_t objective,
                        const char *fn)
{
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_OBJECTIVES, fn);
    if (rc != SKPI_OK) return rc;
    if (objective >= b->count)
        return skpi__error(SKPI_ERANGE, "%s: objective %zu does not exist (block %zu has %zu)",
                           fn, objective, block, b->count);
    *out = (skpi__objective *)b->items + objective;
    return SKPI_OK;
}

int skpi_doc_objective_add_key_result(skpi_doc *doc, size_t block, size_t objective,
                                      const skpi_doc_key_result *key_result)
{
    static const char fn[] = "skpi_doc_objective_add_key_result";
    const skpi_doc_key_result *k = key_result;
    int rc = skpi__doc_check_version(k, SKPI_DOC_KEY_RESULT_VERSION, fn, "key_result");
    if (rc != SKPI_OK) return rc;
    skpi__objective *obj = NULL;
    if ((rc = objective_at(&obj, doc, block, objective, fn)) != SKPI_OK) return rc;
    if ((rc = required(k->title, fn, "key_result.title")) != SKPI_OK) return rc;
    if ((rc = skpi__doc_check_unit(k->unit, fn)) != SKPI_OK) return rc;
    if ((rc = skpi__doc_check_tone(k->tone, fn)) != SKPI_OK) return rc;
    const skpi_value *v[] = { &k->start, &k->current, &k->target, &k->score };
    const char *names[] = { "key_result.start", "key_result.current", "key_result.target",
                            "key_result.score" };
    if ((rc = check_values(v, names, 4, fn)) != SKPI_OK) return rc;

    skpi_doc *d = doc;
    skpi__arena_mark m = skpi__arena_mark_get(&d->arena);
    bool ok = true;
    skpi_doc_key_result kr = SKPI_DOC_KEY_RESULT_INIT;
    memcpy(&kr, k, key_result_size(k->version));
    kr.version = SKPI_DOC_KEY_RESULT_VERSION;
    kr.title = skpi__arena_strdup(&d->arena, k->title);
    kr.note = skpi__arena_optstr(&d->arena, k->note, &ok);
    kr.owner = skpi__arena_optstr(&d->arena, kr.owner, &ok);
    kr.start = skpi__doc_value(k->start);
    kr.current = skpi__doc_value(k->current);
    kr.target = skpi__doc_value(k->target);
    kr.score = skpi__doc_value(k->score);
    void *items = obj->krs;
    rc = ok && kr.title ? skpi__doc_reserve(&items, &obj->cap, obj->count, sizeof kr) : skpi__nomem();
    obj->krs = items;
    if (rc != SKPI_OK) { skpi__arena_rollback(&d->arena, m); return rc; }
    obj->krs[obj->count++] = kr;
    return SKPI_OK;
}

int skpi_doc_objective_get(skpi_doc_objective *out, size_t *key_results, const skpi_doc *doc,
                       size_t block, size_t objective)
{
    static const char fn[] = "skpi_doc_objective_get";
    if (out != NULL) {
        int rc = skpi__doc_check_version(out, SKPI_DOC_OBJECTIVE_VERSION, fn, "out");
        if (rc != SKPI_OK) return rc;
    }
    skpi__objective *obj = NULL;
    int rc = objective_at(&obj, doc, block, objective, fn);
    if (rc != SKPI_OK) return rc;
    if (out) {
        unsigned version = out->version;
        memcpy(out, &obj->o, objective_size(version));
        out->version = version;
    }
    if (key_results) *key_results = obj->count;
    return SKPI_OK;
}

int skpi_doc_key_result_get(skpi_doc_key_result *out, const skpi_doc *doc, size_t block,
                        size_t objective, size_t key_result)
{
    static const char fn[] = "skpi_doc_key_result_get";
    int rc = skpi__doc_check_version(out, SKPI_DOC_KEY_RESULT_VERSION, fn, "out");
    if (rc != SKPI_OK) return rc;
    skpi__objective *obj = NULL;
    if ((rc = objective_at(&obj, doc, block, objective, fn)) != SKPI_OK) return rc;
    if (key_result >= obj->count)
        return skpi__error(SKPI_ERANGE, "%s: key result %zu does not exist (objective %zu has %zu)",
                           fn, key_result, objective, obj->count);
    unsigned version = out->version;
    memcpy(out, &obj->krs[key_result], key_result_size(version));
    out->version = version;
    return SKPI_OK;
}

/* ---- top posts --------------------------------------------------------- */

int skpi_doc_add_posts(size_t *out, skpi_doc *doc, const char *title)
{
    return add_titled(out, doc, SKPI_BLOCK_POSTS, title, "skpi_doc_add_posts");
}

int skpi_doc_posts_add(skpi_doc *doc, size_t block, const skpi_doc_post *post)
{
    static const char fn[] = "skpi_doc_posts_add";
    int rc = skpi__doc_check_version(post, SKPI_DOC_POST_VERSION, fn, "post");
    if (rc != SKPI_OK) return rc;
    skpi__block *b = NULL;
    rc = skpi__doc_block_mut(&b, doc, block, SKPI_BLOCK_POSTS, fn);
    if (rc != SKPI_OK) return rc;
    if ((rc = required(post->channel, fn, "post.channel")) != SKPI_OK) return rc;
    if ((rc = required(post->metric, fn, "post.metric")) != SKPI_OK) return rc;
    if ((rc = skpi__doc_check_unit(post->unit, fn)) != SKPI_OK) return rc;
    const skpi_value *v[] = { &post->value, &post->ratio };
    const char *names[] = { "post.value", "post.ratio" };
    if ((rc = check_values(v, names, 2, fn)) != SKPI_OK) return rc;

    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    bool ok = true;
    skpi_doc_post p = SKPI_DOC_POST_INIT;
    memcpy(&p, post, post_size(post->version));
    p.version = SKPI_DOC_POST_VERSION;
    p.channel = skpi__arena_strdup(&doc->arena, post->channel);
    p.metric = skpi__arena_strdup(&doc->arena, post->metric);
    p.published = skpi__arena_optstr(&doc->arena, post->published, &ok);
    p.text = skpi__arena_optstr(&doc->arena, post->text, &ok);
    p.url = skpi__arena_optstr(&doc->arena, post->url, &ok);
    p.published_name = skpi__arena_optstr(&doc->arena, p.published_name, &ok);
    p.value = skpi__doc_value(post->value);
    p.ratio = skpi__doc_value(post->ratio);
    rc = ok && p.channel && p.metric ? skpi__doc_reserve(&b->items, &b->cap, b->count, sizeof p)
                                     : skpi__nomem();
    if (rc != SKPI_OK) { skpi__arena_rollback(&doc->arena, m); return rc; }
    ((skpi_doc_post *)b->items)[b->count++] = p;
    return SKPI_OK;
}

int skpi_doc_post_get(skpi_doc_post *out, const skpi_doc *doc, size_t block, size_t post)
{
    static const char fn[] = "skpi_doc_post_get";
    int rc = skpi__doc_check_version(out, SKPI_DOC_POST_VERSION, fn, "out");
    if (rc != SKPI_OK) return rc;
    const skpi__block *b = NULL;
    if ((rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_POSTS, fn)) != SKPI_OK) return rc;
    if (post >= b->count)
        return skpi__error(SKPI_ERANGE, "%s: post %zu does not exist (block %zu has %zu)",
                           fn, post, block, b->count);
    unsigned version = out->version;
    memcpy(out, (const skpi_doc_post *)b->items + post, post_size(version));
    out->version = version;
    return SKPI_OK;
}
