/*
 * What needs doing, on home, for each kind of work an account does: a
 * practitioner's people whose measures are overdue or fall due within a
 * week; a lead's self-assessment this period, the queries awaiting an
 * answer and how many validators have rated; a validator's invitations
 * waiting. Each writes nothing for an account without that work, and
 * returns 0, or -1 with the store's failure answered.
 */
#ifndef WM_WEB_HOME_TODO_H
#define WM_WEB_HOME_TODO_H

#include "web/http.h"

/* The most people the practitioner's list shows; the rest are counted. */
#define WM_HOME_DUE_SHOWN 20

int wm_home_practitioner(struct wm_http *h);
int wm_home_lead(struct wm_http *h);
int wm_home_validator(struct wm_http *h);

#endif
