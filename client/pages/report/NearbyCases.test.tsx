// 我也遇到 on the 随手拍 page: following a nearby case replaces the form, so the resident is asked
// first when it holds their own description or photos.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CaseDetail, NearbyCase } from '@citycare/shared';
import { cases } from '../../api/cases';
import { clearCache } from '../../api/cache';
import NearbyCases from './NearbyCases';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { showModal: jest.fn() } }));
jest.mock('../../api/cases', () => ({ NEARBY_CASE_RADIUS_M: 100, cases: { nearby: jest.fn(), follow: jest.fn() } }));

const showModal = Taro.showModal as jest.Mock;
const nearby = cases.nearby as jest.Mock;
const follow = cases.follow as jest.Mock;

const nearbyCase: NearbyCase = {
  id: 'c1',
  category: 'parking',
  categoryName: '违规停车',
  status: 'submitted',
  lat: 31.23,
  lng: 121.47,
  distanceM: 40,
  description: null,
  stationName: '幸福路工作站',
  followers: 2,
  createdAt: '2025-01-02T03:04:05.000Z',
  following: false,
};
const followed = { case: { id: 'c1' }, timeline: [] } as unknown as CaseDetail;

/** The resident answers the modal with `confirm`. */
const answerModal = (confirm: boolean) =>
  showModal.mockImplementation(async (options: { success?: (r: { confirm: boolean }) => void }) => {
    options.success?.({ confirm });
    return { confirm };
  });

async function tapFollow(draftToLose: boolean) {
  const onFollowed = jest.fn();
  render(<NearbyCases category="parking" place={{ lat: 31.23, lng: 121.47 }} draftToLose={draftToLose} onFollowed={onFollowed} />);
  await waitFor(() => expect(screen.getByTestId('nearby-follow')).toBeTruthy());
  await act(async () => fireEvent.click(screen.getByTestId('nearby-follow')));
  return onFollowed;
}

beforeEach(() => {
  jest.clearAllMocks();
  clearCache();
  nearby.mockResolvedValue({ items: [nearbyCase] });
  follow.mockResolvedValue(followed);
});

describe('我也遇到', () => {
  test('when the form has the resident\'s description or photos and they cancel, then nothing is followed and the draft stays', async () => {
    answerModal(false);
    const onFollowed = await tapFollow(true);
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '改为关注这个问题？', cancelText: '继续填写' }));
    expect(follow).not.toHaveBeenCalled();
    expect(onFollowed).not.toHaveBeenCalled();
  });

  test('when they confirm, then the case is followed and the page replaces the form', async () => {
    answerModal(true);
    const onFollowed = await tapFollow(true);
    await waitFor(() => expect(onFollowed).toHaveBeenCalledWith(followed));
    expect(follow).toHaveBeenCalledWith('c1');
  });

  test('when the form holds nothing of their own, then one tap follows without asking', async () => {
    const onFollowed = await tapFollow(false);
    await waitFor(() => expect(onFollowed).toHaveBeenCalledWith(followed));
    expect(showModal).not.toHaveBeenCalled();
  });
});
