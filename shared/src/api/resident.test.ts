import { myDataFileName } from './resident';

describe('myDataFileName', () => {
  it('when the export is made at 01:00 in Hai\'an (17:00 UTC the day before), then the file is named for the China day', () => {
    expect(myDataFileName('2025-01-01T17:00:00.000Z')).toBe('citycare-my-data-2025-01-02.json');
  });
});
