import type { QvdFieldHeader, QvdLineage } from './header.js';
import { child, type XmlElement } from './xml-tree.js';

/** Everything the writer decided about one field: the same facts a reader gets back. */
export type FieldHeaderFacts = QvdFieldHeader;

export interface TableHeaderFacts {
  readonly buildNo: string;
  readonly creatorDoc: string;
  readonly createUtcTime: string;
  readonly tableName: string;
  readonly fields: readonly FieldHeaderFacts[];
  readonly recordByteSize: number;
  readonly noOfRecords: number;
  readonly offset: number;
  readonly length: number;
  readonly lineage: readonly QvdLineage[];
  readonly comment: string;
}

const leaf = (tag: string, text: string | number): XmlElement => ({ tag, text: String(text) });

/** An element holding `<String>` children, or empty (`<Tags></Tags>`) when there are none. */
const strings = (tag: string, items: readonly string[]): XmlElement =>
  items.length === 0 ? leaf(tag, '') : { tag, children: items.map((s) => leaf('String', s)) };

function fieldElement(f: FieldHeaderFacts): XmlElement {
  const nf = f.numberFormat;
  return {
    tag: 'QvdFieldHeader',
    children: [
      leaf('FieldName', f.name),
      leaf('BitOffset', f.bitOffset),
      leaf('BitWidth', f.bitWidth),
      leaf('Bias', f.bias),
      {
        tag: 'NumberFormat',
        children: [
          leaf('Type', nf.type),
          leaf('nDec', nf.nDec),
          leaf('UseThou', nf.useThou),
          leaf('Fmt', nf.fmt),
          leaf('Dec', nf.dec),
          leaf('Thou', nf.thou),
        ],
      },
      leaf('NoOfSymbols', f.noOfSymbols),
      leaf('Offset', f.offset),
      leaf('Length', f.length),
      leaf('Comment', f.comment),
      strings('Tags', f.tags),
    ],
  };
}

function lineageElement(lineage: readonly QvdLineage[]): XmlElement {
  if (lineage.length === 0) return leaf('Lineage', '');
  return {
    tag: 'Lineage',
    children: lineage.map((l) => ({
      tag: 'LineageInfo',
      children: [leaf('Discriminator', l.discriminator), leaf('Statement', l.statement)],
    })),
  };
}

/** A header in the element order current Qlik Sense writes (research/script-qvd.md §1.2). */
export function freshHeaderTree(t: TableHeaderFacts): XmlElement {
  return {
    tag: 'QvdTableHeader',
    children: [
      leaf('QvBuildNo', t.buildNo),
      leaf('CreatorDoc', t.creatorDoc),
      leaf('CreateUtcTime', t.createUtcTime),
      leaf('SourceCreateUtcTime', ''),
      leaf('SourceFileUtcTime', ''),
      leaf('SourceFileSize', -1),
      leaf('StaleUtcTime', ''),
      leaf('TableName', t.tableName),
      { tag: 'Fields', children: t.fields.map(fieldElement) },
      leaf('Compression', ''),
      leaf('RecordByteSize', t.recordByteSize),
      leaf('NoOfRecords', t.noOfRecords),
      leaf('Offset', t.offset),
      leaf('Length', t.length),
      lineageElement(t.lineage),
      leaf('Comment', t.comment),
      leaf('EncryptionInfo', ''),
      leaf('TableTags', ''),
      leaf('ProfilingData', ''),
    ],
  };
}

/**
 * The template's tree (the header of the QVD the table was read from) with the facts replaced,
 * keeping its element order, its optional elements and whatever it holds that Cairn does not
 * model (ProfilingData, …). Field headers are replaced one for one when names match in order,
 * else written fresh. Elements the template lacks (QlikView 9 has no Comment) stay absent.
 */
export function templatedHeaderTree(template: XmlElement, t: TableHeaderFacts): XmlElement {
  const fields = child(template, 'Fields');
  const old = fields?.children?.filter((c) => c.tag === 'QvdFieldHeader') ?? [];
  const sameFields =
    old.length === t.fields.length &&
    old.every((o, i) => child(o, 'FieldName')?.text === t.fields[i]?.name);
  const newFields: XmlElement = {
    tag: 'Fields',
    children: sameFields
      ? old.map((o, i) => patchField(o, t.fields[i] as FieldHeaderFacts))
      : t.fields.map(fieldElement),
  };
  const patches: Record<string, XmlElement> = {
    CreateUtcTime: leaf('CreateUtcTime', t.createUtcTime),
    TableName: leaf('TableName', t.tableName),
    Fields: newFields,
    RecordByteSize: leaf('RecordByteSize', t.recordByteSize),
    NoOfRecords: leaf('NoOfRecords', t.noOfRecords),
    Offset: leaf('Offset', t.offset),
    Length: leaf('Length', t.length),
    Lineage: lineageElement(t.lineage),
    Comment: leaf('Comment', t.comment),
  };
  return { tag: template.tag, children: template.children?.map((c) => patches[c.tag] ?? c) ?? [] };
}

function patchField(old: XmlElement, f: FieldHeaderFacts): XmlElement {
  const fresh = fieldElement(f);
  return patchChildren(old, fresh, true);
}

/** Replaces `old`'s children by `fresh`'s of the same tag, one level deeper for NumberFormat. */
function patchChildren(old: XmlElement, fresh: XmlElement, deep: boolean): XmlElement {
  const replace = new Map(fresh.children?.map((c) => [c.tag, c]));
  const patched = old.children?.map((c) => {
    const next = replace.get(c.tag);
    if (next === undefined) return c;
    return deep && c.tag === 'NumberFormat' && c.children ? patchChildren(c, next, false) : next;
  });
  return { tag: old.tag, children: patched ?? [] };
}
