import Handlebars from 'handlebars';
import {
  htmlActionSummary,
  htmlDisagreementSummary,
  htmlLayout,
  textActionSummary,
  textDisagreementSummary,
  textLayout,
} from './templates/layout';

/** A template as three Handlebars sources, kept in a TypeScript module so `tsc` ships it. */
export interface EmailTemplateSource {
  subject: string;
  text: string;
  html: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export type CompiledEmailTemplate = (view: object) => RenderedEmail;

/**
 * An isolated Handlebars instance: nothing registered on the global one (by us or a dependency)
 * reaches our templates. Strict mode everywhere, so a missing field throws instead of rendering
 * blank; HTML is escaped, plain text and the subject are not (they are not HTML).
 */
const handlebars = Handlebars.create();
const HTML_OPTIONS = { strict: true, noEscape: false } as const;
const TEXT_OPTIONS = { strict: true, noEscape: true } as const;

function compile(source: string, options: typeof HTML_OPTIONS | typeof TEXT_OPTIONS) {
  // Parsing now makes a syntax error fail at module load; Handlebars compiles the AST once,
  // on first use, and keeps the result.
  return handlebars.compile(handlebars.parse(source), options);
}

// Partials are registered compiled, so each keeps its own escaping whatever template calls it.
handlebars.registerPartial('layout', compile(htmlLayout, HTML_OPTIONS));
handlebars.registerPartial('actionSummary', compile(htmlActionSummary, HTML_OPTIONS));
handlebars.registerPartial('textLayout', compile(textLayout, TEXT_OPTIONS));
handlebars.registerPartial('textActionSummary', compile(textActionSummary, TEXT_OPTIONS));
handlebars.registerPartial('disagreementSummary', compile(htmlDisagreementSummary, HTML_OPTIONS));
handlebars.registerPartial(
  'textDisagreementSummary',
  compile(textDisagreementSummary, TEXT_OPTIONS),
);

export function compileEmailTemplate(source: EmailTemplateSource): CompiledEmailTemplate {
  const subject = compile(source.subject, TEXT_OPTIONS);
  const text = compile(source.text, TEXT_OPTIONS);
  const html = compile(source.html, HTML_OPTIONS);
  return (view) => {
    const rendered = { subject: subject(view), text: text(view), html: html(view) };
    if (/[\r\n]/.test(rendered.subject)) {
      throw new Error('an email subject must be one line');
    }
    return rendered;
  };
}
