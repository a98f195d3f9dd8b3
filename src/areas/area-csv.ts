// The CSV files of idn-area-data: a header line, then rows of comma-separated fields, a field quoted when
// it holds a comma or a quote (doubled inside: "Soka""an").
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectRoot } from '../project-root.js';

export const AREA_PACKAGE = 'idn-area-data';

/** The folder the pinned idn-area-data package is installed in. */
export function areaPackageDir(root = projectRoot()): string {
  return dirname(createRequire(join(root, 'package.json')).resolve(`${AREA_PACKAGE}/package.json`));
}

/** One line's fields. */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let value = '';
      at += 1;
      for (;;) {
        const quote = line.indexOf('"', at);
        if (quote < 0) throw new Error(`unterminated quoted field: ${line}`);
        value += line.slice(at, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          at = quote + 2;
        } else {
          at = quote + 1;
          break;
        }
      }
      fields.push(value);
      if (at < line.length && line[at] !== ',') throw new Error(`text after a quoted field: ${line}`);
      at += 1;
    } else {
      const comma = line.indexOf(',', at);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(at, end).trim());
      at = end + 1;
    }
  }
  return fields;
}

/** Rows of a CSV text with a header line, as objects by column name. */
export function readCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = csvFields(header);
  return lines.map((line, index) => {
    const cells = csvFields(line);
    if (cells.length !== columns.length) throw new Error(`line ${index + 2}: expected ${columns.length} fields: ${line}`);
    return Object.fromEntries(columns.map((column, i) => [column, cells[i]]));
  });
}

/** One data file of the package (`provinces.csv`, `regencies.csv`, `districts.csv`, `villages.csv`). */
export const readAreaCsv = (file: string, root = projectRoot()): Record<string, string>[] =>
  readCsv(readFileSync(join(areaPackageDir(root), 'data', file), 'utf8'));
