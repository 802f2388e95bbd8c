#include "util/rng.h"

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

void
wm_rng_seed(struct wm_rng *r, uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++) {
		uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);

		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		r->s[i] = z ^ (z >> 31);
	}
}

uint64_t
wm_rng_next(struct wm_rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

uint32_t
wm_rng_below(struct wm_rng *r, uint32_t n)
{
	return (uint32_t)((wm_rng_next(r) >> 32) * n >> 32);
}

double
wm_rng_unit(struct wm_rng *r)
{
	return (double)(wm_rng_next(r) >> 11) * 0x1.0p-53;
}

int
wm_rng_chance(struct wm_rng *r, double p)
{
	return wm_rng_unit(r) < p;
}

double
wm_rng_normal(struct wm_rng *r)
{
	double sum = 0;
	int i;

	/* Irwin-Hall: no libm calls, so the same bits everywhere. */
	for (i = 0; i < 12; i++)
		sum += wm_rng_unit(r);
	return sum - 6.0;
}
