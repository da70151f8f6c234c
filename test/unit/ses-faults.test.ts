/** The names of the local SES proxy's faults, as SES_FAULTS and /local/ses-faults take them. */
import { describe, expect, it } from 'vitest';
import { describeFault, FAULTS, parseControl, parseFault, parseSetting } from '../../local/ses-faults.js';
import { ValidationError } from '../../shared/domain/errors.js';

describe('SES fault names', () => {
  it.each(Object.keys(FAULTS))('reads "%s" and names it back the same', (name) => {
    expect(describeFault(parseFault(name))).toBe(name);
  });

  it('reads the SES v2 error each named failure stands for', () => {
    expect(parseFault('throttled')).toEqual({ kind: 'fail', status: 429, errorType: 'TooManyRequestsException' });
    expect(parseFault('paused')).toEqual({ kind: 'fail', status: 400, errorType: 'SendingPausedException' });
    expect(parseFault(' internal-failure ')).toEqual({ kind: 'fail', status: 500, errorType: 'InternalFailure' });
  });

  it('takes a delay and any other error inline', () => {
    expect(parseFault('delay:1500')).toEqual({ kind: 'delay', ms: 1500 });
    expect(parseFault('fail:503:ServiceUnavailable')).toEqual({
      kind: 'fail',
      status: 503,
      errorType: 'ServiceUnavailable',
    });
    expect(describeFault(parseFault('fail:503:ServiceUnavailable'))).toBe('fail:503:ServiceUnavailable');
  });

  it.each(['', 'explode', 'delay:', 'delay:-5', 'fail:200:Fine', 'fail:500:', 'down'])(
    'refuses "%s" as a fault, listing the known ones',
    (spec) => {
      expect(() => parseFault(spec)).toThrow(ValidationError);
      expect(() => parseFault(spec)).toThrow(/internal-failure/);
    },
  );

  it('knows "down" as a setting, not as a fault of one request', () => {
    expect(parseSetting('down')).toEqual({ kind: 'down' });
    expect(parseControl({ fault: 'down' })).toEqual({ setting: { kind: 'down' }, times: undefined });
    expect(() => parseControl({ fault: 'down', times: 1 })).toThrow(/takes no "times"/);
  });

  it('reads the control body: a fault, and how many requests it is for', () => {
    expect(parseControl({ fault: 'drop', times: 3 })).toEqual({ setting: { kind: 'drop' }, times: 3 });
    expect(() => parseControl({ fault: 'drop', times: 0 })).toThrow(ValidationError);
    expect(() => parseControl({ fault: 'drop', extra: true })).toThrow(ValidationError);
    expect(() => parseControl({})).toThrow(ValidationError);
  });
});
