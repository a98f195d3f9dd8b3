// The reference areas and agencies in memory, for intake (matching a written regency) and for whoever
// needs an area's government, province or zone (disposition suggestions, reports by province).
import { Injectable } from '@nestjs/common';
import { loadReferenceAgencies, regenciesOf, type ReferenceAgenciesFile, type ReferenceAgency, type Regency } from './reference-agencies.js';
import { RegencyMatcher, type PlaceMatch } from './regency-matcher.js';
import { Subdistricts } from './subdistricts.js';

/** Province code of an area code (`32.73` → `32`). */
export const provinceCodeOf = (areaCode: string): string => areaCode.slice(0, 2);

@Injectable()
export class ReferenceAreas {
  private readonly regencies: Regency[];
  private readonly regencyByArea: Map<string, Regency>;
  private readonly byId: Map<string, ReferenceAgency>;
  /** Regional government by its area code (province `32`, regency/city `32.73`). */
  private readonly governmentByArea: Map<string, ReferenceAgency>;
  private readonly matcher: RegencyMatcher;
  private loadedSubdistricts: Subdistricts | undefined;

  constructor(file: ReferenceAgenciesFile = loadReferenceAgencies()) {
    this.regencies = regenciesOf(file);
    this.regencyByArea = new Map(this.regencies.map((r) => [r.areaCode, r]));
    this.byId = new Map(file.agencies.map((a) => [a.id, a]));
    this.governmentByArea = new Map(file.agencies.flatMap((a) => (a.areaCode ? [[a.areaCode, a] as const] : [])));
    this.matcher = new RegencyMatcher(this.regencies);
  }

  /** Every regency and city (514), in the file's order (by area code). */
  allRegencies(): readonly Regency[] {
    return this.regencies;
  }

  /** What a reporter wrote, read as one official regency/city, or the candidates to choose from. */
  resolveRegency(text: string): PlaceMatch {
    return this.matcher.match(text);
  }

  /**
   * Districts and villages, read from idn-area-data on first use (about 1 s, some 24 MB of heap): only a
   * process that meets a complaint naming one pays for them.
   */
  subdistricts(): Subdistricts {
    this.loadedSubdistricts ??= Subdistricts.load();
    return this.loadedSubdistricts;
  }

  /** The name of a province (`Papua` for `91`), or undefined for a code the reference data lacks. */
  provinceName(provinceCode: string): string | undefined {
    return this.regencies.find((r) => r.provinceCode === provinceCode)?.provinceName;
  }

  regencyByCode(areaCode: string): Regency | undefined {
    return this.regencyByArea.get(areaCode);
  }

  /** The reference agency with this ID (demo stand-ins and agencies created by hand are not in it). */
  agency(id: string): ReferenceAgency | undefined {
    return this.byId.get(id);
  }

  /** The government of a regency/city (`32.73`) or province (`32`): its ID, name and zone. */
  governmentOf(areaCode: string): ReferenceAgency | undefined {
    return this.governmentByArea.get(areaCode);
  }

  /** The government of the province an area lies in. */
  provinceGovernmentOf(areaCode: string): ReferenceAgency | undefined {
    return this.governmentByArea.get(provinceCodeOf(areaCode));
  }
}
