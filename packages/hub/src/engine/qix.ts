import type { TablesAndKeys } from '../model/tables-and-keys.js';
import type { CheckExpressionResult } from './expression-check.js';

/**
 * The slice of enigma.js's generated QIX API the hub calls, typed as enigma returns results:
 * a method with one out-parameter resolves to that value, with several to an object of them.
 */
export type JsonObject = { [key: string]: unknown };

export interface QixEvents {
  on(event: 'changed' | 'closed', listener: () => void): void;
  removeListener(event: 'changed' | 'closed', listener: () => void): void;
}

export interface GenericObject extends QixEvents {
  readonly id: string;
  readonly genericType: string;
  getLayout(): Promise<JsonObject>;
  getProperties(): Promise<JsonObject>;
  setProperties(properties: JsonObject): Promise<void>;
  createChild(properties: JsonObject): Promise<GenericObject>;
  destroyChild(id: string): Promise<boolean>;
}

export interface Field {
  clear(): Promise<boolean>;
}

export interface Doc extends QixEvents {
  readonly id: string;
  createSessionObject(properties: JsonObject): Promise<GenericObject>;
  destroySessionObject(id: string): Promise<boolean>;
  createObject(properties: JsonObject): Promise<GenericObject>;
  getObject(id: string): Promise<GenericObject>;
  destroyObject(id: string): Promise<boolean>;
  doSave(fileName?: string): Promise<void>;
  checkExpression(expression: string): Promise<CheckExpressionResult>;
  getTablesAndKeys(
    windowSize: { qcx: number; qcy: number },
    nullSize: { qcx: number; qcy: number },
    cellHeight: number,
    syntheticMode: boolean,
    includeSysVars: boolean,
  ): Promise<TablesAndKeys>;
  getField(name: string, stateName?: string): Promise<Field>;
  back(): Promise<void>;
  forward(): Promise<void>;
  clearAll(lockedAlso?: boolean, stateName?: string): Promise<void>;
}

export interface Global {
  openDoc(appId: string): Promise<Doc>;
}
