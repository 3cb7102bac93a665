/**
 * The `LOAD … FROM` statement the data-file picker inserts. The format specification follows
 * the file's extension, as Qlik's own "insert script" does; `lib://DataFiles/` resolves to the
 * data files of the app's space.
 */
export function formatSpec(fileName: string): string {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  switch (ext) {
    case 'csv':
      return "(txt, utf8, embedded labels, delimiter is ',')";
    case 'tsv':
    case 'tab':
      return "(txt, utf8, embedded labels, delimiter is '\\t')";
    case 'txt':
      return '(txt, utf8, embedded labels, delimiter is spaces)';
    case 'qvd':
      return '(qvd)';
    case 'xlsx':
      return '(ooxml, embedded labels)';
    case 'parquet':
      return '(parquet)';
    case 'json':
      return '(json)';
    default:
      return '(txt, utf8, embedded labels)';
  }
}

/** A table name from the file name: its base name with characters a label cannot hold removed. */
export function tableLabel(fileName: string): string {
  const base = fileName.split('/').pop() ?? fileName;
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  const label = stem.replace(/[^\p{L}\p{N}_]+/gu, '_').replace(/^_+|_+$/g, '');
  return label === '' ? 'Table' : label;
}

/** `]` ends a bracketed name in the script, so a file name holding one is written `]]`. */
function bracketed(text: string): string {
  return `[${text.replaceAll(']', ']]')}]`;
}

export function loadStatement(fileName: string): string {
  return [
    `${bracketed(tableLabel(fileName))}:`,
    'LOAD *',
    `FROM ${bracketed(`lib://DataFiles/${fileName}`)}`,
    `${formatSpec(fileName)};`,
    '',
  ].join('\n');
}
