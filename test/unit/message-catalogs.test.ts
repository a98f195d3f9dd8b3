// The catalogs (src/i18n/catalogs) hold the same keys and placeholders in both languages; every key the
// code names exists; every validation rule the DTOs use has its wording; Accept-Language picks as HTTP says.
import { plainToInstance, Type } from 'class-transformer';
import { getMetadataStorage, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, validate, ValidateNested } from 'class-validator';
import express from 'express';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EN } from '../../src/i18n/catalogs/en.js';
import { ID } from '../../src/i18n/catalogs/id.js';
import { negotiateLocale } from '../../src/i18n/locale.js';
import { isMessageKey, message, placeholdersOf, render, type Locale } from '../../src/i18n/messages.js';
import { RULE_PARAMS, validationMessages, worded } from '../../src/i18n/validation-messages.js';
import { REPORTER_NOTICE_EVENTS, type NoticeKind } from '../../src/notifications/reporter-messages.js';
import { projectRoot } from '../../src/project-root.js';
import { ACTION_NAMES, ADMIN_UPDATES, ARCHIVE_REASONS, STAGES, type DayOffCause } from '../../workflows/messages.js';

const root = projectRoot();

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith('src/generated/') && !file.startsWith('src/i18n/catalogs/'));
}

describe('message catalogs', () => {
  it('hold exactly the same keys in id and en', () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(ID).sort());
  });

  it.each(Object.keys(ID))('%s has the same placeholders in id and en, and no empty text', (key) => {
    const k = key as keyof typeof ID;
    expect(new Set(placeholdersOf(EN[k]))).toEqual(new Set(placeholdersOf(ID[k])));
    expect(ID[k].trim()).not.toBe('');
    expect(EN[k].trim()).not.toBe('');
  });

  it('holds every key the code names (a scan of src/ and workflows/)', () => {
    const namespaces = [...new Set(Object.keys(ID).map((key) => key.split('.')[0]))].join('|');
    const literal = new RegExp(`['"\`]((?:${namespaces})\\.[A-Za-z_.]+)['"\`]`, 'g');
    const used = new Map<string, string>();
    for (const file of [...sourceFiles('src'), ...sourceFiles('workflows')]) {
      for (const [, key] of readFileSync(join(root, file), 'utf8').matchAll(literal)) used.set(key, file);
    }
    const unknown = [...used].filter(([key]) => !isMessageKey(key)).map(([key, file]) => `${key} (${file})`);
    expect(unknown).toEqual([]);
    // The scan finds what it should: keys from the filter, the DTOs, the guards and the workflow.
    expect([...used.keys()]).toEqual(expect.arrayContaining(['body.malformedJson', 'validation.phone', 'auth.signIn', 'action.rating', 'input.nul']));
  });

  it('holds a key for every prefix the code completes with a name (`ns.part.${name}`)', () => {
    const namespaces = [...new Set(Object.keys(ID).map((key) => key.split('.')[0]))].join('|');
    const template = new RegExp(`\`((?:${namespaces})\\.[A-Za-z_.]*)\\$\\{`, 'g');
    const prefixes = new Map<string, string>();
    for (const file of [...sourceFiles('src'), ...sourceFiles('workflows')]) {
      for (const [, prefix] of readFileSync(join(root, file), 'utf8').matchAll(template)) prefixes.set(prefix, file);
    }
    const unmatched = [...prefixes].filter(([prefix]) => !Object.keys(ID).some((key) => key.startsWith(prefix))).map(([prefix, file]) => `${prefix} (${file})`);
    expect(unmatched).toEqual([]);
    expect([...prefixes.keys()]).toEqual(expect.arrayContaining(['history.verb.', 'deadline.day.', 'notice.subject.', 'history.notice.about.']));
  });

  const noticeKinds: NoticeKind[] = ['CLARIFICATION_REQUESTED', 'FOLLOWED_UP', 'RESOLVED', 'CLOSED_BY_REPORTER', 'CLOSED_AUTOMATICALLY', 'ARCHIVED_BY_VERIFIER', 'ARCHIVED_AUTOMATICALLY'];
  const dayOffKinds: DayOffCause['kind'][] = ['SATURDAY', 'SUNDAY', 'AGENCY_DAY_OFF', 'PUBLIC_HOLIDAY', 'JOINT_LEAVE'];
  it.each<[string, readonly string[]]>([
    ['deadline.day.', dayOffKinds],
    ['history.verb.', [...ACTION_NAMES, ...Object.keys(ADMIN_UPDATES)]],
    ['history.stage.', [...STAGES, 'redirection']],
    ['history.notice.about.', REPORTER_NOTICE_EVENTS],
    ['history.notice.channel.', ['SMS', 'EMAIL']],
    ['notice.subject.', noticeKinds],
    ['notice.headline.', noticeKinds],
    ['notice.smsHeadline.', noticeKinds],
    ['notice.archiveReason.', ARCHIVE_REASONS],
    ['notice.respondBy.', ['CLARIFICATION_REQUESTED', 'RESOLVED']],
    ['notice.smsRespondBy.', ['CLARIFICATION_REQUESTED', 'RESOLVED']],
    ['notice.consequence.', ['CLARIFICATION_REQUESTED', 'RESOLVED']],
    ['notice.dateTime.', ['long', 'short']],
  ])('holds %s<name> for every name the code completes it with', (prefix, names) => {
    expect(names.map((name) => `${prefix}${name}`).filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it('words every validation rule the DTOs use, with no placeholder the rule cannot fill', async () => {
    const dtoFiles = sourceFiles('src').filter((file) => /from 'class-validator'/.test(readFileSync(join(root, file), 'utf8')));
    const classes: (new () => object)[] = [];
    // One at a time: jest's ESM loader links concurrent imports of shared modules unreliably.
    for (const file of dtoFiles) {
      const exported = Object.values((await import(join(root, file))) as Record<string, unknown>);
      classes.push(...exported.filter((value): value is new () => object => typeof value === 'function'));
    }
    const rules = classes.flatMap((cls) => getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false));
    expect(rules.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const rule of rules) {
      // @IsOptional and @Allow set no rule of their own; an unknown field has its wording (validation.unknownField).
      if (rule.type === 'conditionalValidation' || rule.type === 'whitelistValidation') continue;
      const name = rule.name ?? rule.type;
      // As validationMessages does: a DTO's own wording when it is a catalog key, else the rule kind's.
      const key = isMessageKey(rule.message) ? rule.message : `validation.${name}`;
      if (!isMessageKey(key)) {
        problems.push(`${(rule.target as { name: string }).name}.${rule.propertyName}: ${name} has no wording (${key})`);
        continue;
      }
      const fillable = new Set(['field', ...(RULE_PARAMS[name] ?? []), ...Object.keys((rule.context as object | undefined) ?? {})]);
      const unfilled = placeholdersOf(ID[key]).filter((p) => !fillable.has(p));
      if (unfilled.length > 0) problems.push(`${(rule.target as { name: string }).name}.${rule.propertyName}: ${key} leaves {${unfilled.join('}, {')}} empty`);
    }
    expect(problems).toEqual([]);
  });
});

describe('render', () => {
  it.each<[Locale, string]>([
    ['id', 'tidak dapat accept: pengaduan berstatus CLOSED; tindakan yang diizinkan: tidak ada'],
    ['en', 'cannot accept: complaint is CLOSED; allowed actions: none'],
  ])('fills placeholders, nested messages in the same language (%s)', (locale, expected) => {
    const text = message('conflict.illegalTransition', { action: 'accept', state: 'CLOSED', allowed: message('conflict.noActions') });
    expect(render(text, locale)).toBe(expected);
  });

  it('passes people’s own words through unchanged and speaks English in logs', () => {
    expect(render('Jalan sudah diperbaiki.', 'en')).toBe('Jalan sudah diperbaiki.');
    expect(String(message('notFound.complaint', { id: 'LPR-0000-0000' }))).toBe('complaint LPR-0000-0000 not found');
  });
});

describe('negotiateLocale', () => {
  const requestWith = (acceptLanguage?: string) =>
    Object.assign(Object.create(express.request) as express.Request, { headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage } });

  it.each<[string | undefined, Locale, Locale]>([
    [undefined, 'id', 'id'],
    [undefined, 'en', 'en'],
    ['', 'id', 'id'],
    ['en', 'id', 'en'],
    ['en-US,en;q=0.9', 'id', 'en'],
    ['id-ID', 'en', 'id'],
    ['id', 'en', 'id'],
    ['en;q=0.3, id;q=0.8', 'en', 'id'],
    ['id;q=0.3, en;q=0.8', 'id', 'en'],
    ['fr-FR, en;q=0.5', 'id', 'en'],
    ['fr-FR', 'id', 'id'],
    ['fr-FR', 'en', 'en'],
    ['*', 'id', 'id'],
    ['*', 'en', 'en'],
    ['en;q=0', 'id', 'id'],
    ['EN-gb', 'id', 'en'],
  ])('Accept-Language %p with default %s → %s', (header, fallback, expected) => {
    expect(negotiateLocale(requestWith(header), fallback)).toBe(expected);
  });
});

class Contact {
  @IsOptional()
  @Matches(/^\+?[0-9]{8,15}$/, worded('validation.phone'))
  phone?: string;
}

class Report {
  @IsString()
  @IsNotEmpty()
  @MaxLength(5)
  title!: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => Contact)
  reporter?: Contact;
}

describe('validationMessages', () => {
  const wordsFor = async (plain: object, locale: Locale) => {
    const errors = await validate(plainToInstance(Report, plain), { whitelist: true, forbidNonWhitelisted: true, validationError: { target: true, value: true } });
    return validationMessages(errors).map((m) => render(m, locale));
  };

  it.each<[string, object, Locale, string[]]>([
    ['a limit, with its argument', { title: 'panjang sekali' }, 'id', ['title: paling banyak 5 karakter']],
    ['a limit, in English', { title: 'panjang sekali' }, 'en', ['title: must be at most 5 characters']],
    ['a missing field, once however many rules it breaks', {}, 'id', ['title: wajib diisi']],
    ['a nested field by its path, once', { title: 'a', reporter: { phone: 'x' } }, 'en', ['reporter.phone: must be 8 to 15 digits, optionally starting with +']],
    ['an unknown nested field', { title: 'a', reporter: { fax: '1' } }, 'en', ['reporter.fax: is not a field of this request; leave it out']],
    ['several rules of one field', { title: 42 }, 'en', ['title: must be text', 'title: must be at most 5 characters']],
  ])('words %s', async (_, plain, locale, expected) => {
    expect((await wordsFor(plain, locale)).sort()).toEqual([...expected].sort());
  });
});
