// Rating a resolved case: the page learns the rated case at once, and a rating that already
// landed (a second tap, a retry after a lost answer) counts as done, not as an error.
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CaseDetail } from '@citycare/shared';
import { ApiError } from '../../../api/error';
import { cases } from '../../../api/cases';
import RatingForm from './RatingForm';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { showToast: jest.fn(async () => undefined) } }));
jest.mock('../../../api/cases', () => ({ cases: { rate: jest.fn(), get: jest.fn() } }));

const rate = cases.rate as jest.Mock;
const get = cases.get as jest.Mock;
const showToast = Taro.showToast as jest.Mock;

/** Just enough of a case detail for the form: the page renders the rest. */
const rated = (rating: number) => ({ case: { id: 'c1', status: 'closed', rating }, timeline: [] }) as unknown as CaseDetail;

async function rateWith(stars: number) {
  const onRated = jest.fn();
  render(<RatingForm caseId="c1" onRated={onRated} />);
  fireEvent.click(screen.getByTestId(`star-${stars}`));
  await act(async () => fireEvent.click(screen.getByTestId('rating-submit')));
  return onRated;
}

beforeEach(() => jest.clearAllMocks());

describe('RatingForm', () => {
  test('when the rating goes in, then the page gets the rated case at once and a toast thanks the resident', async () => {
    rate.mockResolvedValue(rated(5));
    const onRated = await rateWith(5);
    expect(rate).toHaveBeenCalledWith('c1', 5, undefined);
    expect(onRated).toHaveBeenCalledWith(rated(5));
    expect(showToast).toHaveBeenCalledWith({ title: '评价已提交', icon: 'success' });
  });

  test('when the server says it was already rated, then the case is read again and shown, with no error', async () => {
    rate.mockRejectedValue(ApiError.fromResponse(409, { error: { code: 'ALREADY_RATED', message: '这个案件已经评价过了' } }));
    get.mockResolvedValue(rated(4));
    const onRated = await rateWith(4);
    expect(get).toHaveBeenCalledWith('c1');
    expect(onRated).toHaveBeenCalledWith(rated(4));
    expect(screen.queryByText('这个案件已经评价过了')).toBeNull();
  });

  test('when the rating fails otherwise, then the failure shows and the page is not told', async () => {
    rate.mockRejectedValue(ApiError.client('TIMEOUT'));
    const onRated = await rateWith(2);
    expect(onRated).not.toHaveBeenCalled();
    expect(screen.getByText('网络请求超时，请稍后重试')).toBeTruthy();
    expect(showToast).not.toHaveBeenCalled();
  });
});
