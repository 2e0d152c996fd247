import { everyErrorIsDuplicateKey, isDuplicateKey } from './mongo-errors';

describe('a write refused by a unique index', () => {
  it.each([
    ['MongoDB code 11000', { code: 11000 }],
    ['its name', { codeName: 'DuplicateKey' }],
    ['PostgreSQL storage words in the message', new Error('duplicate key value violates unique constraint "x_pkey" (23505)')],
    ['a bulk write error with its words in errmsg', { index: 0, code: 1, errmsg: 'ERROR: duplicate key value violates unique constraint' }],
  ])('when it comes as %s, then it is a duplicate key', (_how, err) => {
    expect(isDuplicateKey(err)).toBe(true);
  });

  it('when the error is something else, then it is not', () => {
    expect(isDuplicateKey(new Error('connection closed'))).toBe(false);
    expect(isDuplicateKey(null)).toBe(false);
  });

  it('when a bulk write fails on duplicates only, then it is all duplicates; one other failure among them, then not', () => {
    expect(everyErrorIsDuplicateKey({ writeErrors: [{ index: 0, code: 11000 }, { index: 2, code: 11000 }] })).toBe(true);
    expect(everyErrorIsDuplicateKey({ writeErrors: [{ index: 0, code: 11000 }, { index: 1, code: 2, errmsg: 'bad value' }] })).toBe(false);
    expect(everyErrorIsDuplicateKey({ writeErrors: { index: 0, code: 11000 } })).toBe(true);
    expect(everyErrorIsDuplicateKey({ code: 11000 })).toBe(true);
    // mongoose's insertMany copies each WriteError into a plain object: the code is under `err`.
    expect(everyErrorIsDuplicateKey({ writeErrors: [{ index: 0, err: { code: 11000, errmsg: 'E11000 duplicate key' } }] })).toBe(true);
    expect(everyErrorIsDuplicateKey({ writeErrors: [{ index: 0, err: { code: 121, errmsg: 'Document failed validation' } }] })).toBe(false);
  });
});
