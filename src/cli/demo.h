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

struct demo_service {
	int64_t id;
	const char *code;
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

/* demo_network.c */
int demo_network(struct demo *d);
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
