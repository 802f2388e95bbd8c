/*
 * The supportive service indicators (the second part of DREEM): people
 * say how far their service helps them ("I am helped to..."), and the
 * service sees the share who agree. Which answer counts as agreeing is
 * decided from the instrument's own scale, never from option codes.
 * Pure.
 */
#ifndef WM_CORE_INDICATORS_H
#define WM_CORE_INDICATORS_H

/*
 * Whether a chosen option agrees (or says "yes"): a scored option whose
 * ordinal value is above the middle of its question's scored values
 * (lo..hi). On the agreement scale (1..5) that is agree (4) and strongly
 * agree (5); on yes / partly / no (2, 1, 0) it is yes. Unscored options
 * (prefer not to say, not applicable) never agree.
 */
int wm_value_agrees(double value, double lo, double hi);

#endif
