import fc from 'fast-check';
import {
  CLASSIFICATIONS,
  DEVICE_TYPES,
  LIFECYCLE_STATUSES,
  MANAGEMENT_INTERFACE_KINDS,
  MEDIA_KINDS,
  NetworkState,
  PowerState,
  SanitizationMethod,
  TriState,
} from '../../../../shared/domain/enums.ts';
import type { Device } from '../../../../shared/domain/schemas.ts';
import { makeDevice } from './fixtures.ts';

// fast-check generators of schema-valid domain records for property tests of shared logic.

export const arbDate = fc
  .date({
    min: new Date('2015-01-01T00:00:00Z'),
    max: new Date('2035-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

const tri = fc.constantFrom(...TriState.options);

export const arbDevice = (overrides: Partial<Device> = {}): fc.Arbitrary<Device> =>
  fc
    .record({
      id: fc.uuid(),
      type: fc.constantFrom(...DEVICE_TYPES),
      status: fc.constantFrom(...LIFECYCLE_STATUSES),
      name: fc.string({ maxLength: 12 }),
      owner: fc.constantFrom('', ' ', 'Zhang Wei', '李娜'),
      idleSince: fc.option(arbDate, { nil: null }),
      endOfSupport: fc.option(arbDate, { nil: null }),
      firmwareVersion: fc.constantFrom('', '1.2.3'),
      firmwareDate: fc.option(arbDate, { nil: null }),
      power: fc.constantFrom(...PowerState.options),
      classification: fc.constantFrom(...CLASSIFICATIONS),
      credentials: fc.record({
        defaultChanged: tri,
        unique: tri,
        lastRotated: fc.option(arbDate, { nil: null }),
        storesOtherCredentials: fc.boolean(),
      }),
      network: fc.record({
        state: fc.constantFrom(...NetworkState.options),
        switchName: fc.constant(''),
        switchPort: fc.constantFrom('', 'Gi1/0/7'),
        portEnabled: tri,
      }),
      managementInterfaces: fc.array(
        fc.record({
          kind: fc.constantFrom(...MANAGEMENT_INTERFACE_KINDS),
          address: fc.constantFrom('', '10.0.0.5'),
          enabled: tri,
          isolated: tri,
          credentialsChanged: tri,
        }),
        { maxLength: 3 },
      ),
      media: fc.array(
        fc.record({
          count: fc.nat(4),
          kind: fc.constantFrom(...MEDIA_KINDS),
          serials: fc.constant([] as string[]),
        }),
        { maxLength: 2 },
      ),
      sanitization: fc.option(
        fc.record({
          method: fc.constantFrom(...SanitizationMethod.options),
          tool: fc.constant(''),
          verifiedBy: fc.constantFrom('', 'Wang Fang'),
          witness: fc.constant(''),
          date: arbDate,
          certificateId: fc.constant(''),
          destination: fc.constant(''),
        }),
        { nil: null },
      ),
    })
    .map((fields) => makeDevice({ ...fields, ...overrides }));
