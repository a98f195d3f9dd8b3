import { ACCESS_CODE_PATTERN, accessCodeMatches, deriveAccessCode } from '../../src/complaints/access-code.js';

const SECRET = 'unit-test-secret-unit-test-secret-0123';
const COMPLAINT = '5f0c2a8e-3b1d-4c7a-9e2f-6a1b8c3d4e5f';
const OTHER = '9d2b7c1e-0a4f-4e8b-8c3d-2f1a6b5c4d3e';
const code = deriveAccessCode(SECRET, COMPLAINT);
/** The same code with one character changed to another of the alphabet. */
const oneOff = `${code.slice(0, 13)}${code[13] === '0' ? '1' : '0'}`;

describe(deriveAccessCode.name, () => {
  it('answers 12 Crockford characters in three groups, the same for the same complaint and secret', () => {
    expect(code).toMatch(ACCESS_CODE_PATTERN);
    expect(deriveAccessCode(SECRET, COMPLAINT)).toBe(code);
    expect(deriveAccessCode(SECRET, OTHER)).not.toBe(code);
    expect(deriveAccessCode(`${SECRET}x`, COMPLAINT)).not.toBe(code);
  });
});

describe(accessCodeMatches.name, () => {
  it.each([
    ['the code as shown', SECRET, COMPLAINT, code, true],
    ['in lower case', SECRET, COMPLAINT, code.toLowerCase(), true],
    ['without dashes', SECRET, COMPLAINT, code.replace(/-/g, ''), true],
    ['with spaces for dashes', SECRET, COMPLAINT, code.replace(/-/g, ' '), true],
    ['one character off', SECRET, COMPLAINT, oneOff, false],
    ['another complaint’s code', SECRET, COMPLAINT, deriveAccessCode(SECRET, OTHER), false],
    ['the code under another secret', `${SECRET}x`, COMPLAINT, code, false],
    ['nothing', SECRET, COMPLAINT, '', false],
    ['too short', SECRET, COMPLAINT, code.slice(0, 13), false],
    ['anything after the twelfth character (ignored, as normaliseAccessCode always did)', SECRET, COMPLAINT, `${code}A`, true],
    ['a wrong twelfth character followed by more', SECRET, COMPLAINT, `${oneOff}A`, false],
    ['any code for no complaint', SECRET, undefined, code, false],
    ['the code of the stand-in checked for no complaint', SECRET, undefined, deriveAccessCode(SECRET, '00000000-0000-0000-0000-000000000000'), false],
  ])('%s', (_case, secret, complaintId, presented, expected) => {
    expect(accessCodeMatches(secret, complaintId, presented)).toBe(expected);
  });
});
