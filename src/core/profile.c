/*
 * Quarters and tallies for the profile views: see profile.h.
 */
#include "core/profile.h"

#include <stdio.h>
#include <string.h>

#include "core/indicators.h"

static const char *const quarter_words[] = {
	"January to March", "April to June", "July to September",
	"October to December",
};

int
wm_quarter_parse(const char *s, struct wm_quarter *out)
{
	int y = 0, i;

	if (!s || strlen(s) != 7 || s[4] != '-' || s[5] != 'Q' ||
	    s[6] < '1' || s[6] > '4')
		return -1;
	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	if (y < 1900 || y > 2999)
		return -1;
	out->year = y;
	out->quarter = s[6] - '0';
	return 0;
}

void
wm_quarter_format(const struct wm_quarter *p, char out[8])
{
	unsigned y = (unsigned)p->year % 10000u;

	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = 'Q';
	out[6] = (char)('0' + ((unsigned)p->quarter - 1u) % 4u + 1u);
	out[7] = '\0';
}

/*
 * Waymark: "the profile views, ERFS, the supportive service indicators
 * and the team's Ten Top Tips, are read by calendar quarter"
 */
void
wm_quarter_of(const struct wm_date *d, struct wm_quarter *out)
{
	out->year = d->year;
	out->quarter = (d->month - 1) / 3 + 1;
}

void
wm_quarter_prev(const struct wm_quarter *p, struct wm_quarter *out)
{
	*out = *p;
	if (--out->quarter < 1) {
		out->quarter = 4;
		out->year--;
	}
}

void
wm_quarter_words(const struct wm_quarter *p, char *out, size_t n)
{
	int q = p->quarter >= 1 && p->quarter <= 4 ? p->quarter : 1;

	snprintf(out, n, "%s %d", quarter_words[q - 1], p->year);
}

void
wm_tally_add(struct wm_tally *t, int has_value, double value, double lo,
    double hi, int64_t n)
{
	t->answers += n;
	if (!has_value)
		return;
	t->scored += n;
	t->total += value * (double)n;
	if (wm_value_agrees(value, lo, hi))
		t->agree += n;
}

double
wm_tally_mean(const struct wm_tally *t)
{
	return t->scored > 0 ? t->total / (double)t->scored : 0;
}
