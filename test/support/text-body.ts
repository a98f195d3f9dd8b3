import type { Test } from 'supertest';

/** text/xml is not read as text by superagent: read the body as a string. */
export const asText = (test: Test) =>
  test.buffer(true).parse((res, done) => {
    let data = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (data += chunk));
    res.on('end', () => done(null, data));
  });
