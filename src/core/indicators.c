/*
 * The supportive service indicators' "agrees" rule: see indicators.h.
 */
#include "core/indicators.h"

/*
 * Waymark: "an answer agrees when it is above the middle of its
 * question's scale: agree or strongly agree, or yes"
 */
int
wm_value_agrees(double value, double lo, double hi)
{
	return hi > lo && value > (lo + hi) / 2;
}
