import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { DEVICE_TYPES, LIFECYCLE_STATUSES } from '../../../shared/domain/enums.ts';
import type { Device, Rack, Room } from '../../../shared/domain/schemas.ts';
import {
  NO_RACK_FILTER,
  queryDevices,
  type DeviceSortKey,
} from '../../../shared/inventory/device-query.ts';
import { OUT_OF_SERVICE } from '../../../shared/rules/rule.ts';
import { db } from '../../db/instance.ts';
import { deleteDevices } from '../../db/repositories/inventory-edits.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useUndoableRemoval } from './use-undoable.ts';

// The room's device list: search, filters and sortable columns over a virtualized table, so
// 2,000 devices cost ~25 rendered rows. Keyboard: "/" search, "n" new device, arrows move
// between rows, Enter opens, Delete asks to delete.

const ROW_HEIGHT = 30;

const COLUMNS: { key: DeviceSortKey; label: MessageKey }[] = [
  { key: 'name', label: 'inventory.col.name' },
  { key: 'assetTag', label: 'inventory.col.assetTag' },
  { key: 'type', label: 'inventory.col.type' },
  { key: 'status', label: 'inventory.col.status' },
  { key: 'location', label: 'inventory.col.location' },
  { key: 'ip', label: 'inventory.col.ip' },
  { key: 'owner', label: 'inventory.col.owner' },
  { key: 'network', label: 'inventory.col.network' },
];

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function DeviceList(props: { room: Room; racks: Rack[]; devices: Device[] }) {
  const { room, racks, devices } = props;
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const view = useStore((s) => s.deviceView);
  const setFilter = useStore((s) => s.setDeviceFilter);
  const setSort = useStore((s) => s.setDeviceSort);
  const setLastDevice = useStore((s) => s.setLastDevice);
  const removeWithUndo = useUndoableRemoval();
  const [toDelete, setToDelete] = useState<Device | null>(null);
  const { filter, sort } = view;

  const rows = useMemo(
    () => queryDevices(devices, racks, filter, sort),
    [devices, racks, filter, sort],
  );
  const rackById = useMemo(() => new Map(racks.map((r) => [r.id, r])), [racks]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // The virtualizer's functions are read during render; the compiler's skipping this component is intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: ROW_HEIGHT,
    getItemKey: (i) => rows[i]?.id ?? i,
  });

  const focusRow = (index: number) => {
    const i = Math.max(0, Math.min(rows.length - 1, index));
    virtualizer.scrollToIndex(i, { align: 'auto' });
    // The row may only exist after the virtualizer re-renders for the new scroll position.
    const attempt = (tries: number) => {
      const button = scrollRef.current?.querySelector<HTMLButtonElement>(
        `[data-index="${i}"] .inv-name`,
      );
      if (button) button.focus();
      else if (tries > 0) requestAnimationFrame(() => attempt(tries - 1));
    };
    requestAnimationFrame(() => attempt(5));
  };

  // Coming back from the editor: show and focus the device just edited.
  const returnedTo = useRef(false);
  useEffect(() => {
    if (returnedTo.current || !view.lastDeviceId) return;
    const index = rows.findIndex((d) => d.id === view.lastDeviceId);
    if (index >= 0) {
      returnedTo.current = true;
      focusRow(index);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the rows first arrive
  }, [rows]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'n') {
        e.preventDefault();
        navigate({ name: 'newDevice', roomId: room.id });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate, room.id]);

  const open = (device: Device) => {
    setLastDevice(device.id);
    navigate({ name: 'device', deviceId: device.id });
  };

  const onRowKey = (e: KeyboardEvent<HTMLDivElement>, index: number, device: Device) => {
    if (e.key === 'ArrowDown') focusRow(index + 1);
    else if (e.key === 'ArrowUp') focusRow(index - 1);
    else if (e.key === 'PageDown') focusRow(index + 15);
    else if (e.key === 'PageUp') focusRow(index - 15);
    else if (e.key === 'Home' && e.ctrlKey) focusRow(0);
    else if (e.key === 'End' && e.ctrlKey) focusRow(rows.length - 1);
    else if (e.key === 'Delete') setToDelete(device);
    else return;
    e.preventDefault();
  };

  const deleting = useRef(false);
  const confirmDelete = async () => {
    if (!toDelete || deleting.current) return;
    deleting.current = true;
    const index = rows.findIndex((d) => d.id === toDelete.id);
    const ok = await removeWithUndo(
      () => deleteDevices(db(), [toDelete.id]),
      t('inventory.deletedDevice', { name: toDelete.name }),
    );
    deleting.current = false;
    setToDelete(null);
    if (ok && rows.length > 1) focusRow(index >= rows.length - 1 ? index - 1 : index);
  };

  const filtered =
    filter.text !== '' || filter.type !== '' || filter.status !== '' || filter.rackId !== '';
  const items = virtualizer.getVirtualItems();

  return (
    <div className="inv-devices">
      <div className="inv-toolbar" role="search" aria-label={t('inventory.searchArea')}>
        <input
          ref={searchRef}
          type="search"
          className="inv-search"
          value={filter.text}
          onChange={(e) => setFilter({ text: e.target.value })}
          placeholder={t('inventory.searchPlaceholder')}
          aria-label={t('inventory.search')}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && rows.length > 0) {
              e.preventDefault();
              focusRow(0);
            }
          }}
        />
        <select
          value={filter.type}
          onChange={(e) => setFilter({ type: e.target.value as typeof filter.type })}
          aria-label={t('inventory.filterType')}
        >
          <option value="">{t('inventory.allTypes')}</option>
          {DEVICE_TYPES.map((v) => (
            <option key={v} value={v}>
              {t.label('deviceType', v)}
            </option>
          ))}
        </select>
        <select
          value={filter.status}
          onChange={(e) => setFilter({ status: e.target.value as typeof filter.status })}
          aria-label={t('inventory.filterStatus')}
        >
          <option value="">{t('inventory.allStatuses')}</option>
          {LIFECYCLE_STATUSES.map((v) => (
            <option key={v} value={v}>
              {t.label('lifecycleStatus', v)}
            </option>
          ))}
        </select>
        <select
          value={filter.rackId}
          onChange={(e) => setFilter({ rackId: e.target.value })}
          aria-label={t('inventory.filterRack')}
        >
          <option value="">{t('inventory.allRacks')}</option>
          <option value={NO_RACK_FILTER}>{t('inventory.noRack')}</option>
          {racks.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        {filtered && (
          <button
            type="button"
            className="secondary small"
            onClick={() => setFilter({ text: '', type: '', status: '', rackId: '' })}
          >
            {t('inventory.clearFilters')}
          </button>
        )}
        <span className="inv-count" aria-live="polite">
          {filtered
            ? t('inventory.countFiltered', { shown: rows.length, total: devices.length })
            : t('inventory.count', { total: devices.length })}
        </span>
        <button
          type="button"
          className="primary"
          onClick={() => navigate({ name: 'newDevice', roomId: room.id })}
          aria-keyshortcuts="n"
        >
          {t('devices.new')}
        </button>
      </div>

      {devices.length === 0 ? (
        <p className="empty">{t('devices.empty')}</p>
      ) : (
        <div
          className="inv-table"
          role="table"
          aria-label={t('inventory.tableLabel', { room: room.name })}
          aria-rowcount={rows.length + 1}
          ref={scrollRef}
        >
          <div role="rowgroup" className="inv-thead">
            <div role="row" aria-rowindex={1} className="inv-row inv-head-row">
              {COLUMNS.map((c) => {
                const active = sort.key === c.key;
                return (
                  <div
                    key={c.key}
                    role="columnheader"
                    aria-sort={
                      active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined
                    }
                  >
                    <button
                      type="button"
                      onClick={() =>
                        setSort({
                          key: c.key,
                          direction: active && sort.direction === 'asc' ? 'desc' : 'asc',
                        })
                      }
                    >
                      {t(c.label)}
                      <span aria-hidden="true" className="inv-sort">
                        {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </div>
                );
              })}
              <div role="columnheader">
                <span className="visually-hidden">{t('inventory.col.actions')}</span>
              </div>
            </div>
          </div>
          <div role="rowgroup" className="inv-tbody" style={{ height: virtualizer.getTotalSize() }}>
            {rows.length === 0 && (
              <div role="row" aria-rowindex={2} className="inv-row inv-no-match">
                <div role="cell">{t('inventory.noMatch')}</div>
              </div>
            )}
            {items.map((item) => {
              const device = rows[item.index]!;
              const rack = device.rackId ? rackById.get(device.rackId) : undefined;
              return (
                <DeviceRow
                  key={item.key}
                  index={item.index}
                  top={item.start - ROW_HEIGHT}
                  device={device}
                  rack={rack}
                  last={device.id === view.lastDeviceId}
                  onOpen={() => open(device)}
                  onDelete={() => setToDelete(device)}
                  onKeyDown={(e) => onRowKey(e, item.index, device)}
                />
              );
            })}
          </div>
        </div>
      )}
      <p className="inv-keys" aria-hidden="true">
        {t('inventory.keys')}
      </p>

      {toDelete && (
        <ConfirmDialog
          title={t('inventory.confirmDeleteDevice', { name: toDelete.name })}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() => void confirmDelete()}
          onCancel={() => setToDelete(null)}
        >
          <p>{t('inventory.confirmDeleteDeviceBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function DeviceRow(props: {
  index: number;
  top: number;
  device: Device;
  rack: Rack | undefined;
  last: boolean;
  onOpen: () => void;
  onDelete: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
}) {
  const t = useT();
  const { device, rack } = props;
  const location = rack
    ? device.positionU === null
      ? rack.name
      : device.heightU > 1
        ? `${rack.name} · U${device.positionU}–${device.positionU + device.heightU - 1}`
        : `${rack.name} · U${device.positionU}`
    : '—';
  const ip = device.ips[0] ?? '';
  // Out of service yet still on the network: the D1 situation, worth seeing in the list.
  const risky = OUT_OF_SERVICE.includes(device.status) && device.network.state === 'connected';
  const name = device.name || t('inventory.unnamed');
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      data-index={props.index}
      className={`inv-row${props.last ? ' inv-row-last' : ''}`}
      style={{ transform: `translateY(${props.top}px)` }}
      onKeyDown={props.onKeyDown}
    >
      <div role="cell" className="inv-cell-name">
        <button type="button" className="link inv-name" onClick={props.onOpen} title={name}>
          {name}
        </button>
        {device.credentials.storesOtherCredentials && (
          <span className="inv-flag" title={t('inventory.storesOtherCredentials')}>
            {t('inventory.flag.credentials')}
          </span>
        )}
      </div>
      <div role="cell" className="mono" title={device.assetTag}>
        {device.assetTag}
      </div>
      <div role="cell" title={t.label('deviceType', device.type)}>
        {t.label('deviceType', device.type)}
      </div>
      <div role="cell">
        <span className={`badge status-${device.status}`}>
          {t.label('lifecycleStatus', device.status)}
        </span>
      </div>
      <div role="cell" title={location}>
        {location}
      </div>
      <div role="cell" className="mono" title={device.ips.join(', ')}>
        {ip}
        {device.ips.length > 1 && <span className="muted"> +{device.ips.length - 1}</span>}
      </div>
      <div role="cell" title={device.owner}>
        {device.owner}
      </div>
      <div role="cell" className={risky ? 'inv-risky' : undefined}>
        {risky && (
          <span className="inv-warn" title={t('inventory.riskyConnected')}>
            ⚠<span className="visually-hidden">{t('inventory.riskyConnected')}</span>
          </span>
        )}
        {t.label('networkState', device.network.state)}
      </div>
      <div role="cell" className="inv-actions">
        <button
          type="button"
          className="icon-button"
          onClick={props.onDelete}
          aria-label={t('inventory.deleteDevice', { name })}
          title={t('inventory.deleteDevice', { name })}
        >
          ×
        </button>
      </div>
    </div>
  );
}
