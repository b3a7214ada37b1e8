import { HttpStatus } from '@nestjs/common';
import { escapeHtml, LINK_PAGES } from './link-pages';

const heading = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
const paragraphs = (html: string) => [...html.matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1]);

describe('action link pages', () => {
  it('ask before acting, with a form posting back to the same URL', () => {
    const { status, html } = LINK_PAGES.confirm('ACT-2026-000042', 'complete');
    expect(status).toBe(HttpStatus.OK);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(heading(html)).toBe('Mark ACT-2026-000042 as complete?');
    expect(html).toContain(
      '<form method="post"><button type="submit">Mark as complete</button></form>',
    );
    expect(html).not.toMatch(/<script|action=/);
  });

  it('word each verb: a question, its button and what was done', () => {
    const acknowledge = LINK_PAGES.confirm('ACT-2026-000042', 'acknowledge');
    expect(heading(acknowledge.html)).toBe('Acknowledge ACT-2026-000042?');
    expect(acknowledge.html).toContain(
      '<form method="post"><button type="submit">Acknowledge</button></form>',
    );
    const done = LINK_PAGES.done('ACT-2026-000042', 'acknowledge');
    expect(done.status).toBe(HttpStatus.OK);
    expect(heading(done.html)).toBe('ACT-2026-000042 is acknowledged');
    expect(done.html).not.toContain('<form');
  });

  it('give the workflow’s reason for a refusal as a plain sentence, changing nothing', () => {
    const { status, html } = LINK_PAGES.refused('the action has already been acknowledged');
    expect(status).toBe(HttpStatus.CONFLICT);
    expect(heading(html)).toBe('This cannot be done now');
    expect(paragraphs(html)).toEqual([
      'The action has already been acknowledged.',
      'Nothing has been changed.',
      'To see or update the action, sign in to the safeguarding service.',
    ]);
    expect(html).not.toContain('<form');
    expect(paragraphs(LINK_PAGES.refused('it is closed.').html)[0]).toBe('It is closed.');
    expect(LINK_PAGES.refused('<b>&</b>').html).toContain('<p>&lt;b&gt;&amp;&lt;/b&gt;.</p>');
  });

  it('say why a link cannot be used, in plain words, with no form', () => {
    const refusals = {
      invalid: [HttpStatus.NOT_FOUND, 'This link is not valid'],
      expired: [HttpStatus.GONE, 'This link has expired'],
      used: [HttpStatus.GONE, 'This link has already been used'],
      notYours: [HttpStatus.GONE, 'This action is no longer yours'],
      alreadyComplete: [HttpStatus.CONFLICT, 'This action is already complete'],
      cancelled: [HttpStatus.CONFLICT, 'This action has been cancelled'],
      unavailable: [HttpStatus.SERVICE_UNAVAILABLE, 'Please try again later'],
    } as const;
    for (const [name, [status, title]] of Object.entries(refusals)) {
      const page = LINK_PAGES[name as keyof typeof refusals];
      expect({ name, status: page.status, heading: heading(page.html) }).toEqual({
        name,
        status,
        heading: title,
      });
      expect(page.html).not.toContain('<form');
    }
  });

  it('escape whatever they show', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    const { html } = LINK_PAGES.done('<img src=x onerror=alert(1)>', 'complete');
    expect(html).not.toContain('<img');
    expect(heading(html)).toBe('&lt;img src=x onerror=alert(1)&gt; is marked complete');
  });
});
