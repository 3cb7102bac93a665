import type { JsonObject } from '../deps.js';
import { EngineError, ErrorCode, notImplemented } from '../protocol/engine-error.js';
import { namedParams } from '../protocol/schema.js';
import type { EngineSession } from '../session/engine-session.js';
import type { Connection } from '../transport/connection.js';
import type { RpcRequest } from '../transport/envelope.js';
import type { EngineEnv, MethodTable } from './context.js';
import { docDataMethods } from './doc-data.js';
import { docObjectMethods } from './doc-objects.js';
import { fieldMethods } from './field.js';
import { genericObjectMethods } from './generic-object.js';
import { globalMethods } from './global.js';
import {
  docLibraryMethods,
  genericDimensionMethods,
  genericMeasureMethods,
  genericVariableMethods,
} from './library.js';
import { objectSelectMethods } from './object-select.js';
import { reloadMethods } from './reload.js';
import { scriptSyntaxMethods } from './script-syntax.js';

/** Every method Cairn implements, by schema class. Anything else in the schema answers 20. */
export const METHODS: MethodTable = {
  Global: globalMethods,
  Doc: {
    ...docObjectMethods,
    ...docDataMethods,
    ...docLibraryMethods,
    ...reloadMethods,
    ...scriptSyntaxMethods,
  },
  GenericObject: { ...genericObjectMethods, ...objectSelectMethods },
  Field: fieldMethods,
  GenericDimension: genericDimensionMethods,
  GenericMeasure: genericMeasureMethods,
  GenericVariable: genericVariableMethods,
};

/** Methods that make a handle's layout current again (the validity rule, §1.6). */
const LAYOUT_METHODS = new Set(['GetLayout', 'GetAppLayout']);

export function createDispatch(env: EngineEnv, session: EngineSession) {
  return async (connection: Connection, request: RpcRequest): Promise<JsonObject> => {
    const entry = connection.handles.get(request.handle);
    if (!entry) {
      throw new EngineError(
        ErrorCode.invalidParams,
        String(request.handle),
        `Invalid handle: ${request.handle} is not open on this connection`,
      );
    }
    // Unknown names answer -32601 from namedParams; known but unimplemented ones answer 20.
    const params = namedParams(entry.cls, request.method, request.params);
    const method = METHODS[entry.cls]?.[request.method];
    if (!method) throw notImplemented(`${entry.cls}.${request.method}`);
    if (LAYOUT_METHODS.has(request.method)) entry.valid = true;
    return method({ env, connection, session, entry, requestId: request.id }, params);
  };
}
