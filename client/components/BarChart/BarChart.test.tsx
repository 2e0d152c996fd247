import { render, screen } from '@testing-library/react';
import BarChart from '.';

describe('BarChart', () => {
  test('when rates are drawn against a max of 1, then each bar is its share wide and its value is written beside it', () => {
    render(<BarChart max={1} format={(v) => `${Math.round(v * 100)}%`} bars={[{ key: 'a', label: '甲', value: 0.5 }, { key: 'b', label: '乙', value: 1 }, { key: 'c', label: '丙', value: null }]} />);
    const widths = screen.getAllByTestId('bar').map((row) => (row.querySelector('.bar-chart__bar') as HTMLElement).style.width);
    expect(widths).toEqual(['50.0%', '100.0%', '0.0%']);
    expect(screen.getAllByTestId('bar-value').map((v) => v.textContent)).toEqual(['50%', '100%', '—']);
  });

  test('when no max is given, then the largest value fills the track', () => {
    render(<BarChart bars={[{ key: 'a', label: '甲', value: 3 }, { key: 'b', label: '乙', value: 12 }]} />);
    const widths = screen.getAllByTestId('bar').map((row) => (row.querySelector('.bar-chart__bar') as HTMLElement).style.width);
    expect(widths).toEqual(['25.0%', '100.0%']);
  });
});
