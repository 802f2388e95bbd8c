/*
 * The command table: every command, its words, what it does, and its
 * arguments. main() and --help read it.
 */
#include "cli/cli.h"

int cmd_init(const struct cli_cmd *, int, char **);
int cmd_backup(const struct cli_cmd *, int, char **);
int cmd_check(const struct cli_cmd *, int, char **);
int cmd_copy(const struct cli_cmd *, int, char **);
int cmd_instrument_check(const struct cli_cmd *, int, char **);
int cmd_instrument_load(const struct cli_cmd *, int, char **);
int cmd_instrument_list(const struct cli_cmd *, int, char **);
int cmd_unit_add(const struct cli_cmd *, int, char **);
int cmd_unit_rename(const struct cli_cmd *, int, char **);
int cmd_unit_close(const struct cli_cmd *, int, char **);
int cmd_unit_list(const struct cli_cmd *, int, char **);
int cmd_person_add(const struct cli_cmd *, int, char **);
int cmd_person_join(const struct cli_cmd *, int, char **);
int cmd_person_move(const struct cli_cmd *, int, char **);
int cmd_person_discharge(const struct cli_cmd *, int, char **);
int cmd_person_list(const struct cli_cmd *, int, char **);
int cmd_account_add(const struct cli_cmd *, int, char **);
int cmd_account_list(const struct cli_cmd *, int, char **);
int cmd_account_setup_code(const struct cli_cmd *, int, char **);
int cmd_account_grant(const struct cli_cmd *, int, char **);
int cmd_account_revoke(const struct cli_cmd *, int, char **);
int cmd_account_deactivate(const struct cli_cmd *, int, char **);
int cmd_account_reactivate(const struct cli_cmd *, int, char **);
int cmd_respond(const struct cli_cmd *, int, char **);
int cmd_export_responses(const struct cli_cmd *, int, char **);
int cmd_report_network(const struct cli_cmd *, int, char **);
int cmd_demo(const struct cli_cmd *, int, char **);
int cmd_serve(const struct cli_cmd *, int, char **);
int cmd_network_set(const struct cli_cmd *, int, char **);
int cmd_network_show(const struct cli_cmd *, int, char **);
int cmd_training_import(const struct cli_cmd *, int, char **);
int cmd_training_add(const struct cli_cmd *, int, char **);

const struct cli_cmd cli_commands[] = {
	{ "init", NULL, cmd_init,
	    "create a database, or bring an older one up to date",
	    "--db FILE" },
	{ "backup", NULL, cmd_backup,
	    "copy the whole database as it is at one moment, while the "
	    "server runs, into a new file", "--db FILE COPY" },
	{ "check", NULL, cmd_check,
	    "check a database: its pages, its foreign keys, and the totals "
	    "kept at write time against the answers saved", "--db FILE" },
	{ "copy", NULL, cmd_copy,
	    "move a whole network into a new database, SQLite or "
	    "PostgreSQL either way, in one transaction, and check that both "
	    "hold the same", "--from DB --to DB" },
	{ "instrument", "check", cmd_instrument_check,
	    "check instrument files and list every problem", "FILE..." },
	{ "instrument", "load", cmd_instrument_load,
	    "check and store instrument files (all or none)",
	    "--db FILE FILE..." },
	{ "instrument", "list", cmd_instrument_list,
	    "list loaded instruments with their source and licence",
	    "--db FILE" },
	{ "unit", "add", cmd_unit_add,
	    "add a network, provider or service",
	    "--db FILE --kind KIND --code CODE --name NAME [--parent CODE]" },
	{ "unit", "rename", cmd_unit_rename,
	    "give a provider or service a new name",
	    "--db FILE --code CODE --name NAME" },
	{ "unit", "close", cmd_unit_close,
	    "close a provider or service from today: it keeps its history "
	    "and takes no one new (cannot be undone)", "--db FILE --code CODE" },
	{ "unit", "list", cmd_unit_list,
	    "list the network tree: code, kind, name, parent", "--db FILE" },
	{ "network", "set", cmd_network_set,
	    "set the standards period, when a standard counts as validated, "
	    "the disclosure rule and the services anyone can contact day or "
	    "night", "--db FILE [--period-months N] [--validators N] "
	    "[--groups N] [--disclosure RULE] [--crisis-contacts FILE]" },
	{ "network", "show", cmd_network_show,
	    "show the network's settings", "--db FILE" },
	{ "person", "add", cmd_person_add,
	    "add a person using services, on a service's caseload",
	    "--db FILE --id ID --name NAME [--unit CODE] [--since DATE]" },
	{ "person", "join", cmd_person_join,
	    "put a person on another service's caseload too",
	    "--db FILE --id ID --unit CODE [--since DATE]" },
	{ "person", "move", cmd_person_move,
	    "move a person from one service's caseload to another's on a date",
	    "--db FILE --id ID [--from CODE] --to CODE [--date DATE]" },
	{ "person", "discharge", cmd_person_discharge,
	    "end a person's time on a service's caseload on a date",
	    "--db FILE --id ID [--unit CODE] [--date DATE]" },
	{ "person", "list", cmd_person_list,
	    "list people: identifier, name, service, since",
	    "--db FILE [--unit CODE]" },
	{ "account", "add", cmd_account_add,
	    "add a sign-in account with role grants; without a password "
	    "file, print a one-time setup code for its holder",
	    "--db FILE --email EMAIL --name NAME [--grant ROLE@UNIT]... "
	    "[--person ID] [--password-file FILE]" },
	{ "account", "list", cmd_account_list,
	    "list accounts: email, name, grants, last sign-in, active or "
	    "deactivated", "--db FILE" },
	{ "account", "setup-code", cmd_account_setup_code,
	    "print a new one-time setup code for an account (its old "
	    "password works until the code is used)",
	    "--db FILE --email EMAIL" },
	{ "account", "grant", cmd_account_grant,
	    "give an account a role at a unit",
	    "--db FILE --email EMAIL --grant ROLE@UNIT[/GROUP]" },
	{ "account", "revoke", cmd_account_revoke,
	    "take a role at a unit away from an account",
	    "--db FILE --email EMAIL --grant ROLE@UNIT[/GROUP]" },
	{ "account", "deactivate", cmd_account_deactivate,
	    "stop an account signing in, ending its sessions at once",
	    "--db FILE --email EMAIL" },
	{ "account", "reactivate", cmd_account_reactivate,
	    "let a deactivated account sign in again",
	    "--db FILE --email EMAIL" },
	{ "respond", NULL, cmd_respond,
	    "record a FHIR QuestionnaireResponse and show its scores",
	    "--db FILE RESPONSE.json|-" },
	{ "export", "responses", cmd_export_responses,
	    "export answers as CSV, one row per answer",
	    "--db FILE --format csv [--instrument URL] [--unit CODE]" },
	{ "report", "network", cmd_report_network,
	    "the network's figures for its own analysts, section by section "
	    "as the commissioners' pages show them",
	    "--db FILE [--format text|csv|json] [--from QUARTER] "
	    "[--to QUARTER] [--disclosure RULE] [--courses FILE]" },
	{ "training", "import", cmd_training_import,
	    "record staff's recovery training from a CSV file (all rows or "
	    "none)", "--db FILE --service CODE [--courses FILE] CSV-FILE" },
	{ "training", "add", cmd_training_add,
	    "record one member of staff's completed recovery course",
	    "--db FILE --service CODE --email EMAIL --course CODE "
	    "--completed DATE" },
	{ "serve", NULL, cmd_serve,
	    "serve the web application until stopped (Ctrl-C)",
	    "--db FILE [--listen HOST:PORT] [--base-url URL] [--allow-demo]" },
	{ "demo", NULL, cmd_demo,
	    "build a reproducible demo network in a new database",
	    "--db FILE [--people N] [--seed S] [--instruments DIR]" },
};

const size_t cli_n_commands = sizeof(cli_commands) / sizeof(cli_commands[0]);
