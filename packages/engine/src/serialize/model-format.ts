/**
 * The binary model format (version 1), little-endian:
 *
 *   magic "CAIRNMDL" | u32 version | u32 header bytes | u32 total bytes | u32 0
 *   header: UTF-8 JSON (`ModelHeader`), padded to 8
 *   per field: nums f64[size] | kinds u8[size] | text lengths u32[texted] | texts u16[units]
 *   per table column: codes u8/u16/u32[rowCount]
 *   u32 checksum of everything before it
 *
 * Every block is padded to 8 bytes. Blocks are copied whole on both sides, never per value.
 */
export const modelMagic = 'CAIRNMDL';
export const modelFormatVersion = 1;
export const prefixBytes = 24;

export interface ModelHeader {
  readonly id: string;
  readonly warnings: readonly { code: string; message: string; tables: readonly string[] }[];
  readonly fields: readonly {
    name: string;
    tags: readonly string[];
    comment: string;
    isSystem: boolean;
    size: number;
    texted: number;
    textUnits: number;
  }[];
  readonly tables: readonly {
    name: string;
    rowCount: number;
    isSynthetic: boolean;
    isLooselyCoupled: boolean;
    comment: string;
    columns: readonly { field: number; width: 1 | 2 | 4 }[];
  }[];
}
