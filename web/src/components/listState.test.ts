import { describe, expect, it } from 'vitest';
import { type FilterSpec, activeFilterCount, filterFromForm, formValueOf, parseHiddenColumns, readListState, writeListState } from './listState';

const SPECS: FilterSpec[] = [
  { name: 'q', kind: 'text' },
  { name: 'status', kind: 'select', allowed: ['potential', 'active'] },
  { name: 'ownerId', kind: 'number' },
  { name: 'created', kind: 'dateRange', range: ['createdFrom', 'createdTo'] },
  { name: 'incomplete', kind: 'flag', on: 'true' },
  { name: 'active', kind: 'select', defaultValue: 'all' },
];
const OPTS = { sortable: ['name', 'updatedAt'] };

describe('list state in the address', () => {
  it('reads what the address says and drops what the page does not know', () => {
    const s = readListState(new URLSearchParams('q=bjhy&status=gone&ownerId=x7&createdFrom=2026-01-05&incomplete=true&sort=-password&page=3&pageSize=50'), SPECS, OPTS);
    expect(s.filters).toEqual({ q: 'bjhy', status: undefined, ownerId: undefined, createdFrom: '2026-01-05', createdTo: undefined, incomplete: 'true', active: 'all' });
    expect(s.sort).toBeUndefined();
    expect(s).toMatchObject({ page: 3, pageSize: 50 });
  });

  it('writes only what differs from the defaults and keeps the keys it does not manage', () => {
    const base = new URLSearchParams('tab=reports&page=4');
    const p = writeListState({ filters: { q: '华远', status: 'active', active: 'all', incomplete: undefined }, page: 1, pageSize: 20, sort: '-name' }, SPECS, OPTS, base);
    expect(p.toString()).toBe(new URLSearchParams('tab=reports&q=华远&status=active&sort=-name').toString());
  });

  it('comes back to the same state after a round trip', () => {
    const query = 'q=zw&ownerId=12&createdFrom=2026-01-01&createdTo=2026-01-31&incomplete=true&active=inactive&sort=updatedAt&page=2&pageSize=100';
    const s = readListState(new URLSearchParams(query), SPECS, OPTS);
    expect(readListState(writeListState(s, SPECS, OPTS), SPECS, OPTS)).toEqual(s);
  });

  it('turns form values into address values: trimmed text, ids, dates, flags; an emptied select takes its default', () => {
    expect(filterFromForm(SPECS[0], '  北京 ')).toEqual({ q: '北京' });
    expect(filterFromForm(SPECS[0], '   ')).toEqual({ q: undefined });
    expect(filterFromForm(SPECS[2], 12)).toEqual({ ownerId: '12' });
    const range = formValueOf(SPECS[3], { createdFrom: '2026-03-01', createdTo: undefined });
    expect(filterFromForm(SPECS[3], range)).toEqual({ createdFrom: '2026-03-01', createdTo: undefined });
    expect(filterFromForm(SPECS[4], true)).toEqual({ incomplete: 'true' });
    expect(filterFromForm(SPECS[5], undefined)).toEqual({ active: 'all' });
  });

  it('counts the filters that narrow the list (a default is not a filter)', () => {
    expect(activeFilterCount(SPECS, { active: 'all' })).toBe(0);
    expect(activeFilterCount(SPECS, { active: 'inactive', createdTo: '2026-01-01' })).toBe(2);
  });

  it('keeps only known, hideable columns from storage', () => {
    expect(parseHiddenColumns('["phone","name","bogus",3]', ['name', 'phone'], ['name'])).toEqual(['phone']);
    expect(parseHiddenColumns('not json', ['name'])).toEqual([]);
  });
});
