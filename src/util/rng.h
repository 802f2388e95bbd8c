/*
 * A small deterministic random number generator (xoshiro256**, seeded
 * with splitmix64), so the demo and benchmark networks are the same on
 * every machine for the same seed. Not for secrets: tokens and salts come
 * from libsodium.
 */
#ifndef WM_UTIL_RNG_H
#define WM_UTIL_RNG_H

#include <stdint.h>

struct wm_rng {
	uint64_t s[4];
};

void wm_rng_seed(struct wm_rng *r, uint64_t seed);
uint64_t wm_rng_next(struct wm_rng *r);
/* Uniform in [0, n); n > 0. */
uint32_t wm_rng_below(struct wm_rng *r, uint32_t n);
/* Uniform in [0, 1). */
double wm_rng_unit(struct wm_rng *r);
/* 1 with probability p. */
int wm_rng_chance(struct wm_rng *r, double p);
/* Approximately normal, mean 0, sd 1 (sum of uniforms: portable). */
double wm_rng_normal(struct wm_rng *r);

#endif
