/*
 * The demo network: a believable, obviously fictional Devon-like network
 * built through the same core checks and store write path as real data,
 * reproducible from a seed. The bench generator uses it at scale.
 */
#ifndef WM_CLI_DEMO_H
#define WM_CLI_DEMO_H

#include <stdint.h>

#include "core/catalogue.h"
#include "core/instrument.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/rng.h"

#define DEMO_SERVICES 14
#define DEMO_PROVIDERS 5
#define DEMO_MAX_PRACTITIONERS 16
#define DEMO_VALIDATORS 6
#define DEMO_STANDARDS_MAX 16
#define DEMO_PLANS 4

/* The demo covers two years to the end of September 2026, and everything
 * is stamped as created the next morning, so one seed gives one database
 * (a goal alone is stamped with the day it was set). */
#define DEMO_CLOCK "2026-10-01T09:00:00Z"

struct demo_opts {
	long people;
	uint64_t seed;
	const char *instruments;	/* folder of instrument files */
	long batch;		/* responses per transaction */
	int quiet;
};

struct demo_inst {
	struct wm_instrument *in;
	int64_t id;
};

/* How a service's people get on, so the network view has something true
 * to find: services whose people recover at different rates, take part in
 * the measures more or less, and set and review goals of their own. */
struct demo_profile {
	double improving;	/* share of people on an improving course */
	double step;		/* their gain per review, on the 0..1 scale */
	double decline;		/* share who choose not to answer the recovery
				 * markers */
	double late;		/* share who answer one review late */
	double goals;		/* share who set goals of their own */
	double reviews;		/* of those, the share who review them */
};

struct demo_service {
	int64_t id;
	const char *code;
	struct demo_profile profile;
	long opened;		/* the day it opened, or 0: before the demo */
	unsigned places;	/* 0, or how many people it can take */
	unsigned people;	/* people on its caseload so far */
	int64_t lead;
	int64_t practitioner[DEMO_MAX_PRACTITIONERS];
	double tips[DEMO_MAX_PRACTITIONERS];	/* each one's practice */
	size_t n_practitioners;
	double maturity[DEMO_STANDARDS_MAX];	/* 0..1 per standard */
	unsigned weight;	/* share of people */
};

struct demo_validator {
	int64_t id;
	const char *group;	/* stakeholder code */
};

struct demo {
	const struct demo_opts *opts;
	struct wm_store *s;
	struct wm_rng rng;
	struct wm_buf err;
	struct wm_date start, end;	/* the two years the demo covers */
	struct demo_inst markers, ssi, erfs, needs, tips;
	struct demo_inst standards;	/* a lead's self-assessment */
	struct demo_inst validation;	/* a validator's ratings */
	struct demo_inst plans[DEMO_PLANS];	/* the plan templates */
	struct wm_catalogue *courses;
	int64_t network;
	struct demo_service service[DEMO_SERVICES];
	struct demo_validator validator[DEMO_VALIDATORS];
	long responses, answers, pending;
	double store_seconds;	/* time spent in the store's write path */
	struct wm_buf sign_ins;	/* printed by `waymark demo` */
};

/* Builds the whole demo into an initialised, empty database. */
int demo_build(struct demo *d, struct wm_store *s,
    const struct demo_opts *opts);
void demo_release(struct demo *d);

/* Loads an instrument file of the demo's folder into the database. */
int demo_load(struct demo *d, const char *file, struct demo_inst *di);

/* demo_plans.c: the demo person's own plans and their supporter. */
#define DEMO_SUPPORTER_EMAIL "supporter@demo.waymark.example"
int demo_plans(struct demo *d);

/* demo_network.c */
int demo_network(struct demo *d);
/* An invented name, "First Surname", into out. */
void demo_fictional_name(struct demo *d, char *out, size_t n);

/* demo_people.c */
int demo_people(struct demo *d);

/* The demo's public sign-ins, one per role, as "sign-in: ROLE EMAIL
 * PASSWORD" lines in `out`; also kept in the database's settings. */
int demo_sign_ins(struct demo *d, struct wm_buf *out);

/* demo_measures.c */
struct wm_response;
int demo_save(struct demo *d, struct wm_response *r, int64_t inst_id,
    int64_t subject_id, int64_t unit_id, int64_t author_id);
void demo_answer_all(struct demo *d, struct wm_response *r, double level,
    double noise, double skip);
int demo_services(struct demo *d);

#endif
