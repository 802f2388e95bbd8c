#!/usr/bin/env bash
# Installs the Debian packages Waymark builds and tests with, only those
# missing, so that `make run`, `make check` and `make bench` (wrk) work on a
# fresh Debian 12.
set -eu
pkgs=(
	build-essential pkg-config clang libclang-rt-14-dev
	libsqlite3-dev sqlite3 libpq-dev postgresql-15 libjansson-dev libsodium-dev
	libmicrohttpd-dev libpwquality-dev cracklib-runtime libcmocka-dev
	zlib1g-dev
	curl libcurl4-openssl-dev
	python3 bc chromium wrk nginx-light
)
command -v npm >/dev/null 2>&1 || pkgs+=(nodejs npm)
missing=()
for p in "${pkgs[@]}"; do
	s=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[ "$s" = "install ok installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "deps: installing ${missing[*]}" >&2
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The npm packages named in package-lock.json (nhsuk-frontend, and the
# browser and FHIR tests' packages).
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] ||
    [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "deps: installing npm packages" >&2
	npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
