import {
  agenciesLeftOffCirculation,
  saysOnlyNotAsked,
  whyAdultVoiceIncomplete,
  whyRiskPlanIncomplete,
} from './meeting-record';

describe('what a meeting record must hold', () => {
  describe("the adult's voice", () => {
    it('is complete with their views and how the meeting will respond', () => {
      expect(
        whyAdultVoiceIncomplete({ attended: true, views: 'Wants to stay home', response: 'Plan' }),
      ).toBeUndefined();
    });

    it('is complete without views when it says why no discussion took place', () => {
      expect(
        whyAdultVoiceIncomplete({
          attended: false,
          notDiscussedReason: 'In hospital and too unwell to be visited before the meeting',
        }),
      ).toBeUndefined();
    });

    it.each([
      [{ attended: true }, 'views'],
      [{ attended: false, views: '  ' }, 'views'],
      [{ attended: true, views: 'Wants to stay home' }, 'response'],
      [{ attended: false, views: 'Wants to stay home', response: ' ' }, 'response'],
      [
        { attended: false, views: 'Views', response: 'Plan', notDiscussedReason: 'Unwell' },
        'notDiscussedReason',
      ],
    ])('refuses %j, naming %s', (voice, field) => {
      expect(whyAdultVoiceIncomplete(voice)?.field).toBe(field);
    });

    it.each(['not asked', 'Not asked.', 'NOT ASKED!', 'wasn’t asked', 'n/a', 'None', '-', ''])(
      'refuses %j as the only reason no discussion took place',
      (reason) => {
        expect(saysOnlyNotAsked(reason)).toBe(true);
        expect(
          whyAdultVoiceIncomplete({ attended: false, notDiscussedReason: reason || ' ' }),
        ).toEqual(
          expect.objectContaining({ field: expect.stringMatching(/notDiscussedReason|views/) }),
        );
      },
    );

    it('accepts a reason that mentions not being asked and says why', () => {
      expect(saysOnlyNotAsked('Not asked: the meeting was called within the hour')).toBe(false);
    });
  });

  describe('the risk plan', () => {
    it('needs at least one risk', () => {
      expect(whyRiskPlanIncomplete({ risks: [' '], capacityConcerns: false })?.field).toBe('risks');
      expect(whyRiskPlanIncomplete({ risks: [], capacityConcerns: false })?.field).toBe('risks');
    });

    it('says how a capacity concern is addressed', () => {
      expect(whyRiskPlanIncomplete({ risks: ['Falls'], capacityConcerns: true })?.field).toBe(
        'capacityAddressed',
      );
      expect(
        whyRiskPlanIncomplete({
          risks: ['Falls'],
          capacityConcerns: true,
          capacityAddressed: 'Capacity assessment by the social worker',
        }),
      ).toBeUndefined();
      expect(whyRiskPlanIncomplete({ risks: ['Falls'], capacityConcerns: false })).toBeUndefined();
    });
  });

  describe('circulation', () => {
    it('names each attending agency none of the recipients belongs to, once', () => {
      expect(agenciesLeftOffCirculation(['gp', 'police', 'gp', 'la'], ['la', 'la'])).toEqual([
        'gp',
        'police',
      ]);
      expect(agenciesLeftOffCirculation(['gp'], ['gp', 'police'])).toEqual([]);
    });
  });
});
