import { useEffect, useId, useState } from 'react';
import type { Doc } from '../engine/qix.js';
import { t } from '../i18n/t.js';
import { Dialog } from '../ui/Dialog.js';
import { Status } from '../ui/Status.js';
import { type ChartSpec, type ChartSpecProblem, chartSpecProblems } from './chart-spec.js';
import { CHART_TYPES, chartType } from './chart-types.js';
import { FIELD_LIST_PROPERTIES, readFieldList } from './field-list.js';
import { useExpressionCheck } from './use-expression-check.js';

function useFieldNames(doc: Doc): string[] {
  const [fields, setFields] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    let id: string | null = null;
    doc
      .createSessionObject(FIELD_LIST_PROPERTIES)
      .then(async (list) => {
        id = list.id;
        const layout = await list.getLayout();
        if (live) setFields(readFieldList(layout));
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (id !== null) void doc.destroySessionObject(id).catch(() => undefined);
    };
  }, [doc]);
  return fields;
}

function problemText(problem: ChartSpecProblem): string {
  if (problem.kind === 'unknown-type') return problem.type;
  const c = problem.chart;
  return t('chart.needs', {
    type: t(c.label),
    dims: t('chart.countDims', { min: c.dimensions.min, max: c.dimensions.max }),
    measures: t('chart.countMeasures', { min: c.measures.min, max: c.measures.max }),
  });
}

function MeasureInput(props: {
  readonly doc: Doc;
  readonly index: number;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onRemove: () => void;
}) {
  const id = useId();
  const check = useExpressionCheck(props.doc, props.value);
  const label = t('chart.measureN', { n: props.index + 1 });
  const message =
    check.kind === 'checking'
      ? t('chart.expressionChecking')
      : check.kind === 'ok'
        ? t('chart.expressionOk')
        : check.kind === 'error'
          ? t('chart.expressionError', { message: check.message })
          : check.kind === 'bad-fields'
            ? t('chart.badFields', { fields: check.fields.join(', ') })
            : '';
  const invalid = check.kind === 'error' || check.kind === 'bad-fields';
  return (
    <div className="field-row">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="expression"
        value={props.value}
        placeholder="Sum(Sales)"
        aria-invalid={invalid}
        aria-describedby={`${id}-check`}
        onChange={(e) => props.onChange(e.target.value)}
        spellCheck={false}
      />
      <button
        type="button"
        className="icon-button"
        onClick={props.onRemove}
        aria-label={t('chart.removeItem', { label })}
      >
        ×
      </button>
      <span
        id={`${id}-check`}
        className={invalid ? 'check check-error' : 'check'}
        aria-live="polite"
      >
        {message}
      </span>
    </div>
  );
}

/** Picks a chart type, its dimensions (fields or `=` expressions) and measures (expressions). */
export function AddChartDialog(props: {
  readonly doc: Doc;
  readonly onClose: () => void;
  readonly onAdd: (spec: ChartSpec) => Promise<void>;
}) {
  const fields = useFieldNames(props.doc);
  const [type, setType] = useState('barchart');
  const [title, setTitle] = useState('');
  const [dimensions, setDimensions] = useState<string[]>(['']);
  const [measures, setMeasures] = useState<string[]>(['']);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { type: useId(), title: useId(), fields: useId() };
  const chart = chartType(type);
  const spec: ChartSpec = { type, title, dimensions, measures };
  const problems = chartSpecProblems(spec);

  const submit = async () => {
    if (problems.length > 0) return setError(problems.map(problemText).join(' '));
    setBusy(true);
    try {
      await props.onAdd(spec);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  const setAt = (list: string[], i: number, v: string) => list.map((x, j) => (j === i ? v : x));

  return (
    <Dialog
      title={t('chart.dialogTitle')}
      onClose={props.onClose}
      onSubmit={submit}
      submitLabel={t('chart.add')}
      submitDisabled={busy}
    >
      <label htmlFor={ids.type}>{t('chart.type')}</label>
      <select id={ids.type} value={type} onChange={(e) => setType(e.target.value)}>
        {CHART_TYPES.map((c) => (
          <option key={c.type} value={c.type}>
            {t(c.label)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.title}>{t('chart.title')}</label>
      <input id={ids.title} value={title} onChange={(e) => setTitle(e.target.value)} />
      <datalist id={ids.fields}>
        {fields.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      {chart !== undefined && chart.dimensions.max > 0 && (
        <fieldset>
          <legend>{t('chart.dimensions')}</legend>
          {dimensions.map((d, i) => {
            const label = t('chart.dimensionN', { n: i + 1 });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reordered
              <div className="field-row" key={i}>
                <label htmlFor={`${ids.fields}-d${i}`}>{label}</label>
                <input
                  id={`${ids.fields}-d${i}`}
                  list={ids.fields}
                  value={d}
                  placeholder={t('chart.pickField')}
                  onChange={(e) => setDimensions(setAt(dimensions, i, e.target.value))}
                />
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => setDimensions(dimensions.filter((_, j) => j !== i))}
                  aria-label={t('chart.removeItem', { label })}
                >
                  ×
                </button>
              </div>
            );
          })}
          <button type="button" onClick={() => setDimensions([...dimensions, ''])}>
            {t('chart.addDimension')}
          </button>
        </fieldset>
      )}
      {chart !== undefined && chart.measures.max > 0 && (
        <fieldset>
          <legend>{t('chart.measures')}</legend>
          {measures.map((m, i) => (
            <MeasureInput
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reordered
              key={i}
              doc={props.doc}
              index={i}
              value={m}
              onChange={(v) => setMeasures(setAt(measures, i, v))}
              onRemove={() => setMeasures(measures.filter((_, j) => j !== i))}
            />
          ))}
          <button type="button" onClick={() => setMeasures([...measures, ''])}>
            {t('chart.addMeasure')}
          </button>
        </fieldset>
      )}
      {error !== null && <Status tone="error" message={error} />}
    </Dialog>
  );
}
