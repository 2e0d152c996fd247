/**
 * A tiny XML reader for tests: checks well-formedness of the subset our
 * Open311 output uses (a declaration, elements without attributes, text with
 * the five named entities and numeric references) and returns the tree.
 * Throws with the offset on anything malformed.
 */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(xml: string): { declaration: string; root: XmlElement } {
  const decl = /^<\?xml version="1\.0" encoding="(utf-8|UTF-8)"\?>\s*/.exec(xml);
  if (!decl) throw new Error('missing or wrong XML declaration');
  let pos = decl[0].length;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${pos}: ${JSON.stringify(xml.slice(pos, pos + 30))}`);
  };
  const readElement = (): XmlElement => {
    if (xml[pos] !== '<') fail('expected <');
    pos += 1;
    const name = NAME.exec(xml.slice(pos))?.[0] ?? fail('bad element name');
    pos += name.length;
    if (xml.startsWith('/>', pos)) {
      pos += 2;
      return { name, children: [], text: '' };
    }
    if (xml[pos] !== '>') fail('attributes or junk in a tag');
    pos += 1;
    const element: XmlElement = { name, children: [], text: '' };
    for (;;) {
      if (pos >= xml.length) fail(`unclosed <${name}>`);
      if (xml.startsWith('</', pos)) {
        pos += 2;
        if (!xml.startsWith(`${name}>`, pos)) fail(`mismatched </…> for <${name}>`);
        pos += name.length + 1;
        if (element.children.length && element.text.trim()) fail(`mixed content in <${name}>`);
        return element;
      }
      if (xml[pos] === '<') {
        element.children.push(readElement());
        continue;
      }
      element.text += readText();
    }
  };
  const readText = (): string => {
    let text = '';
    while (pos < xml.length && xml[pos] !== '<') {
      const ch = xml[pos];
      if (ch === '&') {
        const ref = /^&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/.exec(xml.slice(pos)) ?? fail('bad entity');
        const body = ref[1];
        if (body.startsWith('#x')) text += String.fromCodePoint(parseInt(body.slice(2), 16));
        else if (body.startsWith('#')) text += String.fromCodePoint(Number(body.slice(1)));
        else text += ENTITIES[body] ?? fail(`unknown entity &${body};`);
        pos += ref[0].length;
        continue;
      }
      if (ch === '>') fail('raw > in text');
      const code = ch.codePointAt(0)!;
      if (code < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r') fail('control character');
      text += ch;
      pos += 1;
    }
    return text;
  };
  const root = readElement();
  if (xml.slice(pos).trim() !== '') fail('content after the root element');
  return { declaration: decl[0].trim(), root };
}

/**
 * The XML tree as the value its Spark-convention JSON would be: elements in
 * `lists` become arrays of their children, other elements with children
 * objects, leaves their text ('' for empty).
 */
export function xmlToValue(element: XmlElement, lists: ReadonlySet<string>): unknown {
  if (lists.has(element.name)) return element.children.map((c) => xmlToValue(c, lists));
  if (element.children.length === 0) return element.text;
  const object: Record<string, unknown> = {};
  for (const child of element.children) {
    if (child.name in object) throw new Error(`repeated <${child.name}> in <${element.name}>`);
    object[child.name] = xmlToValue(child, lists);
  }
  return object;
}
