import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiClient, ApiProblem, type FieldProblem } from '../api/api-client';

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
export function formErrors(
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
export function isFormProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem && [400, 409, 422].includes(error.status);
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
