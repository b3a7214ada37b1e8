import type { z } from 'zod';
import { formatFieldPath } from './field-path';
import { policyDocumentSchema, type PolicyDocument } from './policy.schema';

export interface PolicyFieldError {
  /** See formatFieldPath for the notation. */
  readonly field: string;
  readonly message: string;
}

export type PolicyValidationResult =
  | { readonly ok: true; readonly policy: PolicyDocument }
  | { readonly ok: false; readonly errors: readonly PolicyFieldError[] };

/** Checks a candidate policy (for instance a parsed JSON upload) before it may be published. */
export function validatePolicy(input: unknown): PolicyValidationResult {
  const result = policyDocumentSchema.safeParse(input);
  if (result.success) return { ok: true, policy: result.data };
  const errors: PolicyFieldError[] = [];
  const seen = new Set<string>();
  for (const error of result.error.issues.flatMap(describe)) {
    const id = `${error.field}\u0000${error.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    errors.push(error);
  }
  return { ok: false, errors };
}

function describe(issue: z.ZodIssue): PolicyFieldError[] {
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: formatFieldPath([...issue.path, key]),
        message: issue.message,
      }));
    case 'invalid_union': {
      const branch = matchingBranch(issue);
      if (branch) return branch.issues.flatMap(describe);
      break;
    }
    case 'invalid_type':
      if (issue.received === 'undefined') {
        const [first, stage] = issue.path;
        const missingStage = issue.path.length === 2 && first === 'stages';
        return [
          {
            field: formatFieldPath(issue.path),
            message: missingStage ? `missing stage ${String(stage)}` : 'is required',
          },
        ];
      }
      break;
  }
  return [{ field: formatFieldPath(issue.path), message: issue.message }];
}

/**
 * A timescale or offset fails as a whole union; when exactly one alternative has the same
 * properties as the input (say { "workingDays": "five" }), its own complaint is the useful one.
 */
function matchingBranch(issue: z.ZodInvalidUnionIssue): z.ZodError | undefined {
  const depth = issue.path.length;
  const fits = issue.unionErrors.filter(
    (branch) =>
      !branch.issues.some(
        (inner) =>
          (inner.code === 'unrecognized_keys' && inner.path.length === depth) ||
          (inner.code === 'invalid_type' &&
            (inner.path.length === depth ||
              (inner.received === 'undefined' && inner.path.length === depth + 1))),
      ),
  );
  return fits.length === 1 ? fits[0] : undefined;
}
