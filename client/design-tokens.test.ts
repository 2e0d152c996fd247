// Colours and font sizes live only in app.css (the design tokens), so 长辈模式 can change them
// all at once. Every other stylesheet uses var(--…).
import fs from 'node:fs';
import path from 'node:path';
import { CHART_COLOUR_TOKENS, CHART_COLOURS, CHART_COLOURS_ELDER } from './features/staff/chart-colours';

const CLIENT = __dirname;

function stylesheets(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(full);
    return entry.name.endsWith('.css') ? [full] : [];
  });
}

const LITERAL = /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|font-size:\s*[\d.]+(px|rem|em)/i;

describe('design tokens', () => {
  const files = ['pages', 'packages', 'components'].flatMap((d) => stylesheets(path.join(CLIENT, d)));

  test('when the stylesheets are read, then there are page and component styles to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  test('when a page or component sets a colour or font size, then it uses a token, never a literal', () => {
    const offending = files.flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${path.relative(CLIENT, file)}:${i + 1}`, line: line.trim() }))
        .filter(({ line }) => LITERAL.test(line)),
    );
    expect(offending).toEqual([]);
  });

  test('when 长辈模式 is on, then it enlarges every font token and the tap target', () => {
    const css = fs.readFileSync(path.join(CLIENT, 'app.css'), 'utf8');
    const block = (selector: string) => css.slice(css.indexOf(selector)).split('}')[0];
    const px = (text: string, token: string) => Number(new RegExp(`${token}:\\s*(\\d+)px`).exec(text)?.[1]);
    const normal = block('.screen {');
    const elder = block('.screen--elder {');
    for (const token of ['--font-xs', '--font-sm', '--font-md', '--font-lg', '--font-xl', '--font-xxl', '--tap-min']) {
      expect([token, px(elder, token) > px(normal, token)]).toEqual([token, true]);
    }
  });

  test('when a canvas chart draws, then its colours are the tokens app.css defines, in 长辈模式 too', () => {
    const css = fs.readFileSync(path.join(CLIENT, 'app.css'), 'utf8');
    const block = (selector: string) => css.slice(css.indexOf(selector)).split('}')[0];
    const value = (text: string, token: string) => new RegExp(`${token}:\\s*(#[0-9a-f]+)`, 'i').exec(text)?.[1];
    const normal = block('.screen {');
    const elder = block('.screen--elder {');
    for (const [key, token] of Object.entries(CHART_COLOUR_TOKENS) as Array<[keyof typeof CHART_COLOURS, string]>) {
      expect([key, CHART_COLOURS[key]]).toEqual([key, value(normal, token)]);
      expect([key, CHART_COLOURS_ELDER[key]]).toEqual([key, value(elder, token) ?? value(normal, token)]);
    }
  });
});
