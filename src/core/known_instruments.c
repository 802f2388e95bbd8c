/*
 * The newsletter's instruments: see known_instruments.h. The URLs are
 * those of the files in instruments/; a test loads each file and checks
 * that its url and family are the ones written here.
 */
#include "core/known_instruments.h"

#include <string.h>

#define Q "https://waymark.example/fhir/Questionnaire/"

static const struct {
	const char *url;
	const char *family;
	const char *name;
} known[WM_KNOWN__COUNT] = {
	[WM_KNOWN_RECOVERY_MARKERS] = { Q "dreem-recovery-markers", "dreem",
	    "the recovery markers (DREEM)" },
	[WM_KNOWN_SUPPORTIVE_INDICATORS] = {
	    Q "dreem-supportive-service-indicators", "dreem",
	    "the supportive service indicators (DREEM)" },
	[WM_KNOWN_ERFS] = { Q "erfs", "erfs",
	    "Elements of a Recovery Facilitating System (ERFS)" },
	[WM_KNOWN_SHARED_NEEDS] = { Q "shared-needs", "shared-needs",
	    "our shared needs" },
	[WM_KNOWN_TEN_TOP_TIPS] = { Q "ten-top-tips", "ten-top-tips",
	    "the Ten Top Tips" },
	[WM_KNOWN_CORE_STANDARDS] = { Q "core-standards", "core-standards",
	    "the 10 core standards" },
	[WM_KNOWN_STANDARDS_VALIDATION] = { Q "core-standards-validation",
	    "core-standards", "the validation of the 10 core standards" },
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

const char *
wm_known_name(enum wm_known k)
{
	return (unsigned)k < WM_KNOWN__COUNT ? known[k].name : "";
}

int
wm_known_of_url(const char *url, enum wm_known *out)
{
	int k;

	for (k = 0; url && k < WM_KNOWN__COUNT; k++)
		if (strcmp(known[k].url, url) == 0) {
			*out = (enum wm_known)k;
			return 0;
		}
	return -1;
}

/*
 * Newsletter: "Examples of Supportive Service Indicators (DREEM)"
 * Waymark: "both parts of DREEM, the recovery markers and the supportive
 * service indicators, are one family in reports"
 */
const char *
wm_family_dreem(void)
{
	return known[WM_KNOWN_RECOVERY_MARKERS].family;
}

/*
 * Newsletter: "Will be validated by a range of stakeholders"
 * Waymark: "a lead's self-assessment and the validators' forms are one
 * family, so their lights for each standard sit side by side"
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
