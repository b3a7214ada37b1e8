import { QueryFailedError } from 'typeorm';
import { loggableError, loggableMeta } from './logger';

describe('loggableError', () => {
  it('keeps a database error’s type, code and message but not its parameters or row values', () => {
    const driverError = Object.assign(new Error('null value in column "agency_id"'), {
      code: '23502',
      detail: 'Failing row contains (Margaret Example, margaret@example.org).',
    });
    const error = new QueryFailedError(
      'INSERT INTO people VALUES ($1, $2)',
      ['Margaret Example', 'margaret@example.org'],
      driverError,
    );

    const logged = loggableError(error);
    expect(logged).toMatchObject({ type: 'QueryFailedError', code: '23502' });
    expect(JSON.stringify(logged)).not.toContain('Margaret');
    expect(JSON.stringify(logged)).not.toContain('margaret@example.org');
  });

  it('reduces errors inside log metadata the same way', () => {
    const error = Object.assign(new Error('boom'), { parameters: ['Margaret Example'] });
    const meta = loggableMeta({ activityId: '7', error });
    expect(meta).toMatchObject({ activityId: '7', error: { type: 'Error', message: 'boom' } });
    expect(JSON.stringify(meta)).not.toContain('Margaret');
  });
});
