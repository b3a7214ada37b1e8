import { CreatePersonDto } from '../directory/dto/create-person.dto';
import { CompleteActionDto, DecideExtensionDto } from '../actions/dto/action-commands.dto';
import { RecordMeetingDto } from '../meetings/dto/record-meeting.dto';
import { MAX_REQUEST_DEPTH, requestShapeProblems } from './request-shape';

describe('the shape every request body must have', () => {
  it('refuses null where the DTO does not document the field as nullable', () => {
    expect(requestShapeProblems({ note: null }, CompleteActionDto)).toEqual([
      { field: 'note', message: 'note must not be null' },
    ]);
    expect(requestShapeProblems({ decision: 'refuse', note: null }, DecideExtensionDto)).toEqual([
      { field: 'note', message: 'note must not be null' },
    ]);
    // A line manager can be cleared: the document says so.
    expect(requestShapeProblems({ lineManagerId: null }, CreatePersonDto)).toEqual([]);
  });

  it('follows nested DTOs, so an agreed action in a meeting record is checked too', () => {
    const body = { actions: [{ title: 'Share the plan' }, { title: 'Visit', rationale: null }] };
    expect(requestShapeProblems(body, RecordMeetingDto)).toEqual([
      { field: 'actions.1.rationale', message: 'actions.1.rationale must not be null' },
    ]);
  });

  it('refuses control characters in any text, but keeps tabs and line breaks', () => {
    expect(requestShapeProblems({ note: 'done\u0000' }, CompleteActionDto)).toEqual([
      {
        field: 'note',
        message: 'note must not contain control characters other than tab and line breaks',
      },
    ]);
    expect(requestShapeProblems({ anything: ['a', { deeper: '\u001b[31m' }] }, Object)).toEqual([
      {
        field: 'anything.1.deeper',
        message:
          'anything.1.deeper must not contain control characters other than tab and line breaks',
      },
    ]);
    expect(requestShapeProblems({ note: 'line one\r\n\tline two' }, CompleteActionDto)).toEqual([]);
  });

  it('refuses nesting deeper than a policy needs, without recursing itself', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 100_000; level += 1) deep = { note: deep };
    const problems = requestShapeProblems(deep, CompleteActionDto);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain(`nested deeper than ${MAX_REQUEST_DEPTH} levels`);
    expect(problems[0].field.split('.')).toHaveLength(MAX_REQUEST_DEPTH);

    let allowed: unknown = 'bottom';
    for (let level = 0; level < MAX_REQUEST_DEPTH; level += 1) allowed = { a: allowed };
    expect(requestShapeProblems(allowed, Object)).toEqual([]);
  });
});
