/*
 * The newsletter's instruments: see known_instruments.h. The URLs are
 * those of the files in instruments/; a test loads each file and checks
 * that its url and family are the ones written here.
 */
#include "core/known_instruments.h"

#include <string.h>

#define Q "https://waymark.example/fhir/Questionnaire/"

/*
 * The two parts of DREEM share a family, as do the lead's self-assessment
 * and the validators' form: reports read by family, so each pair is
 * summarised together.
 */
static const struct {
	const char *url;
	const char *family;
} known[WM_KNOWN__COUNT] = {
	[WM_KNOWN_RECOVERY_MARKERS] = { Q "dreem-recovery-markers", "dreem" },
	[WM_KNOWN_SUPPORTIVE_INDICATORS] = {
	    Q "dreem-supportive-service-indicators", "dreem" },
	[WM_KNOWN_ERFS] = { Q "erfs", "erfs" },
	[WM_KNOWN_SHARED_NEEDS] = { Q "shared-needs", "shared-needs" },
	[WM_KNOWN_TEN_TOP_TIPS] = { Q "ten-top-tips", "ten-top-tips" },
	[WM_KNOWN_CORE_STANDARDS] = { Q "core-standards", "core-standards" },
	[WM_KNOWN_STANDARDS_VALIDATION] = { Q "core-standards-validation",
	    "core-standards" },
};

const char *
wm_known_url(enum wm_known k)
{
	return (unsigned)k < WM_KNOWN__COUNT ? known[k].url : "";
}

const char *
wm_known_family(enum wm_known k)
{
	return (unsigned)k < WM_KNOWN__COUNT ? known[k].family : "";
}

/*
 * Waymark: "the network report summarises people's recovery from both
 * parts of DREEM together, the recovery markers and the supportive
 * service indicators, as one family"
 */
const char *
wm_family_dreem(void)
{
	return known[WM_KNOWN_RECOVERY_MARKERS].family;
}

/*
 * Waymark: "the standards' lights are read by family, one for the lead's
 * self-assessment and the validators' form, so that their lights for
 * each standard sit side by side"
 */
const char *
wm_family_standards(void)
{
	return known[WM_KNOWN_CORE_STANDARDS].family;
}

int
wm_is_standards_instrument(const struct wm_instrument *in)
{
	return in && in->family &&
	    strcmp(in->family, wm_family_standards()) == 0;
}
