import { fireEvent, render, renderHook, screen } from '@testing-library/react';
import OfficerCard from '.';
import { usePhotoRefresh } from '../Photo';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));
jest.mock('../../api/http', () => ({ mediaUrl: (url: string) => `http://api.test${url}` }));
jest.mock('../../api', () => ({ mediaUrl: (url: string) => `http://api.test${url}` }));

const officer = { name: '王队员', role: '队员', duties: ['占道经营'], photoUrl: '/api/media/abc/thumb?exp=1&sig=x' };

describe('an officer on the station wall', () => {
  test('when the photo fails to load (its signed URL expired), then the page fetches fresh URLs — once for that URL, again for a new one', () => {
    const refresh = jest.fn(() => Promise.resolve());
    const { result } = renderHook(() => usePhotoRefresh(refresh));
    const { rerender } = render(<OfficerCard officer={officer} onPhotoError={result.current} />);
    const photo = () => screen.getByTestId('officer-card').querySelector('img') as HTMLImageElement;
    expect(photo().getAttribute('src')).toBe('http://api.test/api/media/abc/thumb?exp=1&sig=x');
    fireEvent.error(photo());
    fireEvent.error(photo());
    expect(refresh).toHaveBeenCalledTimes(1);
    rerender(<OfficerCard officer={{ ...officer, photoUrl: '/api/media/abc/thumb?exp=2&sig=y' }} onPhotoError={result.current} />);
    fireEvent.error(photo());
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  test('when an officer has no photo, then the initial stands in', () => {
    render(<OfficerCard officer={{ ...officer, photoUrl: null }} />);
    expect(screen.getByTestId('officer-card').querySelector('img')).toBeNull();
    expect(screen.getByText('王')).toBeTruthy();
  });
});
