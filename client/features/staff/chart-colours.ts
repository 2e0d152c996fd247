// The design tokens a canvas chart draws with. A canvas cannot read CSS variables, so the values
// are repeated here; design-tokens.test.ts checks they are the ones app.css defines (normal and
// 长辈模式), so changing a token in app.css without here fails the test.

export interface ChartColours {
  primary: string;
  success: string;
  muted: string;
  text: string;
}

/** Which token each colour is. */
export const CHART_COLOUR_TOKENS: Record<keyof ChartColours, string> = {
  primary: '--color-primary',
  success: '--color-success',
  muted: '--color-border-strong',
  text: '--color-text-secondary',
};

export const CHART_COLOURS: ChartColours = { primary: '#1e63d6', success: '#138a4c', muted: '#dfe3ea', text: '#5f6673' };
export const CHART_COLOURS_ELDER: ChartColours = { ...CHART_COLOURS, primary: '#0f4fb8', text: '#2e333b' };
