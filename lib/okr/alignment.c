/* Alignment: objectives linked under parents, without cycles and within a depth limit. */
#include "okr/okr_internal.h"

#include <math.h>
#include <string.h>

/* Levels from the root down to obj, obj included. */
static size_t depth_of(const skpi_objective *obj)
{
    size_t d = 0;
    for (; obj != NULL; obj = obj->parent) d++;
    return d;
}

/* Levels of the tree under obj, obj included. The trees are never deeper
 * than the limit, so the recursion is bounded. */
static size_t height_of(const skpi_objective *obj)
{
    size_t h = 0;
    for (size_t i = 0; i < obj->nchild; i++) {
        size_t c = height_of(obj->children[i]);
        if (c > h) h = c;
    }
    return h + 1;
}

static void remove_child(skpi_objective *parent, const skpi_objective *child)
{
    for (size_t i = 0; i < parent->nchild; i++) {
        if (parent->children[i] == child) {
            memmove(&parent->children[i], &parent->children[i + 1],
                    (parent->nchild - i - 1) * sizeof parent->children[0]);
            parent->nchild--;
            return;
        }
    }
}

void skpi__objective_unlink(skpi_objective *obj)
{
    if (obj->parent != NULL) remove_child(obj->parent, obj);
    obj->parent = NULL;
    obj->align_weight = NAN;
    for (size_t i = 0; i < obj->nchild; i++) {
        obj->children[i]->parent = NULL;
        obj->children[i]->align_weight = NAN;
    }
    obj->nchild = 0;
}

int skpi_objective_set_parent(skpi_objective *child, skpi_objective *parent, double weight)
{
    if (child == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_set_parent: child is NULL");
    if (parent == NULL) {
        if (child->parent != NULL) remove_child(child->parent, child);
        child->parent = NULL;
        child->align_weight = NAN;
        return SKPI_OK;
    }
    if (!isfinite(weight))
        return skpi__error(SKPI_EINVAL, "aligning \"%s\" under \"%s\": the weight must be a finite "
                           "number", child->title, parent->title);
    if (weight < 0.0 || weight > SKPI__OKR_MAX_WEIGHT)
        return skpi__error(SKPI_ERANGE, "aligning \"%s\" under \"%s\": the weight %g is outside 0 "
                           "to 1e6", child->title, parent->title, weight);
    if (parent == child)
        return skpi__error(SKPI_EINVAL, "objective \"%s\" cannot be aligned under itself",
                           child->title);
    for (const skpi_objective *a = parent->parent; a != NULL; a = a->parent)
        if (a == child)
            return skpi__error(SKPI_EINVAL, "aligning \"%s\" under \"%s\" would make a cycle: "
                               "\"%s\" is already aligned, directly or not, under \"%s\"",
                               child->title, parent->title, parent->title, child->title);
    if (child->parent == parent) {
        child->align_weight = weight;
        return SKPI_OK;
    }
    size_t depth = depth_of(parent) + height_of(child);
    if (depth > SKPI__OKR_MAX_DEPTH)
        return skpi__error(SKPI_ERANGE, "aligning \"%s\" under \"%s\" would make a tree of %zu "
                           "levels; at most %d are allowed", child->title, parent->title,
                           depth, SKPI__OKR_MAX_DEPTH);
    if (parent->nchild == parent->capchild) {
        size_t cap = parent->capchild ? parent->capchild * 2 : 4;
        skpi_objective **grown = skpi__reallocarray(parent->children, cap, sizeof *grown);
        if (grown == NULL) return skpi__nomem();
        parent->children = grown;
        parent->capchild = cap;
    }
    if (child->parent != NULL) remove_child(child->parent, child);
    parent->children[parent->nchild++] = child;
    child->parent = parent;
    child->align_weight = weight;
    return SKPI_OK;
}

skpi_objective *skpi_objective_parent(const skpi_objective *obj)
{
    return obj != NULL ? obj->parent : NULL;
}

double skpi_objective_alignment_weight(const skpi_objective *obj)
{
    return obj != NULL ? obj->align_weight : NAN;
}

size_t skpi_objective_child_count(const skpi_objective *obj)
{
    return obj != NULL ? obj->nchild : 0;
}

skpi_objective *skpi_objective_child(const skpi_objective *obj, size_t index)
{
    if (obj == NULL || index >= obj->nchild) return NULL;
    return obj->children[index];
}
