/*
 * Instruments: the measures, self-assessments and reflections Waymark asks
 * people to answer, read from FHIR R4 Questionnaire files (see
 * docs/instruments.md). A parsed instrument owns all its memory through
 * its arena; wm_instrument_free() releases everything.
 */
#ifndef WM_CORE_INSTRUMENT_H
#define WM_CORE_INSTRUMENT_H

#include <stddef.h>

#include "util/arena.h"
#include "util/date.h"
#include "util/diag.h"

#define WM_INSTRUMENT_MAX_BYTES ((size_t)4 << 20)
#define WM_INSTRUMENT_MAX_ITEMS 2000
#define WM_EXT_BASE "https://waymark.example/fhir/StructureDefinition/"
#define WM_FAMILY_SYSTEM "https://waymark.example/fhir/CodeSystem/measure-family"
#define WM_FHIR_ORDINAL "http://hl7.org/fhir/StructureDefinition/ordinalValue"
/* How a choice's options are laid out: "horizontal" (side by side, for
 * short options asked often) or "vertical" (the default). */
#define WM_FHIR_CHOICE_ORIENTATION \
	"http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation"

enum wm_item_type {
	WM_ITEM_GROUP,
	WM_ITEM_DISPLAY,
	WM_ITEM_CHOICE,
	WM_ITEM_STRING,
	WM_ITEM_TEXT,
	WM_ITEM_INTEGER,
	WM_ITEM_DATE,
	WM_ITEM_BOOLEAN,
};

/* What a response is about. Bit flags so an instrument can allow several. */
enum wm_subject {
	WM_SUBJECT_PERSON = 1,	/* FHIR Patient: a person using services */
	WM_SUBJECT_SERVICE = 2,	/* FHIR Organization: a service (unit) */
	WM_SUBJECT_STAFF = 4,	/* FHIR Practitioner: a staff member */
};

/* Who answered. Reports keep these apart; never mixed silently. */
enum wm_respondent {
	WM_RESPONDENT_PERSON = 1,
	WM_RESPONDENT_WITH_PRACTITIONER = 2,
	WM_RESPONDENT_STAFF = 4,
	WM_RESPONDENT_LEAD = 8,
	WM_RESPONDENT_VALIDATOR = 16,
};

/* What an instrument is for: a measure is answered and scored; a plan
 * is a person's own document (docs/instruments.md, "Plan templates"),
 * never scored, kept in versions and seen only by whom they choose. */
enum wm_instrument_kind {
	WM_KIND_MEASURE,
	WM_KIND_PLAN,
};

/* What a plan's display item shows in its place, filled in when the
 * plan is drawn: the person's own goals, or the network's list of
 * services to contact day or night. */
enum wm_item_shows {
	WM_SHOWS_NOTHING,
	WM_SHOWS_GOALS,
	WM_SHOWS_CRISIS_CONTACTS,
};

/* At most this many entries in a repeating answer (a plan's list). */
#define WM_REPEATS_MAX 30

enum wm_scale_method {
	WM_SCALE_MEAN,
	WM_SCALE_SUM,
};

struct wm_option {
	const char *system;	/* may be NULL */
	const char *code;
	const char *display;
	int scored;		/* has an ordinal value */
	double value;
};

/* FHIR enableWhen operators (docs/instruments.md, "Questions asked only
 * sometimes"). The ordering ones compare integer and date questions. */
enum wm_enable_op {
	WM_OP_EXISTS,
	WM_OP_EQ,
	WM_OP_NE,
	WM_OP_GT,
	WM_OP_LT,
	WM_OP_GE,
	WM_OP_LE,
};

/* One condition: the answer to an earlier question compared with a value
 * of that question's own type. */
struct wm_enable_when {
	size_t question;	/* index of an earlier item that takes answers */
	enum wm_enable_op op;
	int flag;		/* exists, boolean: 1 true, 0 false */
	int option;		/* choice: index into the question's options */
	const char *text;	/* string and text questions */
	long long integer;	/* integer questions */
	struct wm_date date;	/* date questions */
};

struct wm_item {
	const char *link_id;
	const char *prefix;	/* a short name ("Standard 3"), or NULL */
	const char *text;	/* may be NULL for a group */
	enum wm_item_type type;
	int required;
	int parent;		/* index of the enclosing group, or -1 */
	int depth;
	struct wm_option *options;
	size_t n_options;
	size_t n_scored;
	double min, max;	/* of the scored options' values */
	struct wm_enable_when *enable_when;	/* asked only when these hold */
	size_t n_enable_when;
	int enable_any;		/* enableBehavior any (else all) */
	int horizontal;		/* a choice's options side by side */
	int repeats;		/* a plan's list: a string answered by up to
				 * WM_REPEATS_MAX lines, each its own
				 * FHIR answer, held as one text with a
				 * new line between entries */
	enum wm_item_shows shows;	/* display items of plans */
	const char *linked_plan;	/* a display item of a plan that leads
					 * to the person's plan of this
					 * family, or NULL */
	int on_card;		/* printed on the plan's wallet-size card */
};

struct wm_scale {
	const char *code;
	const char *title;
	enum wm_scale_method method;
	int min_answered_percent;
	size_t *items;		/* indices into the instrument's items */
	int *reversed;		/* parallel to items: 1 if reversed */
	size_t n_items;
	/* Optional statistics for reliable change and recovery, each
	 * from a published source (docs/instruments.md). */
	int has_reliability;	/* reliability and sd given */
	double reliability, sd;
	int has_cutoff;
	double cutoff;
	int higher_is_better;	/* 1 unless better = lower */
	const char *statistics_source;	/* NULL when none given */
};

struct wm_instrument {
	struct wm_arena arena;
	const char *url;
	const char *version;
	const char *name;
	const char *title;
	const char *status;
	const char *publisher;
	const char *description;
	const char *purpose;	/* the source and its authors */
	const char *copyright;	/* copyright and licence */
	const char *family;	/* Questionnaire.code in WM_FAMILY_SYSTEM, or NULL */
	enum wm_instrument_kind kind;
	int crisis_access;	/* a plan the person may let their service
				 * open in a crisis */
	unsigned subjects;	/* enum wm_subject bits */
	unsigned respondents;	/* enum wm_respondent bits */
	struct wm_item *items;	/* depth-first, in file order */
	size_t n_items;
	struct wm_scale *scales;
	size_t n_scales;
};

/*
 * Parses and checks one Questionnaire. Every problem found is added to
 * `diags` with its place (line and column for JSON syntax; the item or
 * field otherwise). Returns 0 and sets *out only when there were none.
 */
int wm_instrument_parse(const char *text, size_t len,
    struct wm_instrument **out, struct wm_diags *diags);

void wm_instrument_free(struct wm_instrument *in);

/* The index of the item with this linkId, or -1. */
int wm_instrument_find_item(const struct wm_instrument *in,
    const char *link_id);

/* The index of the option with this code, or -1. */
int wm_item_find_option(const struct wm_item *it, const char *code);

/* The rules a plan template keeps beyond any instrument's (who it is
 * about and for, no scores, a family to know it by), and the plan-only
 * parts a measure may not use; each problem into diags. Called by
 * wm_instrument_parse. */
void wm_instrument_check_kind(const struct wm_instrument *in,
    struct wm_diags *diags);

/* Names, as written in files, for the enums above; NULL if unknown. */
const char *wm_subject_name(enum wm_subject s);
const char *wm_subject_fhir(enum wm_subject s);
const char *wm_respondent_name(enum wm_respondent r);
const char *wm_item_type_name(enum wm_item_type t);
int wm_subject_from_fhir(const char *fhir_type, enum wm_subject *out);
int wm_respondent_from_name(const char *name, enum wm_respondent *out);

#endif
