import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { firstStage, stageNumber } from '@safeguard/domain';
import {
  ActionEntity,
  DisagreementEntity,
  DisagreementRecordEntity,
  nextReference,
  partnershipChain,
  PersonEntity,
} from '@safeguard/persistence';
import {
  disagreementPolicyOf,
  disagreementStartedUpdate,
  disagreementWorkflowId,
  professionalDisagreementWorkflow,
} from '@safeguard/workflows';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { auditedBy, type Principal, assertOwnPartnership } from '../auth/principal';
import { caseTimeline } from '../actions/case-timeline';
import { ProblemException } from '../common/problem';
import { NamedPeople } from '../directory/named-people';
import { processStart, ProcessStarter } from '../temporal/process-starter';
import { DisagreementAccess, readerOf } from './disagreement-access';
import { DisagreementView } from './dto/disagreement.view';
import { disagreementView } from './disagreement-view.mapper';
import { RaiseDisagreementDto } from './dto/raise-disagreement.dto';
import { recordRead } from '../audit/record-read';

/**
 * Raising a disagreement starts its workflow; reading one reads Postgres only (the read model the
 * workflow writes, everything written in it, the actions agreed and its chronology).
 */
@Injectable()
export class DisagreementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly processes: ProcessStarter,
    private readonly access: DisagreementAccess,
    private readonly people: NamedPeople,
  ) {}

  /**
   * All in one transaction: the disagreement, the concern in the raiser's words, the chronology
   * entry and the workflow's start (if Temporal refuses it, nothing is recorded). Then a short
   * wait until the first stage's participants are known, so the answer shows them.
   */
  async raise(dto: RaiseDisagreementDto, principal: Principal): Promise<DisagreementView> {
    const { partnershipId, immediateRisk } = dto;
    assertOwnPartnership(principal, partnershipId);
    const otherAgencyId = await this.otherParty(dto, principal);
    const now = new Date();
    const id = randomUUID();
    const workflowId = disagreementWorkflowId(id);
    await this.processes.recordAndStart(partnershipId, async (db, policy) => {
      await db.insert(DisagreementEntity, {
        ...unopenedReadModel(now),
        id,
        reference: await nextReference(db, 'DIS', now),
        partnershipId,
        policyVersion: policy.version,
        raisedById: principal.personId,
        raiserAgencyId: principal.agencyId,
        otherPersonId: dto.otherPersonId ?? null,
        otherAgencyId,
        caseReference: dto.caseReference ?? null,
        themes: dto.themes,
        immediateRisk,
        raisedAt: now,
        workflowId,
      });
      const concernId = randomUUID();
      await db.insert(DisagreementRecordEntity, {
        id: concernId,
        disagreementId: id,
        kind: 'concern',
        stage: stageNumber(firstStage(immediateRisk)),
        text: dto.disagreement,
        facts: { subject: dto.subject },
        authorId: principal.personId,
        createdAt: now,
      });
      return processStart({
        workflow: professionalDisagreementWorkflow,
        workflowId,
        args: [
          {
            disagreementId: id,
            immediateRisk,
            policy: disagreementPolicyOf(policy.document, {
              partnershipId,
              version: policy.version,
            }),
          },
        ],
        what: 'disagreement',
        // The first stage's participants are known by the time we answer, or soon after.
        started: disagreementStartedUpdate,
        chronology: [
          {
            subjectType: 'disagreement',
            subjectId: id,
            event: 'disagreement.raised',
            chain: partnershipChain(partnershipId),
            detail: {
              concernId,
              raiserAgencyId: principal.agencyId,
              ...(dto.otherPersonId ? { otherPersonId: dto.otherPersonId } : {}),
              otherAgencyId,
              themes: dto.themes,
              immediateRisk,
              policyVersion: policy.version,
            },
            occurredAt: now,
            ...auditedBy(principal),
          },
        ],
      });
    });
    return this.view(
      await this.dataSource.manager.findOneByOrFail(DisagreementEntity, { id }),
      principal,
    );
  }

  /** Reading a disagreement is itself recorded: who looked at it, and when. */
  async get(id: string, principal: Principal): Promise<DisagreementView> {
    const disagreement = await this.access.visible(id, principal);
    const view = await this.view(disagreement, principal);
    await recordRead(this.dataSource, principal, {
      subjectType: 'disagreement',
      subjectId: id,
      event: 'disagreement.viewed',
      partnershipId: disagreement.partnershipId,
    });
    return view;
  }

  /**
   * Everything about it this reader may see, from Postgres only (for a reader already allowed
   * to see it): the board gets no one's details or words.
   */
  async view(disagreement: DisagreementEntity, principal: Principal): Promise<DisagreementView> {
    const db = this.dataSource.manager;
    const { id, partnershipId } = disagreement;
    const [records, actions, timeline] = await Promise.all([
      db.find(DisagreementRecordEntity, {
        where: { disagreementId: id },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
      db.find(ActionEntity, { where: { disagreementId: id }, order: { dueAt: 'ASC', id: 'ASC' } }),
      caseTimeline(db, { type: 'disagreement', id, partnershipId }),
    ]);
    const named = new Set([
      disagreement.raisedById,
      ...(disagreement.otherPersonId ? [disagreement.otherPersonId] : []),
      ...disagreement.participantIds,
      ...records.map((record) => record.authorId),
      ...actions.map((action) => action.ownerId),
    ]);
    const people = await db.findBy(PersonEntity, { id: In([...named]) });
    return disagreementView({
      disagreement,
      records,
      actions,
      timeline,
      people: new Map(people.map((person) => [person.id, person])),
      reader: readerOf(principal),
    });
  }

  /**
   * The other agency: the named person's (who must be an active person of the partnership), or
   * the one given. A disagreement is between agencies; within one, it is the agency's own to
   * settle through its line management.
   */
  private async otherParty(dto: RaiseDisagreementDto, principal: Principal): Promise<string> {
    const { partnershipId, otherPersonId } = dto;
    let otherAgencyId = dto.otherAgencyId;
    if (otherPersonId) {
      await this.people.assertNamed(otherPersonId, 'otherPersonId', {
        partnership: partnershipId,
      });
      const person = await this.dataSource.manager.findOneByOrFail(PersonEntity, {
        id: otherPersonId,
      });
      if (otherAgencyId !== undefined && otherAgencyId !== person.agencyId) {
        throw ProblemException.unprocessable(
          'otherAgencyId',
          'not the agency of the person named as otherPersonId',
        );
      }
      otherAgencyId = person.agencyId;
    } else if (otherAgencyId) {
      await this.people.assertAgencyIn(otherAgencyId, 'otherAgencyId', partnershipId);
    }
    if (!otherAgencyId) {
      throw ProblemException.invalid([
        { field: 'otherAgencyId', message: 'required when no otherPersonId is given' },
      ]);
    }
    if (otherAgencyId === principal.agencyId) {
      throw ProblemException.unprocessable(
        otherPersonId ? 'otherPersonId' : 'otherAgencyId',
        'must be of another agency than yours: a disagreement within one agency is settled by its own line management',
      );
    }
    return otherAgencyId;
  }
}

/** The read-model columns of a disagreement whose workflow has not yet begun; it writes the rest. */
function unopenedReadModel(now: Date) {
  return {
    status: 'open' as const,
    stageKey: null,
    stage: null,
    highestStage: null,
    stageStartedAt: null,
    stageDueAt: null,
    participantIds: [],
    acknowledgedByIds: [],
    outcomeId: null,
    withdrawalId: null,
    closedAt: null,
    // Below the workflow's first version, so its first write always lands.
    processVersion: 0,
    createdAt: now,
    updatedAt: now,
  };
}
