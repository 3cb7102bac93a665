import type { TableInput } from '@cairn/engine';
import type { QvdHeader, QvdNumberFormat } from './qvd/header.js';

/**
 * What a reader returns: the engine's `TableInput` plus what the file said about its fields.
 * It is a `TableInput`, so it can go to the model builder as it is.
 */
export interface FormatTable extends TableInput {
  /**
   * Each field's display format as the file stores it (QVD `NumberFormat`). QVDs often hold pure
   * numbers whose text Qlik regenerates from this format on load; doing that is the script's job.
   */
  readonly fieldFormats?: Readonly<Record<string, QvdNumberFormat>>;
  /** The parsed QVD header (table name, creator, lineage, field layout), for QVD input only. */
  readonly qvd?: QvdHeader;
}
