const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Shown for problems with the document as a whole, such as it not being an object at all. */
export const DOCUMENT_FIELD = '(document)';

/**
 * JavaScript accessor notation, because stage keys contain dots: plain names are joined with
 * dots, any other key is quoted in brackets and list positions are bracketed numbers, e.g.
 * `stages["s42.decision"].escalation[1].after.workingDays`.
 */
export function formatFieldPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return DOCUMENT_FIELD;
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (!IDENTIFIER.test(segment)) return `[${JSON.stringify(segment)}]`;
      return index === 0 ? segment : `.${segment}`;
    })
    .join('');
}
