/*
 * The newsletter's instruments, each by its canonical URL and the part it
 * plays in the system: the recovery markers and the supportive service
 * indicators (the two parts of DREEM, one family for reports), ERFS, our
 * shared needs, the Ten Top Tips reflection, the core standards
 * self-assessment and its validation (one family, so that a lead's and
 * the validators' lights sit side by side). Every layer names them
 * through this table, and the store binds what it reads from here, so
 * an instrument's identity is written once. Any other instrument is
 * still answered, scored and exported; it just has no part of its own.
 */
#ifndef WM_CORE_KNOWN_INSTRUMENTS_H
#define WM_CORE_KNOWN_INSTRUMENTS_H

#include "core/instrument.h"

enum wm_known {
	WM_KNOWN_RECOVERY_MARKERS,
	WM_KNOWN_SUPPORTIVE_INDICATORS,
	WM_KNOWN_ERFS,
	WM_KNOWN_SHARED_NEEDS,
	WM_KNOWN_TEN_TOP_TIPS,
	WM_KNOWN_CORE_STANDARDS,
	WM_KNOWN_STANDARDS_VALIDATION,
	WM_KNOWN__COUNT
};

/* Its canonical URL (any version), and its measure family. */
const char *wm_known_url(enum wm_known k);
const char *wm_known_family(enum wm_known k);

/* The family the network report summarises people's recovery in (both
 * parts of DREEM), and the one the standards' lights belong to. */
const char *wm_family_dreem(void);
const char *wm_family_standards(void);

/* 1 if `in` is a version of a core standards instrument: the lead's
 * self-assessment or a validator's form (one family). */
int wm_is_standards_instrument(const struct wm_instrument *in);

#endif
