import { compileEmailTemplate } from './renderer';

describe('email renderer (Handlebars, isolated instance)', () => {
  const template = compileEmailTemplate({
    subject: '{{title}}: {{value}}',
    text: '{{#> textLayout}}Value: {{value}}\n{{/textLayout}}',
    html: '{{#> layout}}<p>{{value}}</p>{{/layout}}',
  });
  const view = {
    title: 'A <b>title</b>',
    value: `<script>alert("x")</script> & 'quoted'`,
    link: 'https://safeguarding.example/actions?due=today&view=mine',
    linkText: 'Open your actions in the safeguarding service',
  };

  it('escapes every value in the HTML part, the layout partial included', () => {
    const { html } = template(view);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quoted&#x27;</p>',
    );
    expect(html).toContain(
      '<h1 style="margin:0 0 20px;font-size:28px;line-height:1.25;color:#0b0c0c;">A &lt;b&gt;title&lt;/b&gt;</h1>',
    );
    expect(html).toContain(
      'href="https://safeguarding.example/actions?due&#x3D;today&amp;view&#x3D;mine"',
    );
  });

  it('leaves the plain text and the subject unescaped: they are not HTML', () => {
    const { subject, text } = template(view);
    expect(subject).toBe(`A <b>title</b>: ${view.value}`);
    expect(text).toContain(`Value: ${view.value}`);
    expect(text).toContain(view.link);
  });

  it('is strict: a missing field throws instead of rendering blank', () => {
    const { value: _value, ...withoutValue } = view;
    expect(() => template(withoutValue)).toThrow(/"value" not defined/);
    const { link: _link, ...withoutLink } = view;
    expect(() => template(withoutLink)).toThrow(/"link" not defined/);
  });

  it('refuses a subject that would break onto a second header line', () => {
    expect(() => template({ ...view, value: 'x\r\nBcc: someone@example.org' })).toThrow(
      'an email subject must be one line',
    );
  });

  it('reports a template syntax error when the template is compiled, not when mail is sent', () => {
    expect(() => compileEmailTemplate({ subject: '{{#if x}}', text: '', html: '' })).toThrow();
  });
});
