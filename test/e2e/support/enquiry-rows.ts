import { formatReference, ukLocalDate } from '@safeguard/domain';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * An enquiry as its read model stands once the concern is acknowledged (stage `decision`),
 * written straight to the stack's database, for specs that drive the worker's enquiry
 * activities directly rather than through a running enquiry workflow.
 */
export async function acknowledgedEnquiryRow(
  dataSource: DataSource,
  fields: { partnershipId: string; raisedById: string; enquiryManagerId: string | null },
): Promise<{ enquiryId: string; enquiryReference: string }> {
  const enquiryId = randomUUID();
  const adultId = randomUUID();
  const now = new Date();
  const [{ sequence }] = await dataSource.query(
    `SELECT nextval('enquiry_reference_seq') AS sequence`,
  );
  const enquiryReference = formatReference('ENQ', ukLocalDate(now).year, Number(sequence));
  await dataSource.query(
    `INSERT INTO adults (id, partnership_id, full_name, created_at) VALUES ($1, $2, $3, $4)`,
    [adultId, fields.partnershipId, 'Mrs Example', now],
  );
  await dataSource.query(
    `INSERT INTO enquiries (id, reference, partnership_id, policy_version, adult_id, received_at,
       source, raised_by_id, urgency, risk_types, risk_location, risk_source, triage_worker_id,
       stage, enquiry_manager_id, process_version, workflow_id, created_at, updated_at)
     VALUES ($1, $2, $3, 1, $4, $5, 'care-provider', $6, 'routine', ARRAY['neglect-and-acts-of-omission'],
       'care-home-residential', 'service-provider', $6, 'decision', $7, 0, $8, $5, $5)`,
    [
      enquiryId,
      enquiryReference,
      fields.partnershipId,
      adultId,
      now,
      fields.raisedById,
      fields.enquiryManagerId,
      `enquiry-${enquiryId}`,
    ],
  );
  return { enquiryId, enquiryReference };
}
