import { ApiProperty } from '@nestjs/swagger';
import {
  AGENCY_TYPES,
  DISAGREEMENT_THEMES,
  ESCALATION_STAGES,
  type AgencyType,
  type DisagreementStatus,
  type DisagreementTheme,
  type EscalationLog,
  type EscalationLogPeriod,
  type EscalationStage,
} from '@safeguard/domain';

const OUTCOMES: DisagreementStatus[] = ['resolved', 'withdrawn', 'open'];

/** An organisation, named: agencies are not personal data. */
export class EscalationLogAgencyView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Northshire Police' })
  name: string;

  @ApiProperty({ enum: AGENCY_TYPES })
  type: AgencyType;
}

export class EscalationLogEntryView {
  @ApiProperty({ example: 'PD-2025-0042' })
  reference: string;

  @ApiProperty({ format: 'date', example: '2025-05-06', description: 'The UK date it was raised.' })
  raisedOn: string;

  @ApiProperty({ type: EscalationLogAgencyView })
  raiserAgency: EscalationLogAgencyView;

  @ApiProperty({ type: EscalationLogAgencyView })
  otherAgency: EscalationLogAgencyView;

  @ApiProperty({ enum: DISAGREEMENT_THEMES, isArray: true })
  themes: DisagreementTheme[];

  @ApiProperty({ description: 'Raised as an immediate risk of harm (started at stage 3).' })
  immediateRisk: boolean;

  @ApiProperty({ enum: ESCALATION_STAGES, example: 2 })
  highestStage: EscalationStage;

  @ApiProperty({ enum: OUTCOMES, description: 'As it stands now, not at the end of the period.' })
  outcome: DisagreementStatus;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2025-05-08',
    description: 'The UK date it was resolved or withdrawn; null while open.',
  })
  closedOn: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2,
    description:
      'Working days (the partnership’s nation’s calendar) after the day it was raised, up to and including the day it was resolved. Null while open and when withdrawn: a withdrawal is not a resolution.',
  })
  workingDaysToResolution: number | null;
}

export class EscalationLogStageCountView {
  @ApiProperty({ enum: ESCALATION_STAGES })
  stage: EscalationStage;

  @ApiProperty()
  count: number;
}

export class EscalationLogThemeCountView {
  @ApiProperty({ enum: DISAGREEMENT_THEMES })
  theme: DisagreementTheme;

  @ApiProperty()
  count: number;
}

export class EscalationLogAgencyCountView {
  @ApiProperty({ type: EscalationLogAgencyView })
  agency: EscalationLogAgencyView;

  @ApiProperty()
  asRaiser: number;

  @ApiProperty()
  asOtherParty: number;

  @ApiProperty({ description: 'Disagreements it was part of, each once.' })
  disagreements: number;
}

export class EscalationLogOutcomesView {
  @ApiProperty()
  resolved: number;

  @ApiProperty()
  withdrawn: number;

  @ApiProperty()
  open: number;
}

export class EscalationLogWorkingDaysView {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Of the resolved; the mean of the middle two for an even number.',
  })
  median: number | null;

  @ApiProperty({ type: Number, nullable: true })
  longest: number | null;
}

export class EscalationLogSummaryView {
  @ApiProperty({ description: 'Disagreements raised in the period.' })
  count: number;

  @ApiProperty({ description: 'Of them, raised as an immediate risk of harm.' })
  immediateRisk: number;

  @ApiProperty({ type: [EscalationLogStageCountView], description: 'Stages 1–4, zeros included.' })
  byHighestStage: EscalationLogStageCountView[];

  @ApiProperty({
    type: [EscalationLogThemeCountView],
    description: 'Every theme, zeros included; a disagreement counts under each of its themes.',
  })
  byTheme: EscalationLogThemeCountView[];

  @ApiProperty({
    type: [EscalationLogAgencyCountView],
    description: 'The agencies in the log, most disagreements first.',
  })
  byAgency: EscalationLogAgencyCountView[];

  @ApiProperty({ type: EscalationLogOutcomesView })
  outcomes: EscalationLogOutcomesView;

  @ApiProperty({ type: EscalationLogWorkingDaysView })
  workingDaysToResolution: EscalationLogWorkingDaysView;
}

/** The log carries no personal data: no person, no case reference, nothing anyone wrote. */
export class EscalationLogView {
  @ApiProperty({ format: 'uuid' })
  partnershipId: string;

  @ApiProperty({ format: 'date', example: '2025-04-01' })
  from: string;

  @ApiProperty({ format: 'date', example: '2025-06-30', description: 'Included.' })
  to: string;

  @ApiProperty({ type: EscalationLogSummaryView })
  summary: EscalationLogSummaryView;

  @ApiProperty({ type: [EscalationLogEntryView], description: 'Oldest first.' })
  entries: EscalationLogEntryView[];

  static of(
    partnershipId: string,
    period: EscalationLogPeriod,
    log: EscalationLog,
  ): EscalationLogView {
    const { summary } = log;
    return {
      partnershipId,
      from: period.from,
      to: period.to,
      summary: {
        ...summary,
        byHighestStage: summary.byHighestStage.map((each) => ({ ...each })),
        byTheme: summary.byTheme.map((each) => ({ ...each })),
        byAgency: summary.byAgency.map((each) => ({ ...each, agency: { ...each.agency } })),
        outcomes: {
          resolved: summary.outcomes.resolved,
          withdrawn: summary.outcomes.withdrawn,
          open: summary.outcomes.open,
        },
        workingDaysToResolution: { ...summary.workingDaysToResolution },
      },
      entries: log.entries.map((entry) => ({
        ...entry,
        raiserAgency: { ...entry.raiserAgency },
        otherAgency: { ...entry.otherAgency },
        themes: [...entry.themes],
      })),
    };
  }
}
