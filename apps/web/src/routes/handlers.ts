import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { ApiClient, ApiProblem, type FieldProblem } from '../api/api-client';
import { redirectWithMessage } from './flash';

/** What every page handler gets: the request, the response, and the API as the signed-in person. */
export type PageHandler = (req: Request, res: Response, api: ApiClient) => Promise<void>;

/** Turns a page handler into Express middleware; anything thrown goes to the error pages. */
export function page(apiUrl: string, handler: PageHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const api = new ApiClient(apiUrl, req.user!.accessToken, String(req.id ?? ''));
    handler(req, res, api).catch(next);
  };
}

/** A GOV.UK error summary's list: each message linked to its field. */
export interface ErrorSummaryItem {
  text: string;
  href: string;
}

/**
 * An API refusal of a form, as the GOV.UK error summary and the fields' own messages show it:
 * each field the API named is linked (its id is the API's field name, as the form's inputs are
 * named); a refusal about the whole command (409: not now, and why) is one message linked to the
 * form's first field.
 */
function formErrors(
  problem: ApiProblem,
  firstField: string,
): { errorList: ErrorSummaryItem[]; fieldErrors: Record<string, { text: string }> } {
  const fields: FieldProblem[] = problem.errors.length
    ? problem.errors
    : [{ field: firstField, message: problem.detail ?? problem.title }];
  const fieldErrors: Record<string, { text: string }> = {};
  for (const { field, message } of fields) {
    fieldErrors[field] ??= { text: sentence(message) };
  }
  return {
    errorList: Object.entries(fieldErrors).map(([field, { text }]) => ({
      text,
      href: `#${field}`,
    })),
    fieldErrors,
  };
}

/** Can the person put this right on the form (400, 409, 422), or is it not theirs to fix? */
function isFormProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem && [400, 409, 422].includes(error.status);
}

/** The page a form is on, to show again when the API refuses what was sent. */
export interface FormPage {
  view: string;
  /** Everything the page shows besides the form's own values. */
  context: () => Promise<object>;
  /** What the person typed, shown again. */
  values?: object;
  /** The field a refusal of the whole command (409) is linked to. */
  firstField: string;
  /** Where the form's field names differ from the API's: API name → form name. */
  fieldNames?: Record<string, string>;
}

/**
 * Sends a form's command to the API: true when it was done. A refusal the person can put right
 * (400, 409, 422) shows the same form again, with what they typed and a GOV.UK error summary
 * linked to each field, and answers false; anything else goes to the error pages.
 */
export async function submitted(
  res: Response,
  form: FormPage,
  command: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await command();
    return true;
  } catch (error) {
    if (!isFormProblem(error)) throw error;
    const renamed = new ApiProblem(
      error.status,
      error.type,
      error.title,
      error.detail,
      error.errors.map((each) => ({ ...each, field: form.fieldNames?.[each.field] ?? each.field })),
    );
    res.status(error.status).render(form.view, {
      ...(await form.context()),
      values: form.values ?? {},
      ...formErrors(renamed, form.firstField),
    });
    return false;
  }
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Record ids in these route parameters must look like ids: anything else is no page of ours (the
 * not-found page), never a call to the API with it.
 */
export function idParams(router: Router, ...names: string[]): void {
  for (const name of names) {
    router.param(name, (_req, _res, next, value) =>
      UUID.test(String(value)) ? next() : next('route'),
    );
  }
}

/** A form field as typed, without surrounding spaces ('' when it is missing or not text). */
export function field(body: Record<string, unknown>, name: string): string {
  const value = body?.[name];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * A page whose form sends one command: GET shows it, POST sends the command as the signed-in
 * person and goes on with a message, and a refusal shows the form again (see `submitted`).
 */
export interface FormRoute<Values extends object, Answer = unknown> {
  view: string;
  /** Everything the page shows besides what was typed; `values` once something was. */
  context(api: ApiClient, req: Request, values?: Values): Promise<object>;
  /** What was typed, from the posted form. */
  values(req: Request): Values;
  /** The field a refusal of the whole command is linked to. */
  firstField: string | ((values: Values) => string);
  /** Where the form's field names differ from the API's: API name → form name. */
  fieldNames?: Record<string, string>;
  /** The command; what it answers goes to `done`. */
  send(api: ApiClient, req: Request, values: Values): Promise<Answer>;
  /** Where to go once it is done, and what to say there. */
  done(req: Request, values: Values, answer: Answer): { message: string; to: string };
}

export function formRoute<Values extends object, Answer = unknown>(
  router: Router,
  apiUrl: string,
  path: string,
  route: FormRoute<Values, Answer>,
): void {
  router.get(
    path,
    page(apiUrl, async (req, res, api) => {
      res.render(route.view, await route.context(api, req));
    }),
  );
  router.post(
    path,
    page(apiUrl, async (req, res, api) => {
      const values = route.values(req);
      const form: FormPage = {
        view: route.view,
        context: () => route.context(api, req, values),
        values,
        firstField:
          typeof route.firstField === 'function' ? route.firstField(values) : route.firstField,
        fieldNames: route.fieldNames,
      };
      let answer: Answer | undefined;
      const sent = await submitted(res, form, async () => {
        answer = await route.send(api, req, values);
      });
      if (!sent) return;
      const { message, to } = route.done(req, values, answer as Answer);
      await redirectWithMessage(req, res, message, to);
    }),
  );
}
