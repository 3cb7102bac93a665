import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * A QVD header as an ordered element tree. Order and presence of elements differ between Qlik
 * versions (research/script-qvd.md §1.2), so the tree is kept as read and written back the same
 * way; a leaf holds text, a branch holds children (never both: QVD headers have no mixed content).
 */
export interface XmlElement {
  readonly tag: string;
  readonly text?: string;
  readonly children?: readonly XmlElement[];
}

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  processEntities: true,
});

/** Parses XML text into one root element; returns an error text (with line) when malformed. */
export function parseXmlTree(xml: string): XmlElement | { error: string; line: number } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: valid.err.msg, line: valid.err.line };
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(xml) as OrderedNode[];
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), line: 1 };
  }
  const roots = nodes.map(toElement).filter((node): node is XmlElement => node !== null);
  if (roots.length !== 1 || roots[0] === undefined) {
    return { error: 'expected exactly one root element', line: 1 };
  }
  return roots[0];
}

function toElement(node: OrderedNode): XmlElement | null {
  const tag = Object.keys(node).find((key) => key !== ':@');
  if (tag === undefined || tag === '#text') return null;
  const content = (node[tag] ?? []) as OrderedNode[];
  const children = content.map(toElement).filter((child): child is XmlElement => child !== null);
  if (children.length > 0) return { tag, children };
  const text = content.map((part) => String(part['#text'] ?? '')).join('');
  return { tag, text };
}

/** The first child named `tag`, if any. */
export function child(element: XmlElement, tag: string): XmlElement | undefined {
  return element.children?.find((c) => c.tag === tag);
}

/** All children named `tag`. */
export function children(element: XmlElement | undefined, tag: string): XmlElement[] {
  return element?.children?.filter((c) => c.tag === tag) ?? [];
}

/** Serialises a tree the way Qlik writes QVD headers (research/script-qvd.md §1.2). */
export function serializeXmlTree(root: XmlElement): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'];
  writeElement(root, 1, lines);
  return `${lines.join('\r\n')}\r\n`;
}

function writeElement(element: XmlElement, indent: number, lines: string[]): void {
  const pad = ' '.repeat(indent);
  if (element.children !== undefined && element.children.length > 0) {
    lines.push(`${pad}<${element.tag}>`);
    for (const c of element.children) writeElement(c, indent + 2, lines);
    lines.push(`${pad}</${element.tag}>`);
    return;
  }
  lines.push(`${pad}<${element.tag}>${escapeText(element.text ?? '')}</${element.tag}>`);
}

/**
 * Escapes `& < >` as Qlik does; line breaks go out as CRLF because every header Qlik wrote in
 * the corpus uses CRLF inside texts too, and XML parsing folds them to LF.
 */
function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '\r\n');
}
