// A page that talks to no one: the Content-Security-Policy of dist/clausier.html forbids every connection,
// frame, form target and outside resource, and it is in force while the app runs — a fetch, a beacon, a
// WebSocket, an injected image, frame or form are all blocked, each raising a securitypolicyviolation event,
// and the page requests nothing beyond itself. The HTML export carries no script either.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run, appUrl } from './lib.mjs';

run('csp', async (app) => {
  // The policy as shipped in the file.
  const page = readFileSync(fileURLToPath(appUrl), 'utf8');
  const meta = page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  app.check(!!meta, 'the page carries a Content-Security-Policy meta tag');
  const policy = meta ? meta[1] : '';
  for (const directive of ["default-src 'none'", "connect-src 'none'", "frame-src 'none'", "form-action 'none'",
    "base-uri 'none'", "object-src 'none'", "worker-src 'none'"])
    app.check(policy.includes(directive), 'the policy has ' + directive);
  const allowed = policy.split(';').map((d) => d.trim()).filter((d) => /https?:|\*|'self'/.test(d));
  app.check(allowed.length === 0, 'no directive allows a host, a wildcard or self (' + (allowed[0] || 'none') + ')');
  app.check(!/<script[^>]+src=/i.test(page) && !/<link[^>]+href=/i.test(page), 'the page loads no outside script or style sheet');

  await app.open();
  app.check(!!(await app.state()).frame, 'the app runs under the policy');

  // The app at work (typing, exporting) requests nothing; its HTML export carries no script.
  await app.fill('besoin.object', 'Nettoyage <script>alert(1)</script>');
  await app.click('step.export');
  const html = await app.download('export.dce.html');
  app.check(!/<script/i.test(html.text), 'the HTML export contains no <script');
  app.check(/Content-Security-Policy" content="default-src 'none'/.test(html.text), 'the HTML export carries its own closed policy');
  app.check(!/(src|href)="https?:/i.test(html.text), 'the HTML export references nothing outside');

  app.checkNoNetwork();

  // Then everything a script injected into the page could try is blocked by the policy. (Chromium reports
  // some blocked attempts as requests that fail with ERR_BLOCKED_BY_CSP: none may get an answer.)
  const outcomes = new Map();
  app.page.on('requestfailed', (r) => outcomes.set(r.url(), r.failure()?.errorText || 'failed'));
  app.page.on('response', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) outcomes.set(r.url(), 'ANSWERED'); });
  await app.page.evaluate(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  const violations = async () => app.page.evaluate(() => window.cspViolations.slice());
  // The browser reports a violation as an event: wait for it (a generous bound only for the failure case).
  const waitViolation = async (prefix) => app.page.waitForFunction(
    (p) => window.cspViolations.some((v) => v.startsWith(p)), prefix, { timeout: 30000 }).then(() => true, () => false);

  const fetched = await app.page.evaluate(() => fetch('http://127.0.0.1:9/x').then(() => 'sent', () => 'blocked'));
  app.check(fetched === 'blocked', 'fetch to another host is blocked');
  app.check(await waitViolation('connect-src'), 'and raises a connect-src violation');

  const xhr = await app.page.evaluate(() => new Promise((resolve) => {
    try {
      const r = new XMLHttpRequest();
      r.open('GET', 'http://127.0.0.1:9/xhr');
      r.onload = () => resolve('sent');
      r.onerror = () => resolve('blocked');
      r.send();
    } catch (e) { resolve('blocked'); }
  }));
  app.check(xhr === 'blocked', 'XMLHttpRequest is blocked');

  await app.page.evaluate(() => { try { navigator.sendBeacon('http://127.0.0.1:9/b', 'x'); } catch (e) { /* refused at once */ } });
  app.check(await waitViolation('connect-src http://127.0.0.1:9/b'), 'sendBeacon is blocked (connect-src)');

  const socket = await app.page.evaluate(() => { try { new WebSocket('ws://127.0.0.1:9/'); return 'opened'; } catch (e) { return 'blocked'; } });
  app.check(socket === 'blocked' || await waitViolation('connect-src'), 'a WebSocket is blocked');

  const image = await app.page.evaluate(() => new Promise((resolve) => {
    const img = document.createElement('img');
    img.onload = () => resolve('loaded');
    img.onerror = () => resolve('blocked');
    img.src = 'http://127.0.0.1:9/x';
    document.body.appendChild(img);
  }));
  app.check(image === 'blocked', 'an injected <img src="http://127.0.0.1:9/x"> is blocked');
  app.check(await waitViolation('img-src'), 'and raises an img-src violation');

  await app.page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = 'http://127.0.0.1:9/frame';
    document.body.appendChild(frame);
  });
  app.check(await waitViolation('frame-src'), 'an injected frame is blocked (frame-src)');

  await app.page.evaluate(() => {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = 'http://127.0.0.1:9/s.css';
    document.head.appendChild(style);
  });
  app.check(await waitViolation('style-src'), 'an injected outside style sheet is blocked (style-src)');

  await app.page.evaluate(() => {
    const form = document.createElement('form');
    form.action = 'http://127.0.0.1:9/form';
    form.method = 'post';
    document.body.appendChild(form);
    form.submit();
  });
  app.check(await waitViolation('form-action'), 'submitting a form elsewhere is blocked (form-action)');
  app.check(app.page.url() === appUrl, 'the page did not navigate away');

  // Every attempt that became a request has come to an end (failed or answered) before it is judged.
  const outside = () => app.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'));
  for (const start = Date.now(); outside().some((u) => !outcomes.has(u)) && Date.now() - start < 30000;)
    await app.page.waitForTimeout(50);   // polling the outcomes, not a delay
  const attempts = outside();
  const answered = attempts.filter((u) => !/BLOCKED_BY_CSP|csp/i.test(outcomes.get(u) || ''));
  app.check(answered.length === 0, `every attempt to reach outside was blocked by the policy (${attempts.length} attempts; ` +
    (answered[0] ? answered[0] + ': ' + outcomes.get(answered[0]) : 'none got through') + ')');
  app.check(!(await violations()).some((v) => v.startsWith('script-src')), 'the app itself never needed anything the policy forbids');
});
