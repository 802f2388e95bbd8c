// Browser tests: a real `waymark serve` on loopback, driven in Debian's
// headless Chromium by playwright-core, with axe-core on every page.
// usage: node tests/browser/run.mjs WAYMARK-BINARY
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const waymark = process.argv[2];
const shots = 'tests/browser/screenshots';
const dir = mkdtempSync(join(tmpdir(), 'wm-browser-'));
const db = join(dir, 'demo.db');
let passed = 0, failed = 0;

function check(ok, what) {
  if (ok) { passed++; console.log('pass browser: ' + what); }
  else { failed++; console.log('FAIL browser: ' + what); }
}

// Every console error a page logs, by the role signed in: a page should
// log none (a stylesheet asking for what the Content-Security-Policy
// blocks, a script error, anything it asks for that fails to load). One
// note is not an error of the page: Chromium logs a page answered with
// an error status (a form sent back with its problems as 400, a year not
// offered) as a "failed" load of that page itself, which the tests ask
// for on purpose and check by its status and content.
const consoleErrors = new Map();
const path = url => url.replace(/^https?:\/\/[^/]+/, '');
function watch(page, role) {
  if (!consoleErrors.has(role)) consoleErrors.set(role, []);
  page.on('console', m => {
    if (m.type() !== 'error') return;
    const from = m.location()?.url || '';
    if (/^Failed to load resource: the server responded with a status of [45]\d\d/.test(m.text()) &&
      from === page.url())
      return;
    consoleErrors.get(role).push(`${path(page.url())}: ${m.text()}${from ? ' (' + path(from) + ')' : ''}`);
  });
  return page;
}

// A kind of page: its route, with what names one person, service,
// period or number put as the route's parameter.
const kind = p => p.replace(/[?#].*$/, '').replace(/\/people\/[^/]+/, '/people/ID')
  .replace(/\/services\/[^/]+/, '/services/CODE').replace(/\/\d{4}-\d{2}-\d{2}/, '/PERIOD')
  .replace(/\/\d+/g, '/N');
// Each kind of page axe has read at each width in this run ("320
// /caseload"), so that the walk below need not read one again: axe takes
// longer than anything else the walk does to a page.
const axed = new Set();
const axedKey = page => `${page.viewportSize()?.width} ${kind(path(page.url()))}`;

async function axe(page, what) {
  axed.add(axedKey(page));
  const r = await new AxeBuilder({ page }).analyze();
  for (const v of r.violations)
    console.log(`  axe ${v.id} (${v.impact}): ${v.help} ` +
      v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
  check(r.violations.length === 0, `axe finds no violations on ${what}`);
}

// At 320 px, the page does not scroll sideways, and the smallest word of
// any chart on it is drawn at 12 px or more (a chart that needs more
// room scrolls in its own region); checked, then back to 1280 px. A
// page of words alone (`charts` false) has no chart to check.
async function legibleAt320(page, what, charts = true) {
  await page.setViewportSize({ width: 320, height: 900 });
  const r = await page.evaluate(() => {
    let least = Infinity, charts = 0;
    for (const svg of document.querySelectorAll('svg.wm-chart')) {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      charts++;
      for (const t of svg.querySelectorAll('text'))
        least = Math.min(least, parseFloat(t.getAttribute('font-size')) * scale);
    }
    return { wide: document.documentElement.scrollWidth, least, charts };
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  check(r.wide <= 320, `${what} fits 320 px (${r.wide} px wide)`);
  if (charts || r.charts > 0)
    check(r.charts > 0 && r.least >= 12,
      `${what}: chart words at 320 px are 12 px or more (${r.charts} charts, least ${r.least.toFixed(1)} px)`);
}

async function shoot(page, name) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function signIn(page, base, email, password) {
  await page.goto(base + '/sign-in');
  await page.focus('#email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(base + '/');
}

// Enter on the focused link or button, and wait for the page it leads to.
async function enterAndWait(page) {
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

// Keyboard only: Tab until an element of that tag whose text matches
// has the focus.
async function tabTo(page, tag, text) {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const [t, words] = await page.evaluate(() => [
      document.activeElement?.tagName.toLowerCase(),
      document.activeElement?.textContent.trim()]);
    if (t === tag && text.test(words)) return true;
  }
  check(false, `reached ${tag} ${text} by Tab`);
  return false;
}

// Keyboard only: Tab into each radio group, arrow to the answer wanted.
async function answerWithKeyboard(page, steps) {
  const first = await page.$eval('input[type=radio]', e => e.name);
  for (let i = 0; i < 40; i++) {
    const name = await page.evaluate(() => document.activeElement?.name);
    if (name === first) break;
    await page.keyboard.press('Tab');
  }
  const groups = await page.$$eval('input[type=radio]',
    es => [...new Set(es.map(e => e.name))]);
  for (let g = 0; g < groups.length; g++) {
    for (let s = 0; s < steps; s++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
  }
  return groups.length;
}

const env = { ...process.env, WAYMARK_INSTRUMENTS: 'instruments' };
execFileSync(waymark, ['demo', '--db', db, '--people', '20', '--seed', '4'], { env });
const signins = Object.fromEntries(execFileSync('sqlite3',
  [db, "SELECT value FROM setting WHERE key = 'demo-sign-ins'"]).toString()
  .trim().split('\n').map(l => { const [, role, email, pw] = l.split(' '); return [role, { email, pw }]; }));
// Enough people on the practitioner's service for the caseload to run
// to more than one page.
execFileSync('sqlite3', [db, `
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
INSERT INTO person(ident, name, created)
  SELECT printf('PAGE-%03d', i), printf('Paging Person %03d', i), '2025-01-01T00:00:00Z' FROM n;
INSERT INTO caseload(person_id, unit_id, start_date)
  SELECT p.id, u.id, '2025-01-01' FROM person p, unit u
  WHERE p.ident LIKE 'PAGE-%' AND u.code = 'exbridge-recovery';`]);
// A random port, tried again on another if something else holds it (as
// tests/cli/lib.sh's start does), saying why the last try failed.
let port, server, why = '';
for (let attempt = 0; attempt < 5 && !server; attempt++) {
  port = 30000 + Math.floor(Math.random() * 20000);
  const s = spawn(waymark, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const up = await new Promise(ok => {
    s.stderr.on('data', d => { err += d; if (String(d).includes('serving')) ok(true); });
    s.on('exit', () => ok(false));
  });
  if (up) server = s;
  else why = err.trim();
}
if (!server) throw new Error('the server did not start: ' + why);
const base = `http://127.0.0.1:${port}`;
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const person = watch(await (await browser.newContext()).newPage(), 'a person');
  await person.goto(base + '/sign-in');
  await axe(person, 'the sign-in page');
  await shoot(person, 'sign-in');
  await signIn(person, base, signins.person.email, signins.person.pw);
  check(person.url() === base + '/', 'a person signs in with the keyboard');
  await axe(person, "the person's home");
  await person.click('text=Answer your measures');
  await axe(person, 'the list of measures');
  await person.click('main a:has-text("DREEM recovery markers")');
  await axe(person, 'the recovery markers form');
  await shoot(person, 'measure');
  const n = await answerWithKeyboard(person, 3);
  for (let i = 0; i < 3; i++) {
    if (await person.evaluate(() => document.activeElement?.type) === 'submit') break;
    await person.keyboard.press('Tab');
  }
  await person.keyboard.press('Enter');
  await person.waitForURL(/\/saved\?response=\d+$/);
  check(n === 11, `all 11 markers answered by keyboard (${n})`);
  await axe(person, 'the saved page');
  await person.goto(base + '/journey');
  check(await person.$('svg[role=img] title') !== null, 'the journey has a chart with a title');
  check(await person.$('table caption:has-text("the first and latest answer to each question")') !== null,
    'the journey sets first and latest answers side by side in a captioned table');
  await axe(person, 'my journey');
  await legibleAt320(person, 'my journey');
  await shoot(person, 'journey');
  await person.goto(base + '/goals');
  await axe(person, 'my goals');

  // A goal set, reworded, marked achieved and brought back, by keyboard
  // alone and without JavaScript; its history stays. (axe needs
  // JavaScript, so it checks each page as the person's other tab.)
  const goals = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(goals, base, signins.person.email, signins.person.pw);
  await goals.goto(base + '/goals');
  await tabTo(goals, 'textarea', /^$/);
  await goals.keyboard.type('Walk to the library');
  await tabTo(goals, 'button', /^Add goal$/);
  await enterAndWait(goals);
  check(/\/goals\/\d+$/.test(goals.url()), 'a goal set by keyboard opens its page');
  await person.goto(goals.url());
  await axe(person, 'a current goal, with its changes offered');
  await tabTo(goals, 'textarea', /^Walk to the library$/);
  await goals.keyboard.press('Control+A');
  await goals.keyboard.type('Walk to the library and back');
  await tabTo(goals, 'button', /^Save the new wording$/);
  await enterAndWait(goals);
  check(/Walk to the library and back/.test(await goals.textContent('main .nhsuk-body-l')),
    'a goal reworded by keyboard shows its new words');
  check(/set as \u201cWalk to the library\u201d/.test(await goals.content()), '... its first words kept in its history');
  await tabTo(goals, 'button', /^Mark as achieved$/);
  await enterAndWait(goals);
  check(await goals.$('main .nhsuk-tag:has-text("Achieved")') !== null, 'a goal marked achieved by keyboard says so');
  check(await goals.$('textarea#goal') === null, '... and offers no rewording until it is brought back');
  await person.goto(goals.url());
  await axe(person, 'an achieved goal');
  await goals.goto(base + '/goals');
  await tabTo(goals, 'summary', /History of Walk to the library and back/);
  await goals.keyboard.press('Enter');
  check(/marked achieved/.test(await goals.textContent('main details[open]')), 'the goals page opens a goal\'s history by keyboard');
  await person.goto(goals.url());
  await person.click('main details summary');
  await axe(person, 'my goals, achieved apart, with a history open');
  await goals.goto(base + '/goals');
  await tabTo(goals, 'a', /^Walk to the library and back$/);
  await enterAndWait(goals);
  await tabTo(goals, 'button', /^Bring back$/);
  await enterAndWait(goals);
  check(await goals.$('textarea#goal') !== null, 'brought back by keyboard, the goal is current again');
  await goals.context().close();
  await person.goto(base + '/my-record');
  await axe(person, 'download my record');

  // An incomplete form: the error summary is announced and accessible.
  await person.goto(base + '/measures');
  await person.click('main a:has-text("DREEM recovery markers")');
  await person.click('main button[type=submit]');
  check(await person.$('.nhsuk-error-summary') !== null, 'a missing answer shows the error summary');
  await axe(person, 'the form with errors');
  await shoot(person, 'measure-errors');

  // Save and come back later: one answer to the shared needs, saved with
  // the keyboard; the form opens again with it filled in.
  await person.goto(base + '/measures');
  await person.click('main a:has-text("Our shared needs")');
  await person.check('input[type=radio] >> nth=0');
  await person.focus('button[value=later]');
  await person.keyboard.press('Enter');
  await person.waitForURL(/\/saved\?response=\d+$/);
  check(/Your answers so far are saved/.test(await person.content()), 'a person saves a measure to come back to later');
  await axe(person, 'the saved-for-later page');
  await person.goto(base + '/measures');
  check(await person.$('.nhsuk-tag:has-text("Started")') !== null, 'the list shows the measure as started');
  await axe(person, 'the list with a started measure');
  await person.click('main a:has-text("Our shared needs")');
  check(await person.$('input[type=radio]:checked') !== null, 'the answer saved earlier is filled in');
  await axe(person, 'the form reopened');

  const prac = watch(await (await browser.newContext()).newPage(), 'a practitioner');
  await signIn(prac, base, signins.practitioner.email, signins.practitioner.pw);
  await axe(prac, "the practitioner's home");
  await prac.goto(base + '/caseload');
  check(/Showing 1 to 50 of \d+ people/.test(await prac.content()), 'the caseload says which people of how many it shows');
  check(await prac.$('nav.nhsuk-pagination a[aria-current=page]') !== null, 'the caseload has numbered pagination');
  await axe(prac, 'the caseload');
  await shoot(prac, 'caseload');
  await prac.click('nav.nhsuk-pagination a[rel=next]');
  await prac.waitForURL(/\/caseload\?page=2$/);
  check(/Showing 51 to/.test(await prac.content()), 'the next page of the caseload');
  await axe(prac, 'the second page of the caseload');
  await prac.fill('#q', 'Paging Person');
  await prac.click('main button[type=submit]');
  await prac.click('nav.nhsuk-pagination a[rel=next]');
  check(/Showing 51 to 60 of 60 people/.test(await prac.content()), 'a search is kept from page to page');
  await prac.goto(base + '/caseload?q=' + 'x'.repeat(101));
  check(await prac.$('.nhsuk-error-summary') !== null, 'a search over 100 characters is refused with the error summary');
  await axe(prac, 'the caseload with a refused search');
  // The pages about one person name them, and lead back to the caseload.
  await prac.goto(base + '/caseload?q=DEMO-000001');
  await prac.click('main table a');
  const heading = await prac.textContent('h1');
  check(/^.+ \(DEMO-000001\): their journey$/.test(heading), `the journey names the person (${heading})`);
  check(!/your score/.test(await prac.content()), 'the practitioner\'s journey never says "your score"');
  await axe(prac, "a person's journey, for their practitioner");
  await shoot(prac, 'their-journey');
  await prac.goto(base + '/people/DEMO-000001/goals');
  check(/Current goals[\s\S]*Achieved[\s\S]*Put aside/.test(await prac.textContent('main')),
    "a person's goals, for their practitioner: current, achieved and put aside apart");
  check(await prac.$('main form') === null, '... read-only');
  await axe(prac, "a person's goals, for their practitioner");
  await prac.goto(base + '/people/DEMO-000001/measures');
  check(/with .+ \(DEMO-000001\)$/.test(await prac.textContent('h1')), 'answering together names the person');
  await axe(prac, 'the measures to answer together');
  await prac.click('main ul a:has-text("DREEM recovery markers")');
  await axe(prac, 'a measure answered together');
  await prac.click('a.nhsuk-back-link');
  await prac.waitForURL(/\/caseload$/);
  check(true, 'the back link leads to the caseload');
  await prac.goto(base + '/measures');
  await prac.click('main a:has-text("Ten Top Tips")');
  await axe(prac, 'the Ten Top Tips form');
  await answerWithKeyboard(prac, 1);
  await prac.click('main button[type=submit]');
  await prac.waitForURL(/\/saved\?response=\d+$/);
  check(/Your answers have been saved/.test(await prac.content()), 'a practitioner records a Ten Top Tips reflection');
  await axe(prac, 'the reflection saved page');
  await prac.goto(base + '/reflections');
  await axe(prac, "the practitioner's own Ten Top Tips");

  // The reflection after an interaction: one click from a person's page,
  // the day filled in, every tip answered by keyboard, saved and shown
  // with whom; and one click from home.
  await prac.goto(base + '/people/DEMO-000001/journey');
  await prac.click('main a:has-text("Reflect on your interaction")');
  await prac.waitForURL(/\/people\/DEMO-000001\/reflect$/);
  check(/Reflect on your interaction with .+ \(DEMO-000001\)$/.test(await prac.textContent('h1')),
    "the reflection is one click from a person's page, naming them");
  check(await prac.inputValue('#when-year') !== '', "... with today's date filled in");
  await axe(prac, 'the reflection on an interaction');
  const tipsAnswered = await answerWithKeyboard(prac, 1);
  check(tipsAnswered === 10, 'every tip answered by keyboard');
  await prac.click('main button[type=submit]');
  await prac.waitForURL(/\/reflections\?saved=\d+$/);
  check(/Your reflection is saved: .+, with /.test(await prac.textContent('main')),
    'the reflection is saved, tied to the person');
  await axe(prac, 'the reflection saved');
  await prac.goto(base + '/');
  await prac.click('main a:has-text("Reflect on an interaction")');
  await prac.waitForURL(/\/reflect$/);
  check(true, "the reflection is one click from the practitioner's home");
  // Under a minute: about two screens at 1280 x 900, each tip a row
  // with its answers beside it, and each still a fieldset named by its
  // question whose radios have their own labels.
  await prac.setViewportSize({ width: 1280, height: 900 });
  const tall = await prac.evaluate(() => document.documentElement.scrollHeight);
  check(tall <= 1800, `the reflection fits two screens at 1280 x 900 (${tall} px tall)`);
  const tips = await prac.$$eval('main fieldset:has(input[type=radio])', fs => fs.map(f => {
    const legend = f.querySelector(':scope > legend'), radios = [...f.querySelectorAll('input[type=radio]')];
    const l = legend?.getBoundingClientRect(), r = f.querySelector('.nhsuk-radios').getBoundingClientRect();
    return { named: !!legend?.textContent.trim(), radios: radios.length,
      labelled: radios.every(i => i.labels.length === 1 && i.labels[0].textContent.trim() !== ''),
      beside: !!l && r.left >= l.right && r.top < l.bottom && l.top < r.bottom };
  }));
  check(tips.length === 10 && tips.every(t => t.named && t.radios === 4 && t.labelled),
    'each tip is a fieldset with its question as legend and four labelled radios');
  check(tips.every(t => t.beside), "... each tip's answers beside its question at 1280 px");

  // The person sees who has looked at their record: the practitioner's
  // views just now, on a page of its own reached from their record by
  // keyboard, readable without JavaScript at 320 px.
  await person.goto(base + '/my-record');
  let onViews = false;
  for (let i = 0; i < 60 && !onViews; i++) {
    await person.keyboard.press('Tab');
    onViews = await person.evaluate(() =>
      document.activeElement?.getAttribute('href') === '/my-record/views');
  }
  check(onViews, 'the record page links to who has looked at it, reached by keyboard');
  await person.keyboard.press('Enter');
  await person.waitForURL(base + '/my-record/views');
  const seen = await person.content();
  check(/Showing 1 to \d+ of \d+ entr/.test(seen) && /\(Practitioner, Exbridge Recovery Team\)/.test(seen) &&
    /\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d/.test(seen) && /Viewed journey/.test(seen),
    'who has looked at my record: when, who with their role, and what');
  await axe(person, 'who has looked at my record');
  await shoot(person, 'record-views');
  {
    const nojs = watch(await (await browser.newContext({ javaScriptEnabled: false })).newPage(),
      'a person, without JavaScript');
    await signIn(nojs, base, signins.person.email, signins.person.pw);
    await nojs.goto(base + '/my-record/views');
    check(await nojs.$('table caption') !== null, 'who has looked at my record is a captioned table without JavaScript');
    await nojs.setViewportSize({ width: 320, height: 900 });
    const w = await nojs.evaluate(() => document.documentElement.scrollWidth);
    check(w <= 320, `who has looked at my record fits 320 px (${w} px wide)`);
    await nojs.close();
  }
  await person.setViewportSize({ width: 320, height: 900 });
  await axe(person, 'who has looked at my record at 320 px');
  await person.setViewportSize({ width: 1280, height: 900 });

  {
  // People's own plans (issue 12). Done means: the demo person, without
  // JavaScript, at 320 px and by keyboard alone, changes their safety
  // plan, stops the share with their supporter and shares it again
  // through the form; the supporter signs in and reads it; the person
  // stops sharing, the supporter's next request is 404, and the person
  // sees the supporter's reads in their log. axe reads each new kind of
  // page at 1280 and 320 px (as the person's other tab, which allows a
  // script), each fits 320 px, and each plan prints cleanly on A4.
  const planId = family => execFileSync('sqlite3', [db, 'SELECT p.id FROM plan p JOIN person x ' +
    `ON x.id = p.person_id WHERE x.ident = 'DEMO-000001' AND p.family = '${family}'`]).toString().trim();
  const safety = planId('safety-plan'), jcp = planId('joint-crisis-plan'), rap = planId('recovery-action-plan');
  // axe at 1280 and at 320 px, once for each kind of page (a page's error
  // state, `again`, is read whatever was read before), and the page fits
  // 320 px with any chart's words legible.
  const axeBoth = async (page, what, again = false) => {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      if (again || !axed.has(axedKey(page))) await axe(page, `${what} at ${width} px`);
    }
    await legibleAt320(page, what, false);
  };
  const tabToHref = async (page, href) => {
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('href')) === href) return true;
    }
    check(false, `reached the link to ${href} by Tab`);
    return false;
  };
  const tabToId = async (page, id) => {
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id) === id) return true;
    }
    check(false, `reached #${id} by Tab`);
    return false;
  };
  const fits = async (page, what) => {
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    check(w <= 320, `${what} fits 320 px without JavaScript (${w} px wide)`);
  };

  // Printed in Chromium, on A4: the safety plan and the joint crisis plan
  // on one page each, the recovery action plan on two at most, none with
  // the header or the links to change a plan; the wallet card on one
  // page, 85.6 mm wide.
  const sheets = async (page) => (((await page.pdf({ format: 'A4' })).toString('latin1'))
    .match(/\/Type\s*\/Page(?![A-Za-z])/g) || []).length;
  for (const [id, name, most] of [[safety, 'safety plan', 1], [jcp, 'joint crisis plan', 1],
    [rap, 'recovery action plan', 2]]) {
    await person.goto(`${base}/plans/${id}`);
    const n = await sheets(person);
    check(n >= 1 && n <= most, `the demo person's ${name} prints on ${most === 1 ? 'one A4 page' : `${most} A4 pages at most`} (it took ${n})`);
    await person.emulateMedia({ media: 'print' });
    const printed = await person.evaluate(() => document.body.innerText);
    await person.emulateMedia({ media: null });
    check(!/Sign out|My plans|Change it|Who can see it/.test(printed),
      `... printed without the header or the links to change or share it`);
  }
  await person.goto(`${base}/plans/${safety}/card`);
  check(await sheets(person) === 1, 'the wallet card prints on one page');
  await person.emulateMedia({ media: 'print' });
  const card = await person.$eval('.wm-plan-card', e => e.getBoundingClientRect().width);
  await person.emulateMedia({ media: null });
  check(Math.abs(card - 85.6 / 25.4 * 96) <= 2, `... the card printed 85.6 mm wide (${card.toFixed(1)} px of 323.5)`);

  // The person's header leads to their plans; the pages of plans, by axe.
  await person.goto(base + '/plans');
  check(/^My plans$/.test((await person.textContent('header a[href="/plans"]') || '').trim()),
    'the person\'s header offers My plans');
  await axeBoth(person, 'my plans');
  for (const [p, what] of [[`/plans/${safety}`, 'a plan, for its owner'],
    [`/plans/${safety}/edit`, "a plan's form, with its lists"],
    [`/plans/${safety}/sharing`, 'who can see a plan'], [`/plans/${safety}/versions`, "a plan's versions"],
    [`/plans/${safety}/versions/1`, "a plan's earlier version"], [`/plans/${safety}/card`, 'the wallet card'],
    ['/plans/views', 'who has seen my plans'], ['/plans/shared', 'plans shared with a person'],
    ['/supporters', 'my supporters']]) {
    const r = await person.goto(base + p);
    check(r.status() === 200, `the person opens ${p}`);
    await axeBoth(person, what);
  }
  await person.fill('#name', 'Robin Friend');
  await person.fill('#email', 'robin.friend@demo.waymark.example');
  await person.fill('#relationship', 'my friend');
  await person.click('main button:has-text("Invite them")');
  check(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/.test((await person.textContent('#setup-code') || '').trim()),
    'a supporter invited is given a one-time setup code');
  await axeBoth(person, 'a supporter invited, with their code', true);
  await person.goto(`${base}/plans/${safety}/edit`);
  await person.fill('#made-date-day', '31');
  await person.fill('#made-date-month', '2');
  await person.fill('#made-date-year', '2026');
  await person.click('main button[value=done]');
  check(await person.$('.nhsuk-error-summary') !== null, 'a plan finished with a date that is not real shows the error summary');
  await axeBoth(person, "a plan's form with a problem", true);
  await person.goto(`${base}/plans/${safety}/sharing`);
  await person.click('main button:has-text("Share it")');
  check(await person.$('.nhsuk-error-summary') !== null, 'sharing with no one chosen shows the error summary');
  await axeBoth(person, 'the sharing form with a problem', true);

  // The practitioner's pages: the person's plans, the joint crisis plan
  // shared with their team, written together, a change suggested, and
  // the page that opens it in a crisis (not opened).
  for (const [p, what] of [['/people/DEMO-000001/plans', "a person's plans, for their practitioner"],
    ['/plans/shared', 'plans shared with a practitioner'], [`/plans/${jcp}/together`, 'a plan written together'],
    [`/plans/${jcp}/crisis`, 'opening a plan in a crisis'], [`/plans/${jcp}/suggest`, 'suggesting a change']]) {
    const r = await prac.goto(base + p);
    check(r.status() === 200, `the practitioner opens ${p}`);
    await axeBoth(prac, what, p === '/plans/shared');
  }
  await prac.fill('#note', 'You said a quiet room helps most.');
  await Promise.all([prac.waitForNavigation(), prac.click('main button:has-text("Suggest this change")')]);
  await person.goto(`${base}/plans/${jcp}`);
  await person.click(`main a[href^="/plans/${jcp}/suggestions/"]`);
  check(/You said a quiet room helps most/.test(await person.content()), 'the person reads a change suggested, with why');
  await axeBoth(person, 'a change suggested');
  await Promise.all([person.waitForNavigation(), person.click('main button[value=decline]')]);

  // Done means, by keyboard alone, without JavaScript, at 320 px.
  const nojs = watch(await (await browser.newContext({ javaScriptEnabled: false,
    viewport: { width: 320, height: 900 } })).newPage(), 'a person, without JavaScript');
  await signIn(nojs, base, signins.person.email, signins.person.pw);
  await tabTo(nojs, 'a', /^My plans$/);
  await enterAndWait(nojs);
  check(nojs.url() === base + '/plans', 'the person goes to My plans by keyboard');
  await tabToHref(nojs, `/plans/${safety}/edit`);
  await enterAndWait(nojs);
  await fits(nojs, "the safety plan's form");
  await tabToId(nojs, 'reasons-list-4');
  await nojs.keyboard.type('Swimming on Sundays');
  await tabToId(nojs, 'safer-how');
  await nojs.keyboard.press('Control+End');
  await nojs.keyboard.type(' I keep the crisis line by the phone.');
  await tabTo(nojs, 'button', /^Finish this version$/);
  await enterAndWait(nojs);
  check(new RegExp(`/plans/${safety}\\?saved=\\d+$`).test(nojs.url()) &&
    /Swimming on Sundays/.test(await nojs.textContent('main')) &&
    /I keep the crisis line by the phone/.test(await nojs.textContent('main')),
    'the person changes their safety plan by keyboard, a list line and a text box, and finishes the version');
  await fits(nojs, 'the safety plan');
  await tabTo(nojs, 'a', /^Who can see it$/);
  await enterAndWait(nojs);
  await fits(nojs, 'who can see it');
  await tabTo(nojs, 'button', /^Stop sharing/);
  await enterAndWait(nojs);
  check(/\?stopped=1$/.test(nojs.url()), "the demo's share with the supporter is stopped by keyboard");
  const sup = watch(await (await browser.newContext()).newPage(), 'a supporter');
  await signIn(sup, base, signins.supporter.email, signins.supporter.pw);
  check(!/My safety plan/.test(await sup.textContent('main')), "... and the supporter's home lists it no more");
  await tabTo(nojs, 'select', /Choose who/);
  await nojs.keyboard.type('Amy');
  const chosen = await nojs.$eval('#with', s => s.options[s.selectedIndex].textContent);
  check(/your supporter/.test(chosen), `the supporter is chosen in the list by keyboard (${chosen})`);
  await tabTo(nojs, 'button', /^Share it$/);
  await enterAndWait(nojs);
  check(/\?shared=1$/.test(nojs.url()) && /your supporter/.test(await nojs.textContent('main table')),
    'the person shares their safety plan with their supporter again, by keyboard');
  await fits(nojs, 'who can see it, shared');

  // The supporter: their header and home lead nowhere but to what is
  // shared with them; they read the plan as it now is.
  await sup.reload();
  const links = await sup.$$eval('a[href]', as => as.map(a => a.getAttribute('href')));
  check(links.every(h => /^(\/|#maincontent|\/plans\/\d+)$/.test(h)) && links.includes(`/plans/${safety}`),
    `the supporter's home offers nothing but Home, Sign out and the plan shared with them (${links.join(' ')})`);
  check(await sup.$('header nav') === null && /Sign out/.test(await sup.textContent('header')),
    "... their header no navigation but Home and Sign out");
  await axeBoth(sup, "the supporter's home", true);
  await sup.click(`main a[href="/plans/${safety}"]`);
  await sup.waitForURL(`${base}/plans/${safety}`);
  check(/Swimming on Sundays/.test(await sup.textContent('main')) && /Shared with you by/.test(await sup.textContent('main')),
    'the supporter signs in and reads the safety plan as changed');
  check(await sup.$(`a[href="/plans/${safety}/edit"]`) === null, '... with no way to change it');
  await axeBoth(sup, 'a plan shared with a supporter', true);

  // The person stops sharing; the supporter's next request is 404.
  await tabTo(nojs, 'button', /^Stop sharing/);
  await enterAndWait(nojs);
  check(/\?stopped=1$/.test(nojs.url()) && /you stopped it on/.test(await nojs.textContent('main')),
    'the person stops sharing by keyboard');
  const gone = await sup.reload();
  check(gone.status() === 404, `the supporter's next request to the plan is 404 (${gone.status()})`);
  await tabTo(nojs, 'a', /^Who has seen my plans$/);
  await enterAndWait(nojs);
  const log = await nojs.textContent('main');
  const reads = (log.match(/Amy Supporter \(fictional\) \(your supporter\)/g) || []).length;
  check(reads >= 1, `the person sees their supporter's reads in who has seen my plans (${reads})`);
  check(/\(Practitioner, Exbridge Recovery Team\)/.test(log),
    "... and the practitioner's, who opened the joint crisis plan to write it together");
  await fits(nojs, 'who has seen my plans');
  await nojs.context().close();
  await sup.context().close();
  }

  // A service lead runs the quarter's self-assessment by keyboard alone.
  const lead = watch(await (await browser.newContext()).newPage(), 'a service lead');
  await signIn(lead, base, signins.lead.email, signins.lead.pw);
  await lead.goto(base + '/services');
  await axe(lead, "the lead's services");
  await lead.goto(base + '/services/exbridge-recovery');
  await axe(lead, "a service's page");
  await lead.goto(base + '/services/exbridge-recovery/standards');
  await axe(lead, 'the standards page before the self-assessment');
  check(/Start the self-assessment/.test(await lead.content()), 'the quarter starts with no self-assessment');
  await lead.click('text=Start the self-assessment');
  await axe(lead, 'the self-assessment form');
  const groups = await lead.$$eval('input[type=radio]', es => [...new Set(es.map(e => e.name))]);
  for (const g of groups) {
    for (let i = 0; i < 30; i++) {
      if (await lead.evaluate(() => document.activeElement?.name) === g) break;
      await lead.keyboard.press('Tab');
    }
    await lead.keyboard.press('ArrowDown');	// amber
    await lead.keyboard.press('ArrowDown');	// green
  }
  for (let i = 0; i < 60; i++) {
    if (await lead.evaluate(() => document.activeElement?.value) === 'done') break;
    await lead.keyboard.press('Tab');
  }
  await lead.keyboard.press('Enter');
  await lead.waitForURL(/\/services\/exbridge-recovery\/standards\/\d{4}-\d{2}-01$/);
  const page = await lead.content();
  check(/Version 1, submitted on/.test(page), 'the lead submits the self-assessment with the keyboard');
  check(/Lights by period/.test(page), 'the lead sees the history of lights as a grid');
  await shoot(lead, 'standards');
  await axe(lead, 'the standards page with its grid');
  await lead.click('text=Amend the self-assessment');
  await axe(lead, 'the amendment form');

  // A validator sees their invitations and a submitted validation.
  const val = watch(await (await browser.newContext()).newPage(), 'a validator');
  await signIn(val, base, signins.validator.email, signins.validator.pw);
  await val.goto(base + '/validations');
  await axe(val, "the validator's invitations");
  await val.click('main ul a');
  await axe(val, 'a validation');
  await lead.goto(base + '/services/exbridge-recovery/training');
  check(/Coverage/.test(await lead.content()), "a lead sees their service's recovery training");
  await axe(lead, 'the recovery training page');
  await shoot(lead, 'training');
  await lead.click('main button:has-text("Import file")');
  check(/There is a problem/.test(await lead.content()), 'importing with no file chosen says what to do');
  await axe(lead, 'the recovery training page with errors');
  // A service lead's profile views: a period with ERFS ratings, and the
  // latest period with the team's reflections.
  const code = signins.lead.email.split('@')[0].replace(/^lead\./, '');
  const latest = name => execFileSync('sqlite3', [db, 'SELECT max(r.quarter) ' +
    'FROM response r JOIN instrument i ON i.id = r.instrument_id ' +
    `JOIN unit u ON u.id = r.unit_id WHERE i.name = '${name}' AND u.code = '${code}'`])
    .toString().trim();
  await lead.goto(`${base}/services/${code}`);
  await axe(lead, "the lead's service page");
  await lead.goto(`${base}/services/${code}/erfs?period=${latest('ERFS')}`);
  check(await lead.$('svg.wm-chart') !== null, 'the ERFS profile draws its chart');
  await axe(lead, 'the ERFS profile');
  await shoot(lead, 'erfs-profile');
  await lead.goto(`${base}/services/${code}/erfs`);
  await axe(lead, 'the ERFS profile with no answers yet');
  await lead.goto(`${base}/services/${code}/indicators?period=${latest('DREEMSupportiveServiceIndicators')}`);
  await axe(lead, 'the supportive service indicators');
  await lead.goto(`${base}/services/${code}/ten-top-tips?period=${latest('TenTopTips')}`);
  await axe(lead, "the team's Ten Top Tips");
  await lead.goto(`${base}/services/${code}/ten-top-tips?period=1999-Q1`);
  await axe(lead, "the team's Ten Top Tips with no reflections");
  await lead.goto(base + '/services');
  await lead.click('main ul a');
  await lead.click('main a:has-text("Measurement cycles")');
  await axe(lead, 'the measurement cycles page');
  await lead.fill('#every', '0');
  await lead.click('main button:has-text("Add cycle")');
  check(/There is a problem/.test(await lead.content()), 'a cycle every 0 months is refused');
  await axe(lead, 'the cycles form with errors');
  // Stopping a cycle asks first; by keyboard alone, without JavaScript.
  await tabTo(lead, 'button', /^Stop/);
  await enterAndWait(lead);
  check(/Stop the .*monthly .* cycle for /.test(await lead.content()), 'stopping a cycle asks first, naming it');
  await axe(lead, 'the page asking to stop a cycle');
  await tabTo(lead, 'a', /^No, go back$/);
  await enterAndWait(lead);
  check(!/Stopped from/.test(await lead.content()), '"No, go back" stops nothing');
  await tabTo(lead, 'button', /^Stop/);
  await enterAndWait(lead);
  await tabTo(lead, 'button', /^Yes, stop it$/);
  await enterAndWait(lead);
  check(/Stopped from/.test(await lead.content()), 'confirmed by keyboard, the cycle stops');
  // The dashboard: the whole service on one page, printed on one A4 sheet.
  await lead.goto(`${base}/services/exbridge-recovery/dashboard`);
  check(/Change in the recovery markers/.test(await lead.content()), "a lead sees their service's dashboard");
  await axe(lead, "the service's dashboard");
  await legibleAt320(lead, "the service's dashboard");
  await shoot(lead, 'dashboard');
  const pdf = (await lead.pdf({ format: 'A4' })).toString('latin1');
  const sheets = (pdf.match(/\/Type\s*\/Page(?![A-Za-z])/g) || []).length;
  check(sheets === 1, `the dashboard prints on one A4 page (it took ${sheets})`);

  // The administrator adds a practitioner in the browser and is shown a
  // one-time setup code; the practitioner chooses their own password
  // with it and signs in. Each page axe-clean and without sideways
  // scrolling at 320 px; the forms by keyboard.
  {
  const admin = watch(await (await browser.newContext()).newPage(), 'an administrator');
  await signIn(admin, base, signins.admin.email, signins.admin.pw);
  const fits = async (what) => {
    await admin.setViewportSize({ width: 320, height: 900 });
    const w = await admin.evaluate(() => document.documentElement.scrollWidth);
    check(w <= 320, `${what} fits a 320 px screen (${w} px wide)`);
    await axe(admin, `${what} at 320 px`);
    await admin.setViewportSize({ width: 1280, height: 900 });
  };
  await tabTo(admin, 'a', /^Administration$/);
  await enterAndWait(admin);
  check(admin.url() === base + '/admin', 'the administrator reaches Administration from the header by keyboard');
  await axe(admin, 'Administration');
  await fits('Administration');
  await tabTo(admin, 'a', /^Accounts$/);
  await enterAndWait(admin);
  check(/Showing 1 to \d+ of \d+ accounts/.test(await admin.content()), 'the accounts, a page of them');
  await axe(admin, 'the accounts');
  await fits('the accounts');
  await tabTo(admin, 'a', /^Add an account$/);
  await enterAndWait(admin);
  await axe(admin, 'the form to add an account');
  await fits('the form to add an account');
  await admin.focus('#name');
  await admin.keyboard.type('Robin Newstarter');
  await admin.keyboard.press('Tab');
  await admin.keyboard.type('robin@demo.waymark.example');
  await admin.selectOption('#role', 'practitioner');
  await admin.selectOption('#unit', 'exbridge-recovery');
  await tabTo(admin, 'button', /^Add the account$/);
  await enterAndWait(admin);
  const setupCode = (await admin.textContent('#setup-code') || '').trim();
  check(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/.test(setupCode), 'the new account\'s setup code is shown, once');
  await axe(admin, 'the new account with its setup code');
  await fits('the new account with its setup code');
  await tabTo(admin, 'a', /^The account's page$/);
  await enterAndWait(admin);
  await axe(admin, "an account's page");
  await fits("an account's page");
  await tabTo(admin, 'button', /^Deactivate the account$/);
  await enterAndWait(admin);
  check(/Deactivate Robin Newstarter.s account\?/.test(await admin.content()), 'deactivating asks first');
  await axe(admin, 'the page asking to deactivate an account');
  await tabTo(admin, 'a', /^No, go back$/);
  await enterAndWait(admin);
  check(/Active/.test(await admin.content()), '"No, go back" deactivates nothing');

  const robin = watch(await (await browser.newContext()).newPage(), 'a new practitioner');
  await robin.goto(base + '/sign-in');
  await tabTo(robin, 'a', /^Choose your password$/);
  await enterAndWait(robin);
  await axe(robin, 'the setup form');
  await robin.setViewportSize({ width: 320, height: 900 });
  const w = await robin.evaluate(() => document.documentElement.scrollWidth);
  check(w <= 320, `the setup form fits a 320 px screen (${w} px wide)`);
  await robin.setViewportSize({ width: 1280, height: 900 });
  await robin.focus('#email');
  await robin.keyboard.type('robin@demo.waymark.example');
  await robin.keyboard.press('Tab');
  await robin.keyboard.type(setupCode.toLowerCase());
  await robin.keyboard.press('Tab');
  await robin.keyboard.type('willow brook evening');
  await robin.keyboard.press('Tab');
  await robin.keyboard.type('willow brook evening different');
  await enterAndWait(robin);
  check(/The two passwords are not the same/.test(await robin.content()), 'two different passwords are refused, on the form');
  await axe(robin, 'the setup form with errors');
  await robin.focus('#code');
  await robin.keyboard.type(setupCode);
  await robin.keyboard.press('Tab');
  await robin.keyboard.type('willow brook evening');
  await robin.keyboard.press('Tab');
  await robin.keyboard.type('willow brook evening');
  await robin.keyboard.press('Enter');
  await robin.waitForURL(base + '/');
  check(/Caseload/.test(await robin.content()), 'the new practitioner chooses their password with the code and is signed in');
  const again = watch(await (await browser.newContext()).newPage(), 'a new practitioner');
  await signIn(again, base, 'robin@demo.waymark.example', 'willow brook evening');
  check(/Caseload/.test(await again.content()), '... and signs in with their own password');
  }

  // A commissioner answers "which of our services help people recover,
  // and which standards are not yet met?" from /network, by keyboard.
  const commIn = async (js) => {
    const page = watch(await (await browser.newContext({ javaScriptEnabled: js })).newPage(),
      js ? 'a commissioner' : 'a commissioner, without JavaScript');
    await page.goto(base + '/sign-in');
    await page.focus('#email');
    await page.keyboard.type(signins.commissioner.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(signins.commissioner.pw);
    await page.keyboard.press('Enter');
    await page.waitForURL(base + '/network');
    return page;
  };
  const comm = await commIn(true);
  // Recovery: people paired, and how they changed, or (a demo of 20
  // people has fewer than the 30 complete first answers an estimated
  // threshold needs) that change could not be judged, and why.
  check(/The 10 core standards/.test(await comm.content()) &&
    /People with two answers or more/.test(await comm.content()) &&
    (/Reliably improved/.test(await comm.content()) ||
    /change could not be judged, as there is no reliable change threshold: too few complete first answers/.test(await comm.content())),
    "a commissioner's home is the network at a glance");
  check(/id="experience"/.test(await comm.content()) &&
    /People who agree, by indicator/.test(await comm.content()) &&
    /ERFS, by group/.test(await comm.content()),
    "the network shows what people and staff say about each service");
  check(/Recovery markers: left out, and why/.test(await comm.content()),
    '... and who is left out of the recovery markers, and why');
  await axe(comm, "the commissioner's network");
  await shoot(comm, 'network');
  // The contents list by keyboard: Tab to "Recovery", Enter.
  for (let i = 0; i < 60; i++) {
    await comm.keyboard.press('Tab');
    if (await comm.evaluate(() => document.activeElement?.getAttribute('href')) === '#recovery')
      break;
  }
  await comm.keyboard.press('Enter');
  check(comm.url().endsWith('/network#recovery'), 'the contents list reaches Recovery by keyboard');
  // Another year, chosen with the keyboard: the one before.
  const yearBefore = await comm.evaluate(() => document.querySelector('#to option:nth-child(2)').value);
  await comm.focus('#to');
  await comm.keyboard.press('ArrowDown');
  await comm.keyboard.press('Tab');
  await comm.keyboard.press('Enter');
  await comm.waitForURL(new RegExp(`/network\\?to=${yearBefore}$`));
  const y = Number(yearBefore.slice(0, 4)), q = Number(yearBefore.slice(-1));
  const months = ['January', 'April', 'July', 'October'];
  check((await comm.content()).includes(`The four quarters from ${months[q % 4]} ${q === 4 ? y : y - 1} to `),
    'a commissioner chooses the year before by keyboard');
  await axe(comm, 'the network for the year before');
  const service = await comm.evaluate(() => document.querySelector('a[href^="/network/services/"]').getAttribute('href'));
  check(service.endsWith(`?to=${yearBefore}`), 'its services link to their pages for that year');
  await comm.goto(base + '/network?to=1999-Q1');
  check(/Show the year to today/.test(await comm.content()), 'a year not offered says so, with the way on');
  await axe(comm, 'a year that cannot be shown');
  await comm.goto(base + '/network/outcomes');
  check(await comm.$('svg.wm-chart title') !== null, 'the outcomes page draws its funnel plots, titled');
  check(/The chart.s figures/.test(await comm.content()), '... each with a table of the same figures');
  await axe(comm, 'the recovery outcomes');
  await legibleAt320(comm, 'the recovery outcomes');
  await shoot(comm, 'network-outcomes');
  await comm.goto(base + '/network/about');
  await axe(comm, 'how the figures are worked out');
  await comm.setViewportSize({ width: 320, height: 900 });
  for (const path of ['/network', '/network/outcomes', '/network/about']) {
    await comm.goto(base + path);
    const wide = await comm.evaluate(() => document.documentElement.scrollWidth);
    check(wide <= 320, `${path} fits a 320 px screen (${wide} px wide)`);
    await axe(comm, `${path} at 320 px`);
  }
  {
  // A commissioner, without JavaScript: from their network to a service's
  // own page by keyboard alone, a trend's table opened by keyboard, then a
  // period of its standards; each page read at 320 px without sideways
  // scrolling. axe runs its checks as a script, so it reads the same
  // pages in a second window that allows one.
  const nojs = await commIn(false);
  check(nojs.url() === base + '/network', 'a commissioner signs in to their network');
  let reached = false;
  for (let i = 0; i < 200 && !reached; i++) {
    await nojs.keyboard.press('Tab');
    reached = await nojs.evaluate(() =>
      /^\/network\/services\/[a-z-]+$/.test(document.activeElement?.getAttribute('href') || ''));
  }
  check(reached, "a service's page is reached from the network by keyboard");
  const href = await nojs.evaluate(() => document.activeElement.getAttribute('href'));
  await nojs.keyboard.press('Enter');
  await nojs.waitForURL(base + href);
  check(await nojs.$('#trends svg[role=img] title') !== null, "the service's trends are charts with a title, without JavaScript");
  check(await nojs.$('#history table') !== null, "... and its standards' history a grid");
  const wide = async (page) => {
    await page.setViewportSize({ width: 320, height: 900 });
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.setViewportSize({ width: 1280, height: 900 });
    return w;
  };
  let w = await wide(nojs);
  check(w <= 320, `a service's page fits 320 px without sideways scrolling (${w})`);
  await nojs.focus('#trends summary');
  await nojs.keyboard.press('Enter');
  check(await nojs.$eval('#trends details', d => d.open), "a chart's table opens by keyboard, without JavaScript");
  const period = await nojs.$eval('#history thead a', a => a.getAttribute('href'));
  await nojs.goto(base + period);
  check(/Validators, by group/.test(await nojs.content()), "a period of the service's standards, validators by group");
  w = await wide(nojs);
  check(w <= 320, `a period's page fits 320 px without sideways scrolling (${w})`);
  const comm = await commIn(true);
  await comm.goto(base + href);
  await axe(comm, "a service's page, for its commissioner");
  await legibleAt320(comm, "a service's page, for its commissioner");
  await shoot(comm, 'network-service');
  await comm.click('#trends summary');
  await axe(comm, "a service's page with a trend's table open");
  await comm.goto(base + period);
  await axe(comm, "a period of a service's standards, for its commissioner");
  await shoot(comm, 'network-service-standards');
  }

  // Done means, for every role: each kind of page it reaches from home by
  // following links (one of each: a person's pages are all alike), read
  // at 320 px, scrolls not sideways and shows no role's code ("lead@
  // exbridge-recovery") where its name in words belongs; and, in the
  // summary below, none logs a console error. axe reads each kind of
  // page not yet read at 320 px in this run, by any role: one route draws
  // one kind of page, whoever reads it. A home is read for every role,
  // as each role's home is a page of its own.
  const roleCode = /\b(person|practitioner|lead|validator|commissioner|admin)@[a-z0-9-]+(?![\w.@-])/;
  for (const [role, who] of Object.entries(signins)) {
    const page = watch(await (await browser.newContext({ viewport: { width: 320, height: 900 } })).newPage(),
      `a ${role} at 320 px`);
    await page.goto(base + '/sign-in');
    await page.fill('#email', who.email);
    await page.fill('#password', who.pw);
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    const kinds = new Set(), queue = ['/'], wide = [], coded = [], faults = [];
    let read = 0;
    while (queue.length && kinds.size < 40) {
      const p = queue.shift();
      if (kinds.has(kind(p))) continue;
      kinds.add(kind(p));
      await page.goto(base + p);
      const r = await page.evaluate(() => ({ w: document.documentElement.scrollWidth,
        text: document.body.innerText,
        links: [...document.querySelectorAll('a[href^="/"]')].map(a => a.getAttribute('href')) }));
      if (r.w > 320) wide.push(`${p} (${r.w} px)`);
      const code = r.text.match(roleCode);
      if (code) coded.push(`${p} (${code[0]})`);
      const key = axedKey(page) + (kind(path(page.url())) === '/' ? ' ' + role : '');
      if (!axed.has(key)) {
        axed.add(key);
        read++;
        for (const v of (await new AxeBuilder({ page }).analyze()).violations)
          faults.push(`${p}: ${v.id}`);
      }
      for (const h of r.links)
        if (!/^\/(sign-out|api\/|assets\/)|\.(csv|json)(\?|$)/.test(h)) queue.push(h);
    }
    check(wide.length === 0, `every kind of page a ${role} reaches (${kinds.size}) fits 320 px` +
      (wide.length ? ': not ' + wide.slice(0, 5).join(', ') : ''));
    check(coded.length === 0, `... and none shows a role's code` +
      (coded.length ? ': ' + coded.slice(0, 5).join(', ') : ''));
    check(faults.length === 0, `axe finds no violations on the ${read} of them not read at 320 px before` +
      (faults.length ? ': ' + faults.slice(0, 5).join(', ') : ''));
  }

  {
  // The administrator's pages (part B): the network tree, people,
  // instruments, settings and the audit log, each read at 1280 and 320 px
  // without sideways scrolling and checked by axe; then, without
  // JavaScript and by keyboard alone, a service added and closed after
  // being asked, and a person's date that is not real refused at its
  // field.
  const adminIn = async (js) => {
    const page = watch(await (await browser.newContext({ javaScriptEnabled: js })).newPage(),
      js ? 'an administrator' : 'an administrator, without JavaScript');
    await signIn(page, base, signins.admin.email, signins.admin.pw);
    return page;
  };
  const admin = await adminIn(true);
  const fits = async (page) => {
    await page.setViewportSize({ width: 320, height: 900 });
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.setViewportSize({ width: 1280, height: 900 });
    return w;
  };
  const adminPages = [
    ['/admin/network', 'admin-network'], ['/admin/network/exbridge-recovery', 'admin-unit'],
    ['/admin/people', 'admin-people'], ['/admin/people/DEMO-000001', 'admin-person'],
    ['/admin/instruments', 'admin-instruments'], ['/admin/settings', 'admin-settings'],
    ['/admin/audit', 'admin-audit'],
  ];
  for (const [where, name] of adminPages) {
    const r = await admin.goto(base + where);
    check(r.status() === 200, `an administrator opens ${where}`);
    check(/Back to /.test(await admin.content()), `${where} has a way back`);
    await axe(admin, where);
    const w = await fits(admin);
    check(w <= 320, `${where} fits a 320 px screen (${w} px wide)`);
    await shoot(admin, name);
  }
  const nojs = await adminIn(false);
  await nojs.goto(base + '/admin/network');
  await nojs.focus('#code');
  await nojs.keyboard.type('browser-team');
  await nojs.keyboard.press('Tab');
  await nojs.keyboard.type('Browser Team');
  await tabTo(nojs, 'button', /^Add$/);
  await enterAndWait(nojs);
  check(nojs.url() === base + '/admin/network/browser-team',
    'a service added by keyboard, without JavaScript, leads to its page');
  await tabTo(nojs, 'button', /^Close Browser Team$/);
  await enterAndWait(nojs);
  check(/cannot be undone/.test(await nojs.content()), 'closing it asks first, saying it cannot be undone');
  await tabTo(nojs, 'button', /^Yes, close it$/);
  await enterAndWait(nojs);
  check(/closed from/.test(await nojs.content()), 'confirmed by keyboard, the service is closed');
  await admin.goto(base + '/admin/network/exbridge-recovery');
  await admin.click('main button:has-text("Close Exbridge")');
  await axe(admin, 'the page asking to close a service');
  await admin.click('main a:has-text("No, go back")');
  check(!/closed from/.test(await admin.content()), '"No, go back" closes nothing');
  await admin.goto(base + '/admin/people');
  await admin.fill('#id', 'BROWSER-1');
  await admin.fill('#name', 'Browser Person');
  await admin.fill('#since-day', '31');
  await admin.fill('#since-month', '2');
  await admin.fill('#since-year', '2026');
  await admin.click('main button:has-text("Add person")');
  check(/The date must be a real date/.test(await admin.content()), 'a date that is not real is refused at its field');
  await axe(admin, 'the people page with a problem');
  const w = await fits(admin);
  check(w <= 320, `the people page with a problem fits 320 px (${w} px wide)`);
  }
} catch (e) {
  check(false, 'the browser run finished: ' + e.message);
} finally {
  for (const [role, errors] of consoleErrors) {
    for (const e of errors.slice(0, 5)) console.log('  console error: ' + e);
    check(errors.length === 0, `no console errors on the pages ${role} visits (${errors.length})`);
  }
  await browser.close();
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
console.log(`browser checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
