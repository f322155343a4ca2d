import { describe, expect, it } from 'vitest';
import type { Reconciliation } from '../../../../shared/domain/schemas.ts';
import {
  reconciliationLists,
  reconciliationSuggestion,
  roomSuggestion,
  suggestionFor,
} from '../../../../shared/checklist/reconciliation.ts';
import { makeDevice } from '../domain/fixtures.ts';

const context = { today: '2026-03-01', idlePolicyDays: 90, unexpectedInRoom: 0 };

describe('reconciliation suggestions', () => {
  it('a device not found fails I2 and makes every other item not applicable', () => {
    expect(reconciliationSuggestion('I2', 'not_found')?.result).toBe('fail');
    expect(reconciliationSuggestion('C1', 'not_found')?.result).toBe('na');
  });
  it('a moved or unexpected device fails I3 and says nothing about the rest', () => {
    expect(reconciliationSuggestion('I3', 'wrong_location')?.result).toBe('fail');
    expect(reconciliationSuggestion('I3', 'unexpected')?.reason.zh).toContain('台账');
    expect(reconciliationSuggestion('D1', 'wrong_location')).toBeNull();
    expect(reconciliationSuggestion('I2', 'found')).toBeNull();
    expect(reconciliationSuggestion('I2', undefined)).toBeNull();
  });
  it('the room fails I1 once any unexpected device was found', () => {
    expect(roomSuggestion('I1', 0)).toBeNull();
    expect(roomSuggestion('I1', 2)?.reason.en).toContain('2 device');
    expect(roomSuggestion('P1', 2)).toBeNull();
  });
  it('what was seen beats what was recorded', () => {
    // The record says active and cabled (the D1 rule would say not applicable)...
    const device = makeDevice({ status: 'active' });
    expect(suggestionFor('D1', device, undefined, context)?.result).toBe('na');
    // ...but a device recorded missing that is marked found has no reconciliation override.
    const missing = makeDevice({ status: 'missing' });
    expect(suggestionFor('I2', missing, undefined, context)?.result).toBe('fail');
    expect(suggestionFor('I2', device, 'not_found', context)?.reason.en).toContain('not found');
    expect(suggestionFor('I1', null, undefined, { ...context, unexpectedInRoom: 1 })?.result).toBe(
      'fail',
    );
  });
});

describe('reconciliationLists', () => {
  const rec = (deviceId: string, state: Reconciliation['state']): Reconciliation => ({
    id: `a|${deviceId}`,
    auditId: 'a',
    deviceId,
    roomId: 'r',
    state,
    note: '',
    by: '',
    at: '2026-03-01T09:00:00.000Z',
  });
  it('sorts records into missing, unexpected and moved, ignoring "found"', () => {
    const lists = reconciliationLists([
      rec('1', 'not_found'),
      rec('2', 'unexpected'),
      rec('3', 'wrong_location'),
      rec('4', 'found'),
    ]);
    expect(lists.missing.map((r) => r.deviceId)).toEqual(['1']);
    expect(lists.unexpected.map((r) => r.deviceId)).toEqual(['2']);
    expect(lists.moved.map((r) => r.deviceId)).toEqual(['3']);
  });
});
