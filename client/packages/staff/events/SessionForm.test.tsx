// 新增场次 sent again after a lost answer: the very same request (key and body), so the server
// adds one session, even though time has passed and the cut-off default depends on the moment.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../../../api/error';
import { staffEvents } from '../../../api/staff';
import SessionForm from './SessionForm';
import { typeInto } from '../../../test-support/fields';

jest.mock('@tarojs/taro', () => jest.requireActual('../../../test-support/taro-mock').taroMock());
jest.mock('../../../api/staff', () => ({ staffEvents: { addSession: jest.fn() } }));

const addSession = staffEvents.addSession as jest.Mock;

afterEach(() => jest.restoreAllMocks());

describe('SessionForm', () => {
  test('when 添加场次 is tapped again after a timeout, then the same key and body go; a changed form gets a new key', async () => {
    addSession.mockRejectedValue(ApiError.client('TIMEOUT'));
    render(<SessionForm eventId="e1" onClose={jest.fn()} />);
    // A cut-off of 48 hours before a session tomorrow would be in the past: the form puts it at "now".
    typeInto('session-cutoff', '48');
    let now = Date.now();
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    await act(async () => fireEvent.click(screen.getByTestId('session-save')));
    now += 90_000;
    await act(async () => fireEvent.click(screen.getByTestId('session-save')));
    expect(addSession).toHaveBeenCalledTimes(2);
    const [first, second] = addSession.mock.calls;
    expect(second).toEqual(first);
    expect(first[2]).toMatch(/^[\w-]{8,64}$/);

    typeInto('session-capacity', '30');
    await act(async () => fireEvent.click(screen.getByTestId('session-save')));
    expect(addSession.mock.calls[2][2]).not.toBe(first[2]);
    expect(addSession.mock.calls[2][1].capacity).toBe(30);
  });
});
