#!/usr/bin/env bash
# Installs the Debian packages Waymark builds and tests with, only those
# missing, so that `make run` and `make check` work on a fresh Debian 12.
set -eu
pkgs=(
	build-essential pkg-config clang libclang-rt-14-dev
	libsqlite3-dev sqlite3 libjansson-dev libsodium-dev
	libmicrohttpd-dev libcmocka-dev curl libcurl4-openssl-dev
	python3 bc
)
missing=()
for p in "${pkgs[@]}"; do
	s=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[ "$s" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "deps: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
