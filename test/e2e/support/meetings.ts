/**
 * What every meeting record must hold besides who came and what was decided (seed 002): the
 * adult's voice and the risk plan, here with the person who leads on risk.
 */
export function meetingRecordLedBy(riskLeadId: string) {
  return {
    adult: {
      attended: false,
      views: 'Wants to stay at home',
      response: 'The plan keeps her at home, with daily visits',
    },
    risk: { risks: ['Missed medication'], leadId: riskLeadId, capacityConcerns: false },
  };
}
