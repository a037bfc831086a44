/** The ledger's columns as form inputs (selects for the enumerations), with per-field errors. */
import {
  CATEGORIES,
  CONFIDENCES,
  INVESTMENT_QUALIFIERS,
  PRECISIONS,
  STATUSES,
} from '../../../core/ledger/model.ts';
import { reasonIn } from '../../i18n/reason-in.ts';
import {
  CATEGORY_LABELS,
  CONFIDENCE_LABELS,
  PRECISION_LABELS,
  QUALIFIER_LABELS,
  STATUS_LABELS,
} from '../../i18n/strings.ts';
import { pick } from '../../i18n/useT.ts';
import { useAtlas } from '../../state/store.ts';
import type { Column, FieldErrors, FieldProblem, FormValues } from './form-model.ts';
import { COLUMN_LABELS } from './strings.ts';

type Options = { value: string; label: string }[];

function useOptions(c: Column): Options | null {
  const lang = useAtlas((s) => s.lang);
  const cities = useAtlas((s) => s.data?.catalog.cities);
  const from = (values: readonly string[], labels: Record<string, { en: string; zh: string }>) =>
    values.map((v) => ({ value: v, label: labels[v]?.[lang] ?? v }));
  switch (c) {
    case 'category':
      return from(CATEGORIES, CATEGORY_LABELS);
    case 'status':
      return from(STATUSES, STATUS_LABELS);
    case 'location_precision':
      return from(PRECISIONS, PRECISION_LABELS);
    case 'confidence':
      return from(CONFIDENCES, CONFIDENCE_LABELS);
    case 'investment_qualifier':
      return [{ value: '', label: '—' }, ...from(INVESTMENT_QUALIFIERS, QUALIFIER_LABELS)];
    case 'city_id':
      return (cities ?? []).map((x) => ({ value: x.id, label: pick(lang, x.name_zh, x.name_en) }));
    default:
      return null;
  }
}

function Field({
  column,
  value,
  error,
  readOnly,
  onChange,
}: {
  column: Column;
  value: string;
  error?: FieldProblem | undefined;
  readOnly?: boolean;
  onChange: (v: string) => void;
}) {
  const lang = useAtlas((s) => s.lang);
  const options = useOptions(column);
  const label = COLUMN_LABELS[column]?.[lang] ?? column;
  const inputId = `edit-${column}`;
  const common = {
    id: inputId,
    name: column,
    'data-testid': `field-${column}`,
    'aria-invalid': error ? true : undefined,
    disabled: readOnly,
  };
  let input: React.ReactNode;
  if (options) {
    const known = options.some((o) => o.value === value);
    input = (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (column === 'description') {
    input = (
      <textarea {...common} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
    );
  } else {
    input = <input {...common} value={value} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className={`edit-field${error ? ' has-error' : ''}`}>
      <label className="edit-label" htmlFor={inputId}>
        {label}
      </label>
      {input}
      {error && (
        <span className="field-error" role="alert" data-testid={`error-${column}`}>
          {reasonIn(error, lang)}
        </span>
      )}
    </div>
  );
}

export function ProjectFields({
  values,
  errors,
  columns,
  readOnly = [],
  onChange,
}: {
  values: FormValues;
  errors: FieldErrors;
  columns: readonly Column[];
  readOnly?: readonly Column[];
  onChange: (column: Column, value: string) => void;
}) {
  return (
    <div className="edit-fields">
      {columns.map((c) => (
        <Field
          key={c}
          column={c}
          value={values[c]}
          error={errors[c]}
          readOnly={readOnly.includes(c)}
          onChange={(v) => onChange(c, v)}
        />
      ))}
    </div>
  );
}
