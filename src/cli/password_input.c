/*
 * Getting a new password from whoever runs the command: from a file (its
 * first line), or typed twice at the terminal without echo. Never from
 * the command line, where it would show in process lists and history.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "util/password.h"

#define MAX_PASSWORD 1100

/* First line of the file, without its line ending. */
static int
from_file(const char *path, char *out, size_t n)
{
	struct wm_buf b = WM_BUF_INIT;
	size_t len;
	int rc = -1;

	if (cli_read_file(path, 4096, &b) == 0) {
		len = strcspn(wm_buf_str(&b), "\r\n");
		if (len < n) {
			memcpy(out, b.data, len);
			out[len] = '\0';
			rc = 0;
		} else
			cli_error("%s: the password is too long", path);
		wm_password_wipe(b.data, b.len);
	}
	wm_buf_release(&b);
	return rc;
}

static int
ask(FILE *tty, const char *prompt, char *out, size_t n)
{
	struct termios old, quiet;
	int ok;

	fputs(prompt, stderr);
	fflush(stderr);
	if (tcgetattr(fileno(tty), &old))
		return -1;
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
	ok = fgets(out, (int)n, tty) != NULL;
	tcsetattr(fileno(tty), TCSAFLUSH, &old);
	fputc('\n', stderr);
	if (!ok)
		return -1;
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

int
cli_new_password(const char *file, const char *who, char *out, size_t n)
{
	char again[MAX_PASSWORD], prompt[160];
	FILE *tty;
	int rc;

	if (file)
		return from_file(file, out, n);
	if (!isatty(STDIN_FILENO) || !(tty = fopen("/dev/tty", "r")))
		return 1;
	snprintf(prompt, sizeof(prompt), "New password for %.100s: ", who);
	rc = ask(tty, prompt, out, n);
	if (rc == 0)
		rc = ask(tty, "The same password again: ", again, sizeof(again));
	if (rc == 0 && strcmp(out, again) != 0) {
		cli_error("the two passwords were not the same");
		rc = -1;
	}
	wm_password_wipe(again, sizeof(again));
	fclose(tty);
	return rc;
}
