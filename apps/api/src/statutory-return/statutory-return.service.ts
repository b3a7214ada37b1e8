import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  statutoryReturnTables,
  type ReportingYear,
  type StatutoryReturnEnquiry,
  type StatutoryReturnTable,
} from '@safeguard/domain';
import { DataSource } from 'typeorm';

/**
 * Every enquiry of the partnership received, decided or concluded in the year, one plain row
 * each; the domain decides what counts in which table. Only the accepted outcome record counts
 * (earlier drafts of it are ignored). The date of birth comes as text because pg would turn a
 * date into a Date at the server's local midnight.
 */
const ENQUIRIES_TOUCHING_THE_YEAR = `
  SELECT e.received_at AS "receivedAt", e.source, a.date_of_birth::text AS "dateOfBirth",
         e.enquiry_type AS "enquiryType", e.decided_at AS "decidedAt",
         e.concluded_at AS "concludedAt", e.risk_types AS "riskTypes",
         e.risk_location AS "riskLocation", e.risk_source AS "riskSource", o.facts AS outcome
    FROM enquiries e
    JOIN adults a ON a.id = e.adult_id
    LEFT JOIN enquiry_records o
      ON o.id = e.outcome_id AND o.enquiry_id = e.id AND o.kind = 'outcome'
   WHERE e.partnership_id = $1
     AND (e.received_at >= $2 AND e.received_at < $3
       OR e.decided_at >= $2 AND e.decided_at < $3
       OR e.concluded_at >= $2 AND e.concluded_at < $3)`;

/** The Safeguarding Adults Collection counts of one partnership: for the endpoint and the CLI. */
@Injectable()
export class StatutoryReturnService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async tables(partnershipId: string, year: ReportingYear): Promise<StatutoryReturnTable[]> {
    const enquiries: StatutoryReturnEnquiry[] = await this.dataSource.query(
      ENQUIRIES_TOUCHING_THE_YEAR,
      [partnershipId, year.from, year.to],
    );
    return statutoryReturnTables(year, enquiries);
  }
}
