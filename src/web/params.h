/*
 * What each route's parameters may hold. A path parameter's kind comes
 * from its name in the route table ({person} is a person's identifier,
 * {code} a unit's code, {id}, {invitation}, {plan}, {share} and
 * {version} numbers, {period} a date,
 * {file} a built-in asset's name), checked once before anything is looked
 * up: a value of the wrong kind names nothing that exists, so the answer
 * is the same "not found". A route also declares the query parameters it
 * reads; any other is dropped (wm_http_query answers NULL for it).
 * Pure functions over the match and the declaration.
 */
#ifndef WM_WEB_PARAMS_H
#define WM_WEB_PARAMS_H

#include <stdint.h>

#include "web/route.h"

/* 0 if every parameter of the match holds a value of its kind; -1 if
 * any does not, or has a name with no declared kind. */
int wm_params_check(const struct wm_route_match *m);

/* 1 if every {name} in the pattern has a declared kind (a route whose
 * parameters are not declared fails the build's tests). */
int wm_params_declared(const char *pattern);

/* The number in parameter `name`, checked by wm_params_check; 0 if the
 * route has no such parameter. */
int64_t wm_route_number(const struct wm_route_match *m, const char *name);

/* The record's number in a query parameter's value `v` (as a path's
 * {id}: 1 to 10^18 - 1, digits alone); 0 when v is NULL or not one. */
int64_t wm_query_number(const char *v);

/* 1 if `name` is one of the space-separated names in `declared` (NULL
 * declares none). */
int wm_query_declared(const char *declared, const char *name);

#endif
