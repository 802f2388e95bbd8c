#!/usr/bin/env python3
"""gen-copy-sql: the statements `waymark copy` moves a network with, one
set for each table, made from the schema `waymark init` creates.

Usage: tools/gen-copy-sql.py WAYMARK           writes src/store/copy_*.inc
       tools/gen-copy-sql.py --check WAYMARK   exits 1 when they differ

`make check` runs it with --check, so a migration that adds a table or a
column without these being made again fails the build. The statements
are fixed texts in the two catalogues, as every other statement is: none
is built while Waymark runs.

For each table, in an order where every table comes after those its
foreign keys name (and the tables the triggers write last, since copying
the others writes them): the first page of its rows and the next after a
key (1,000 at a time, by its primary key, so a network of any size is
read in pieces), the insert of one row with every column, its count, its
clearing, and on PostgreSQL the setting of its identity's next value.
"""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = {
    'tables': os.path.join(ROOT, 'src/store/copy_tables.inc'),
    'lite': os.path.join(ROOT, 'src/store/copy_sqlite.inc'),
    'pg': os.path.join(ROOT, 'src/store/copy_pg.inc'),
}
PAGE = 1000
# One-row tables the migrations fill whose row may only move forward
# (no trigger lets it be deleted): copied by setting that row.
SET_ROW = {'audit_keyed'}
HEAD = ('/* Made by tools/gen-copy-sql.py from the schema waymark init '
        'creates:\n * never edited by hand. make check fails when it is '
        'out of date. */\n')


def schema(waymark):
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, 'schema.db')
        subprocess.run([waymark, 'init', '--db', db], check=True,
                       stdout=subprocess.DEVNULL)
        con = sqlite3.connect(db)
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND "
            "name NOT LIKE 'sqlite_%' ORDER BY name")]
        tables = {}
        for t in names:
            info = list(con.execute('SELECT * FROM pragma_table_info(?)',
                                    (t,)))
            cols = [(r[1], r[2].upper(), r[5]) for r in info]
            # A key read in pages must never be NULL, which SQLite allows
            # in a composite key of a table with rowids.
            (ddl,) = con.execute('SELECT sql FROM sqlite_master WHERE '
                                 'name = ?', (t,)).fetchone()
            keys = [r for r in info if r[5]]
            if len(keys) > 1 and 'WITHOUT ROWID' not in ddl.upper() and \
                    not all(r[3] for r in keys):
                sys.exit('gen-copy-sql: %s\'s primary key may be NULL; '
                         'make its columns NOT NULL' % t)
            parents = {r[2] for r in con.execute(
                'SELECT * FROM pragma_foreign_key_list(?)', (t,))}
            tables[t] = (cols, parents - {t})
        # The tables triggers write, each with the tables whose
        # triggers write it.
        written = {}
        for (on, sql) in con.execute(
                "SELECT tbl_name, sql FROM sqlite_master WHERE type = "
                "'trigger'"):
            body = re.split(r'\bBEGIN\b', sql, maxsplit=1, flags=re.I)[1]
            for m in re.finditer(r'\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|'
                                 r'UPDATE)\s+(\w+)', body, re.I):
                written.setdefault(m.group(1), set()).add(on)
        con.close()
    return tables, written


def topo(names, before, what):
    done, out = set(), []
    rest = sorted(names)
    while rest:
        ready = [t for t in rest if before(t) & set(names) <= done]
        if not ready:
            sys.exit('gen-copy-sql: the %s go round in a circle: %s' %
                     (what, ', '.join(rest)))
        for t in ready:
            done.add(t)
            out.append(t)
        rest = [t for t in rest if t not in done]
    return out


def order(tables, written):
    """Every table after those its foreign keys name; then the tables
    triggers write, each after the tables whose triggers write it, so
    that what copying writes into them is cleared and copied over."""
    rest = [t for t in tables if t not in written]
    last = [t for t in tables if t in written]
    return topo(rest, lambda t: tables[t][1], 'foreign keys') + \
        topo(last, lambda t: written[t] - {t}, 'triggers')


def q(name):
    return '"' + name + '"'


def texts(t, cols):
    keys = sorted((c for c in cols if c[2]), key=lambda c: c[2])
    rest = [c for c in cols if not c[2]]
    cols = keys + rest
    names = ', '.join(q(c[0]) for c in cols)
    by = ', '.join(q(c[0]) for c in keys)
    lite, pg = {}, {}
    read = 'SELECT %s FROM %s' % (names, q(t))
    if keys:
        lite['first'] = pg['first'] = '%s ORDER BY %s LIMIT %d' % (
            read, by, PAGE)
        if len(keys) == 1:
            after_lite, after_pg = '%s > ?1' % by, '%s > $1' % by
        else:
            after_lite = '(%s) > (%s)' % (by, ', '.join(
                '?%d' % (i + 1) for i in range(len(keys))))
            after_pg = '(%s) > (%s)' % (by, ', '.join(
                '$%d' % (i + 1) for i in range(len(keys))))
        lite['next'] = '%s WHERE %s ORDER BY %s LIMIT %d' % (
            read, after_lite, by, PAGE)
        pg['next'] = '%s WHERE %s ORDER BY %s LIMIT %d' % (
            read, after_pg, by, PAGE)
    else:
        # No key: a table of a row or a few (the sign-in throttle's
        # recent failures), read whole.
        lite['first'] = pg['first'] = read
        lite['next'] = pg['next'] = None
    lite['write'] = 'INSERT INTO %s (%s) VALUES (%s)' % (
        q(t), names, ', '.join('?%d' % (i + 1) for i in range(len(cols))))
    pg['write'] = 'INSERT INTO %s (%s) VALUES (%s)' % (
        q(t), names, ', '.join('$%d' % (i + 1) for i in range(len(cols))))
    lite['count'] = pg['count'] = 'SELECT count(*) FROM %s' % q(t)
    lite['clear'] = pg['clear'] = 'DELETE FROM %s' % q(t)
    if t in SET_ROW:
        assert not keys and len(cols) == 1
        lite['write'] = 'UPDATE %s SET %s = ?1' % (q(t), q(cols[0][0]))
        pg['write'] = 'UPDATE %s SET %s = $1' % (q(t), q(cols[0][0]))
        lite['clear'] = pg['clear'] = None
    lite['seq'] = None
    pg['seq'] = None
    if len(keys) == 1 and keys[0][0] == 'id' and keys[0][1] == 'INTEGER':
        # NULL (so nothing) where the column is no identity.
        pg['seq'] = ("SELECT setval(pg_get_serial_sequence('%s', 'id'), "
                     "coalesce(max(id), 0) + 1, false) FROM %s" % (t, q(t)))
    types = ''.join({'INTEGER': 'i', 'REAL': 'r', 'TEXT': 't'}[c[1]]
                    for c in cols)
    return cols, len(keys), types, lite, pg


def cstr(s):
    if s is None:
        return 'NULL'
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def entries(t, which):
    out = []
    for k in ('first', 'next', 'write', 'count', 'clear', 'seq'):
        if which[k] is not None:
            out.append('\t[ST_COPY_%s_%s] =\n\t    %s,\n' % (
                k.upper(), t, cstr(which[k])))
    return ''.join(out)


def generate(waymark):
    tables, written = schema(waymark)
    tab = [HEAD, '/* The rows read at a time. */\n#define WM_COPY_PAGE %d\n' % PAGE,
           '/* WM_COPY_TABLE(NAME, TYPES, KEYS, COLUMNS, WRITTEN): '
           'a table in the order\n * it is copied, its columns\' types '
           '(i, r, t) in the order its statements\n * read and write '
           'them, the first KEYS of them its primary key; WRITTEN\n * '
           'when triggers write it (these come last). */\n']
    lite = [HEAD]
    pg = [HEAD]
    for t in order(tables, written):
        cols, keys, types, l, p = texts(t, tables[t][0])
        tab.append('WM_COPY_TABLE(%s, "%s", %d, "%s", %d)\n' % (
            t, types, keys, ','.join(c[0] for c in cols),
            1 if t in written else 0))
        lite.append(entries(t, l))
        pg.append(entries(t, p))
    return {'tables': ''.join(tab), 'lite': ''.join(lite),
            'pg': ''.join(pg)}


def main():
    args = sys.argv[1:]
    check = args[:1] == ['--check']
    if check:
        args = args[1:]
    if len(args) != 1:
        sys.exit(__doc__)
    made = generate(args[0])
    stale = []
    for k, path in OUT.items():
        if check:
            try:
                with open(path) as f:
                    if f.read() != made[k]:
                        stale.append(path)
            except OSError:
                stale.append(path)
        else:
            with open(path, 'w') as f:
                f.write(made[k])
    if stale:
        print('gen-copy-sql: out of date with the schema: %s; run '
              'tools/gen-copy-sql.py build/check/waymark' %
              ', '.join(os.path.relpath(p, ROOT) for p in stale))
        sys.exit(1)
    if check:
        print('gen-copy-sql: ok (%d tables)' % sum(
            1 for line in made['tables'].splitlines()
            if line.startswith('WM_COPY_TABLE(')))


main()
