import { describe, expect, it } from 'vitest';
import { accessRequest } from '../src/web/access-request.js';

const form = (fields: Record<string, string>) => new URLSearchParams({ csrf: 'x', ...fields });

describe("the access report form, checked as the CLI's flags are", () => {
  it('takes a valid BSN, in the page language unless another is chosen', () => {
    expect(accessRequest(form({ bsn: '999990007' }), 'nl')).toEqual({ bsn: '999990007', lang: 'nl', kind: 'self' });
    expect(accessRequest(form({ bsn: '999990007', lang: 'en' }), 'nl')).toMatchObject({ lang: 'en' });
  });

  it('refuses an invalid BSN rather than reporting that nothing concerns it', () => {
    expect(accessRequest(form({ bsn: '123' }), 'nl')).toEqual({ problem: 'bsn' });
    expect(accessRequest(form({ bsn: '999990008' }), 'nl')).toEqual({ problem: 'bsn' });
  });

  it('someone else asking names their own BSN, so signals that name them can be withheld', () => {
    expect(accessRequest(form({ bsn: '999990007', requester: 'parent' }), 'nl')).toEqual({ problem: 'requesterBsn' });
    expect(accessRequest(form({ bsn: '999990007', requester: 'parent', 'requester-bsn': '999990019' }), 'nl')).toEqual({
      bsn: '999990007',
      lang: 'nl',
      kind: 'parent',
      requesterBsn: '999990019',
    });
    expect(accessRequest(form({ bsn: '999990007', requester: 'self', 'requester-bsn': '999990019' }), 'nl')).toEqual({
      problem: 'requester',
    });
    expect(accessRequest(form({ bsn: '999990007', requester: 'neighbour' }), 'nl')).toEqual({ problem: 'requester' });
  });
});
