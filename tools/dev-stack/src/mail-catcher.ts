import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtEmail {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  /** The Message-ID header as sent, angle brackets included. */
  messageId: string;
  subject: string;
  text: string;
  html: string;
}

export interface RunningMailCatcher {
  smtpUrl: string;
  webUrl: string;
  messages(): CaughtEmail[];
  stop(): Promise<void>;
}

export interface MailCatcherOptions {
  smtpPort: number;
  httpPort: number;
}

/**
 * A real SMTP server that keeps every message it accepts, with a web page to read them
 * (GET /) and a JSON API for tests (GET /api/messages, DELETE /api/messages).
 * Like a real relay it can say no: recipients at refuse.smtp.test are refused for good (550);
 * recipients at defer.smtp.test are deferred (451) twice, then accepted.
 */
const REFUSED_DOMAIN = '@refuse.smtp.test';
const DEFERRED_DOMAIN = '@defer.smtp.test';
const DEFERRALS_BEFORE_ACCEPTING = 2;

export async function startMailCatcher(options: MailCatcherOptions): Promise<RunningMailCatcher> {
  const caught: CaughtEmail[] = [];
  const deferrals = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo({ address }, _session, callback) {
      const refusal = (code: number, message: string) =>
        callback(Object.assign(new Error(message), { responseCode: code }));
      if (address.endsWith(REFUSED_DOMAIN)) return refusal(550, '5.1.1 mailbox unavailable');
      if (address.endsWith(DEFERRED_DOMAIN)) {
        const seen = deferrals.get(address) ?? 0;
        deferrals.set(address, seen + 1);
        if (seen < DEFERRALS_BEFORE_ACCEPTING) return refusal(451, '4.3.0 try again later');
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          caught.push({
            id: randomUUID(),
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            messageId: parsed.messageId ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort, '127.0.0.1', () => resolve());
  });

  const web = createServer((request, response) => serveWeb(caught, request, response));
  await new Promise<void>((resolve) => web.listen(options.httpPort, '127.0.0.1', () => resolve()));

  return {
    smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
    webUrl: `http://127.0.0.1:${options.httpPort}`,
    messages: () => [...caught],
    stop: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await closeServer(web);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function serveWeb(caught: CaughtEmail[], request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://catcher');
  if (url.pathname === '/api/messages' && request.method === 'GET') {
    return send(response, 200, 'application/json', JSON.stringify(caught));
  }
  if (url.pathname === '/api/messages' && request.method === 'DELETE') {
    caught.length = 0;
    return send(response, 204, 'text/plain', '');
  }
  const single = /^\/messages\/([\w-]+)$/.exec(url.pathname);
  if (single) {
    const message = caught.find((m) => m.id === single[1]);
    return message
      ? send(response, 200, 'text/html', messagePage(message))
      : send(response, 404, 'text/plain', 'No such message');
  }
  if (url.pathname === '/') return send(response, 200, 'text/html', inboxPage(caught));
  send(response, 404, 'text/plain', 'Not found');
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8` }).end(body);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ccc;padding:.4rem;text-align:left}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}
iframe{width:100%;height:24rem;border:1px solid #ccc}</style></head><body>${body}</body></html>`;
}

function inboxPage(caught: CaughtEmail[]): string {
  const rows = [...caught]
    .reverse()
    .map(
      (m) => `<tr><td>${escapeHtml(new Date(m.receivedAt).toLocaleString('en-GB'))}</td>
<td>${escapeHtml(m.to.join(', '))}</td><td><a href="/messages/${m.id}">${escapeHtml(m.subject)}</a></td></tr>`,
    )
    .join('');
  return page(
    'Mail catcher',
    `<h1>Caught emails (${caught.length})</h1><p>Every email the service sends in development lands here; nothing leaves this machine. Reload to refresh.</p>
<table><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

function messagePage(m: CaughtEmail): string {
  return page(
    m.subject,
    `<p><a href="/">All emails</a></p><h1>${escapeHtml(m.subject)}</h1>
<p>From: ${escapeHtml(m.from)}<br>To: ${escapeHtml(m.to.join(', '))}<br>Received: ${escapeHtml(m.receivedAt)}</p>
<h2>HTML</h2><iframe sandbox title="HTML body" srcdoc="${escapeHtml(m.html)}"></iframe>
<h2>Plain text</h2><pre>${escapeHtml(m.text)}</pre>`,
  );
}
