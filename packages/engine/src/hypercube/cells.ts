import { formatDate } from '../format/date-format.js';
import { formatInterval } from '../format/interval-format.js';
import type { LocaleSettings } from '../format/locale.js';
import { formatNumber } from '../format/number-format.js';
import { displayText } from '../format/number-text.js';
import { stateLetter } from '../inference/symbol-state.js';
import type { ModelField } from '../model/data-model.js';
import { Dual, type Value } from '../model/value.js';
import { type NumFormat, type NxCell, wireNumber } from './hypercube-def.js';

/**
 * A dimension cell: the symbol's text, number and element number (its symbol index, what
 * SelectHyperCubeValues takes back), and its state under the selection. Null is element -2.
 */
export function dimensionCell(field: ModelField, code: number, states: Uint8Array): NxCell {
  if (code === 0) return { qText: '-', qNum: 'NaN', qElemNumber: -2, qState: 'O', qIsNull: true };
  const symbol = code - 1;
  return {
    qText: field.symbols.text(symbol),
    qNum: wireNumber(field.symbols.num(symbol)),
    qElemNumber: symbol,
    qState: stateLetter(states[code]!),
  };
}

/** A measure cell: state `L`, element 0 (a total cell: element -1), text per `qNumFormat`. */
export function measureCell(
  value: Value,
  format: NumFormat | undefined,
  locale: LocaleSettings,
  total = false,
): NxCell {
  const cell: NxCell =
    value === null
      ? { qText: '-', qNum: 'NaN', qElemNumber: total ? -1 : 0, qState: 'L', qIsNull: true }
      : {
          qText: formatMeasure(value, format, locale),
          qNum: wireNumber(
            typeof value === 'number' ? value : value instanceof Dual ? value.num : Number.NaN,
          ),
          qElemNumber: total ? -1 : 0,
          qState: 'L',
        };
  if (total) cell.qIsTotalCell = true;
  return cell;
}

/**
 * The text of a measure value. A number is formatted with the measure's pattern when it has one
 * (`F`/`M`/`R`/`I` number patterns, `D`/`T`/`TS` date patterns, `IV` intervals); `U` (auto) and
 * missing formats give Qlik's default number text. Texts and duals keep their own text.
 */
export function formatMeasure(
  value: Value,
  format: NumFormat | undefined,
  locale: LocaleSettings,
): string {
  if (typeof value !== 'number') return displayText(value, locale) ?? '-';
  const type = format?.qType ?? 'U';
  const pattern = format?.qFmt ?? '';
  if (type === 'U' || pattern === '') return displayText(value, locale) ?? '-';
  if (type === 'D' || type === 'T' || type === 'TS') return formatDate(value, pattern, locale);
  if (type === 'IV') return formatInterval(value, pattern);
  return formatNumber(value, pattern, locale, {
    ...(format?.qDec ? { decimalSep: format.qDec } : {}),
    ...(format?.qThou !== undefined ? { thousandSep: format.qThou } : {}),
  });
}
