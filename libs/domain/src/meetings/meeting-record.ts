/**
 * What a meeting record must hold (practice primer §2, seed 002): the adult's voice, the risk
 * assessment and plan, and who received the minutes. These are the rules a record is refused by;
 * the API names the field, and a record that breaks none is complete.
 */

/** Whose views, besides the adult's, a meeting seeks and records. */
export const OTHER_VOICES = ['family', 'carer', 'friend', 'advocate'] as const;
export type OtherVoice = (typeof OTHER_VOICES)[number];

export interface AdultVoice {
  /** Whether the adult attended the meeting. */
  attended: boolean;
  /** Their views and wishes, as the meeting heard or considered them. */
  views?: string | null;
  /** How the meeting will respond to those views. */
  response?: string | null;
  /** Why no discussion with the adult took place, when none did. */
  notDiscussedReason?: string | null;
}

export interface RiskPlan {
  /** Every relevant and anticipated risk, one per entry. */
  risks: readonly string[];
  /** Whether anyone doubts the adult's capacity for a decision the plan rests on. */
  capacityConcerns: boolean;
  /** How those doubts are addressed (an assessment, a best-interests decision). */
  capacityAddressed?: string | null;
}

export interface RecordRefusal {
  /** The field, as the request names it, relative to the part checked. */
  field: string;
  reason: string;
}

/**
 * Reasons that only say the adult was not asked. "Not asked is never enough on its own": a
 * reason says why (unwell, could not be reached in time, declined to take part).
 */
const NOT_A_REASON = new Set([
  'not asked',
  'was not asked',
  'wasnt asked',
  'not discussed',
  'no discussion',
  'not spoken to',
  'none',
  'no',
  'na',
  'n a',
  'nil',
  'unknown',
]);

export function saysOnlyNotAsked(reason: string): boolean {
  const words = reason
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
  return words === '' || NOT_A_REASON.has(words);
}

/**
 * The adult's voice: either their views with how the meeting will respond to them, or the reason
 * no discussion with them took place. Both at once is refused as well: a record should say one
 * thing about whether the adult was heard.
 */
export function whyAdultVoiceIncomplete(voice: AdultVoice): RecordRefusal | undefined {
  const heard = Boolean(voice.views?.trim());
  const reason = voice.notDiscussedReason?.trim();
  if (heard && reason) {
    return {
      field: 'notDiscussedReason',
      reason: 'give either the adult’s views or why no discussion took place, not both',
    };
  }
  if (heard) {
    return voice.response?.trim()
      ? undefined
      : { field: 'response', reason: 'say how the adult’s views will be responded to' };
  }
  if (!reason) {
    return {
      field: 'views',
      reason: 'record the adult’s views, or why no discussion with them took place',
    };
  }
  if (saysOnlyNotAsked(reason)) {
    return {
      field: 'notDiscussedReason',
      reason: '“not asked” is not enough on its own: say why no discussion took place',
    };
  }
  return undefined;
}

/** The risk plan names at least one risk, and says how any capacity concern is addressed. */
export function whyRiskPlanIncomplete(plan: RiskPlan): RecordRefusal | undefined {
  if (plan.risks.filter((risk) => risk.trim()).length === 0) {
    return { field: 'risks', reason: 'record the risks identified' };
  }
  if (plan.capacityConcerns && !plan.capacityAddressed?.trim()) {
    return {
      field: 'capacityAddressed',
      reason: 'say how the concern about the adult’s capacity is addressed',
    };
  }
  return undefined;
}

/**
 * Every agency that took part receives the minutes (need to know): the agencies of the meeting's
 * attendees that none of the recipients belongs to, in the order given.
 */
export function agenciesLeftOffCirculation(
  attendingAgencyIds: readonly string[],
  recipientAgencyIds: readonly string[],
): string[] {
  const reached = new Set(recipientAgencyIds);
  return [...new Set(attendingAgencyIds)].filter((agencyId) => !reached.has(agencyId));
}
