import { FilterOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Dropdown, Empty, Flex, Form, Input, Select, Table, theme } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { type ReactElement, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SetURLSearchParams, useSearchParams } from 'react-router-dom';
import { useIsMobile } from '../app/useIsMobile';
import {
  type FilterSpec,
  type FilterValuesByKey,
  type FormValue,
  type ListOptions,
  type ListState,
  activeFilterCount,
  filterFromForm,
  formDiffers,
  formValues,
  parseHiddenColumns,
  readListState,
  sortFrom,
  sortOrderOf,
  writeListState,
} from './listState';
import { LoadError } from './status';

const SEARCH_DELAY_MS = 300;

/** One filter of the bar: what it stores in the address (FilterSpec) and how it is shown. */
export interface ListFilter extends FilterSpec {
  /** Visible label (its accessible name). */
  label?: string;
  /** Accessible name when there is no visible label. */
  ariaLabel?: string;
  placeholder?: string;
  /** Width on wide screens; phones use the full width. */
  width?: number;
  /** `select` / `number`: the choices (or `input` for a control of its own, e.g. a server-searched user picker). */
  options?: { value: string | number; label: ReactNode }[];
  /** Type to narrow the options. */
  searchable?: boolean;
  /** `select` with a default: no clear button (the default is one of the options). */
  required?: boolean;
  /** A control of its own (receives value / onChange from the form). */
  input?: ReactElement;
  /** `flag`: the checkbox text. */
  text?: string;
  /** `text`: applies 300 ms after typing stops (not during an IME composition) as well as on Enter. */
  live?: boolean;
  /** `text`: an Input.Search (with this button; false = the magnifier icon only) instead of a plain input. */
  search?: ReactNode | boolean;
  /** Phones: behind the 筛选 button (see `mobileFilters`). */
  collapsible?: boolean;
  /** Not shown now (e.g. a stage filter only in the list view); its value stays in the address. */
  hidden?: boolean;
}

export interface ListController {
  state: ListState;
  params: URLSearchParams;
  setParams: SetURLSearchParams;
  specs: readonly ListFilter[];
  opts: ListOptions;
  /** New filter values (merged): back to page 1, replacing the history entry. */
  setFilters: (patch: FilterValuesByKey) => void;
  setPage: (page: number, pageSize: number) => void;
  setSort: (sort: string | undefined) => void;
}

/** The list's state from the address, and setters that write it back. */
export function useListState(specs: readonly ListFilter[], opts: ListOptions = {}): ListController {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const specsRef = useRef(specs);
  specsRef.current = specs;
  const optsRef = useRef(opts);
  optsRef.current = opts;
  // The address is the only source: the state changes when the query string does.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useMemo(() => readListState(new URLSearchParams(query), specsRef.current, optsRef.current), [query]);

  const go = (next: ListState, push: boolean) => {
    const p = writeListState(next, specsRef.current, optsRef.current, params);
    if (p.toString() !== query) setParams(p, { replace: !push });
  };
  return {
    state,
    params,
    setParams,
    specs,
    opts,
    setFilters: (patch) => go({ ...state, filters: { ...state.filters, ...patch }, page: 1 }, false),
    setPage: (page, pageSize) => go({ ...state, page: pageSize !== state.pageSize ? 1 : page, pageSize }, true),
    setSort: (sort) => go({ ...state, sort, page: 1 }, false),
  };
}

/** The hint of a list with nothing in it yet: a sentence on what the page is for and the first thing to do. */
export interface EmptyHint {
  description: ReactNode;
  action?: { label: string; onClick: () => void } | null;
}

/** The empty-list hint: an antd Empty with the page's description and its primary action. */
export function EmptyListHint({ hint }: { hint: EmptyHint }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={hint.description}>
      {hint.action ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={hint.action.onClick}>
          {hint.action.label}
        </Button>
      ) : null}
    </Empty>
  );
}

/** A column; `key` names it for the column chooser and, with `sorter: true`, is the server's sort field. */
export type ListColumn<T> = TableColumnsType<T>[number] & { key: string };

export interface ListPageProps<T> {
  list: ListController;
  /** The form's name (it prefixes the inputs' ids). */
  formName: string;
  /** `countCapped`: the total is a lower bound (a long list or search counted up to a cap), shown as "10,000+". */
  query: { data?: { items: T[]; total: number; countCapped?: boolean }; isError: boolean; error: unknown; isFetching: boolean; refetch: () => unknown };
  columns: ListColumn<T>[];
  rowKey?: TableProps<T>['rowKey'];
  /** Shown when nothing is there at all / when the filters match nothing. */
  empty?: ReactNode;
  noMatch?: ReactNode;
  /**
   * A list with no rows and no filter set: what the page is for and its first action (instead of `empty`).
   * `action` is left out when the user may not take it.
   */
  emptyHint?: EmptyHint;
  /** The column chooser: hidden columns kept in localStorage under `storageKey`; `fixed` ones cannot be hidden. */
  columnChooser?: { storageKey: string; label: string; hint: string; fixed?: string[] };
  /** Phones: the `collapsible` filters sit behind a button named `label(active filters)`. */
  mobileFilters?: (active: number) => string;
  /** A 重置 button clearing every filter. */
  reset?: boolean;
  /** Above the filter bar, inside the card (e.g. view tabs). */
  header?: ReactNode;
  /** Beside the filter bar (e.g. a 新建 button). */
  filterExtra?: ReactNode;
  /** Row between the filters and the table: left (selection actions) and right (saved searches …). */
  toolbar?: ReactNode;
  toolbarEnd?: ReactNode;
  /** Right above the table (an A–Z bar, per-stage totals). */
  beforeTable?: ReactNode;
  /** Shown instead of the table (another view of the same filters, e.g. a board); the filters then stand alone. */
  replaceTable?: ReactNode;
  /** When the sort is not in the address, the column the server sorts by (shown as sorted). */
  defaultSort?: string;
  pageSizeOptions?: number[];
  /** Whether to wrap the bar and the table in a card (false inside tabs that are cards already). */
  card?: boolean;
  tableProps?: Omit<TableProps<T>, 'columns' | 'dataSource' | 'loading' | 'pagination' | 'onChange' | 'rowKey'>;
}

function useHiddenColumns(chooser: ListPageProps<unknown>['columnChooser'], keys: string[]) {
  const [hidden, setHidden] = useState<string[]>(() => {
    if (!chooser) return [];
    try {
      return parseHiddenColumns(localStorage.getItem(chooser.storageKey), keys, chooser.fixed);
    } catch {
      return [];
    }
  });
  const toggle = (key: string, visible: boolean) => {
    const next = visible ? hidden.filter((k) => k !== key) : [...hidden, key];
    setHidden(next);
    if (!chooser) return;
    try {
      localStorage.setItem(chooser.storageKey, JSON.stringify(next));
    } catch {
      // storage disabled: the choice lasts for this page only
    }
  };
  return [hidden, toggle] as const;
}

/**
 * One list page body: a filter bar from a declared filter list, a server-paged table whose filters, sort and page
 * live in the address (so "back" from a record returns to the same list), an optional column chooser, and the
 * loading / empty / error states. Enter in any text filter searches at once.
 */
export function ListPage<T extends object>(props: ListPageProps<T>) {
  const { list, formName, query, columns, columnChooser, mobileFilters, card = true } = props;
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Record<string, FormValue>>();
  const { state, specs } = list;
  const shown = specs.filter((s) => s.kind !== 'param' && !s.hidden);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const [hidden, toggleColumn] = useHiddenColumns(columnChooser, columns.map((c) => c.key));

  // Typed text applies after a pause (and at once on Enter); an IME composition is not a search yet.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const composing = useRef(false);
  useEffect(() => () => clearTimeout(timer.current), []);

  // The address can change without the form (back / forward, saved searches, links): show what is filtered.
  useEffect(() => {
    const values = form.getFieldsValue();
    const patch = Object.fromEntries(
      Object.entries(formValues(specs, state.filters)).filter(([name]) => {
        const spec = specs.find((s) => s.name === name)!;
        return formDiffers(spec, values[name], state.filters);
      }),
    );
    if (Object.keys(patch).length) form.setFieldsValue(patch);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.filters, form]);

  const apply = () => {
    clearTimeout(timer.current);
    const values = form.getFieldsValue();
    const patch: FilterValuesByKey = {};
    for (const spec of specs) if (spec.kind !== 'param') Object.assign(patch, filterFromForm(spec, values[spec.name]));
    list.setFilters(patch);
  };
  const applySoon = () => {
    clearTimeout(timer.current);
    if (composing.current) return;
    timer.current = setTimeout(apply, SEARCH_DELAY_MS);
  };
  const reset = () => {
    const cleared: FilterValuesByKey = {};
    for (const spec of specs) Object.assign(cleared, filterFromForm(spec, undefined));
    form.setFieldsValue(formValues(specs, cleared));
    clearTimeout(timer.current);
    list.setFilters(cleared);
  };

  const active = activeFilterCount(specs.filter((s) => s.collapsible), state.filters);
  const hideCollapsible = !!mobileFilters && isMobile && !filtersOpen;
  const width = (w?: number) => (isMobile ? { width: '100%' } : w ? { width: w } : undefined);

  const control = (f: ListFilter): ReactNode => {
    const aria = f.label ? undefined : f.ariaLabel;
    switch (f.kind) {
      case 'text': {
        const common = {
          allowClear: true,
          placeholder: f.placeholder,
          'aria-label': aria,
          autoComplete: 'off',
          style: width(f.width),
          onCompositionStart: () => {
            composing.current = true;
          },
          onCompositionEnd: () => {
            composing.current = false;
            if (f.live) applySoon();
          },
        };
        return f.search === undefined || f.search === null ? (
          <Input {...common} onPressEnter={apply} />
        ) : (
          <Input.Search {...common} enterButton={f.search === false ? false : f.search === true ? undefined : f.search} onSearch={apply} />
        );
      }
      case 'flag':
        return <Checkbox aria-label={aria}>{f.text}</Checkbox>;
      case 'dateRange':
        return <DatePicker.RangePicker allowEmpty={[true, true]} style={isMobile ? { width: '100%' } : undefined} aria-label={aria} />;
      default:
        if (f.input) return f.input;
        return (
          <Select
            allowClear={!f.required}
            aria-label={aria}
            placeholder={f.placeholder ?? t('common.all')}
            style={width(f.width)}
            showSearch={f.searchable ? { optionFilterProp: 'label' } : undefined}
            options={f.options}
          />
        );
    }
  };

  const filterBar = shown.length ? (
    <Form
      form={form}
      name={formName}
      layout={isMobile ? 'vertical' : 'inline'}
      initialValues={formValues(specs, state.filters)}
      onValuesChange={(changed: Record<string, FormValue>) => {
        const names = Object.keys(changed);
        const typed = names.filter((n) => specs.find((s) => s.name === n)?.kind === 'text');
        if (typed.length === names.length) {
          // Typing: live boxes search after a pause; the others wait for Enter (a cleared box searches at once).
          const clearedNow = typed.some((n) => !changed[n]);
          if (clearedNow) apply();
          else if (typed.some((n) => specs.find((s) => s.name === n)?.live)) applySoon();
        } else apply();
      }}
      onFinish={apply}
      style={{ rowGap: 8 }}
    >
      {shown.map((f) => (
        <Form.Item
          key={f.name}
          name={f.name}
          label={f.label}
          valuePropName={f.kind === 'flag' ? 'checked' : undefined}
          hidden={hideCollapsible && f.collapsible}
        >
          {control(f)}
        </Form.Item>
      ))}
      {mobileFilters || props.reset ? (
        <Form.Item>
          <Flex gap={8} wrap>
            {mobileFilters && isMobile ? (
              <Button icon={<FilterOutlined />} aria-expanded={filtersOpen} onClick={() => setFiltersOpen((o) => !o)}>
                {mobileFilters(active)}
              </Button>
            ) : null}
            {props.reset ? <Button onClick={reset}>{t('common.reset')}</Button> : null}
          </Flex>
        </Form.Item>
      ) : null}
    </Form>
  ) : null;

  const top =
    filterBar || props.filterExtra ? (
      <Flex justify="space-between" align="start" wrap gap={8} style={{ marginBottom: 12 }}>
        {filterBar}
        {props.filterExtra}
      </Flex>
    ) : null;

  const chooser = columnChooser ? (
    <Dropdown
      trigger={['click']}
      open={columnsOpen}
      onOpenChange={setColumnsOpen}
      popupRender={() => (
        <div
          role="group"
          aria-label={columnChooser.hint}
          style={{ background: token.colorBgElevated, borderRadius: token.borderRadiusLG, boxShadow: token.boxShadowSecondary, padding: 12 }}
        >
          <Flex vertical gap={6}>
            {columns.map((c) => (
              <Checkbox key={c.key} checked={!hidden.includes(c.key)} disabled={columnChooser.fixed?.includes(c.key)} onChange={(e) => toggleColumn(c.key, e.target.checked)}>
                {c.title as ReactNode}
              </Checkbox>
            ))}
          </Flex>
        </div>
      )}
    >
      <Button icon={<SettingOutlined />}>{columnChooser.label}</Button>
    </Dropdown>
  ) : null;

  const toolbar =
    props.toolbar || props.toolbarEnd || chooser ? (
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex align="center" gap={8} wrap>
          {props.toolbar}
        </Flex>
        <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
          {props.toolbarEnd}
          {chooser}
        </Flex>
      </Flex>
    ) : null;

  const visible = columns
    .filter((c) => !hidden.includes(c.key))
    .map((c) => ('sorter' in c && c.sorter === true ? { ...c, sortOrder: sortOrderOf(state.sort ?? props.defaultSort, c.key), showSorterTooltip: false } : c));
  const scrollX = visible.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0) + (props.tableProps?.rowSelection ? 48 : 0);
  const filtered = activeFilterCount(specs, state.filters) > 0;

  const body = query.isError && !query.data ? (
    <LoadError error={query.error} onRetry={() => void query.refetch()} />
  ) : (
    <>
      {query.isError ? <Alert type="error" showIcon title={t('errors.loadFailed')} style={{ marginBottom: 12 }} /> : null}
      {props.beforeTable}
      <Table<T>
        rowKey={props.rowKey ?? ('id' as TableProps<T>['rowKey'])}
        size="middle"
        scroll={{ x: scrollX }}
        {...props.tableProps}
        columns={visible}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        locale={{
          // The hint only once the list has answered (not while the first page loads) and nothing is filtered.
          emptyText: filtered ? (props.noMatch ?? props.empty) : props.emptyHint && query.data ? <EmptyListHint hint={props.emptyHint} /> : props.empty,
        }}
        onChange={(pagination, _f, sorter, extra) => {
          if (extra.action === 'sort') {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            list.setSort(sortFrom(s?.columnKey === undefined ? undefined : String(s.columnKey), s?.order));
          } else if (extra.action === 'paginate') {
            list.setPage(pagination.current ?? 1, pagination.pageSize ?? state.pageSize);
          }
        }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: props.pageSizeOptions ?? [20, 50, 100],
          showTotal: (total) => (query.data?.countCapped ? t('common.totalAtLeast', { total: total.toLocaleString('en') }) : t('common.total', { total })),
        }}
      />
    </>
  );

  const size = isMobile ? 'small' : 'default';
  if (props.replaceTable !== undefined) {
    return (
      <>
        <Card size="small" style={{ marginBottom: 12 }}>
          {props.header}
          {top ? <div style={{ marginBottom: -12 }}>{top}</div> : null}
        </Card>
        {props.replaceTable}
      </>
    );
  }
  const content = (
    <>
      {props.header}
      {top}
      {toolbar}
      {body}
    </>
  );
  return card ? <Card size={size}>{content}</Card> : content;
}
