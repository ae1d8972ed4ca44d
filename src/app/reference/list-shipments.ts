import type { Shipment } from '../../domain/reference/shipment';
import { shipmentRepo, shipmentSortColumns, type ShipmentSortKey } from '../../db/repos/shipment.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { decodeCursor, encodeCursor, parseSort, toPage, type Page } from '../platform/paging';

export type ListShipmentsQuery = {
  readonly batchId?: string | undefined;
  readonly customerId?: string | undefined;
  readonly region?: string | undefined;
  readonly sort: ShipmentSortKey | `-${ShipmentSortKey}`;
  readonly cursor?: string | undefined;
  readonly limit: number;
};

/** Lists shipments, by batch, dealer or region; newest shipping date first by default. */
export const listShipments = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: ListShipmentsQuery,
): Promise<Page<Shipment>> => {
  assertPermission(ctx.actor, 'reference.read');
  const { key, direction } = parseSort<ShipmentSortKey>(query.sort);
  const after = decodeCursor(query.cursor, query.sort);
  const rows = await shipmentRepo.list(
    deps.db.reader(),
    { batchId: query.batchId, customerId: query.customerId, region: query.region },
    { sort: { column: shipmentSortColumns[key], direction }, after, limit: query.limit + 1 },
  );
  return toPage(rows, query.limit, (last) => encodeCursor(query.sort, last[key], last.id));
};

export const getShipment = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<Shipment> => {
  assertPermission(ctx.actor, 'reference.read');
  const found = await shipmentRepo.findById(deps.db.reader(), id);
  if (!found) throw new AppError('SHIPMENT_NOT_FOUND');
  return found;
};
