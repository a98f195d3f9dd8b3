// The limits class-validator enforces, written into the OpenAPI document, so it shows exactly what the
// ValidationPipe accepts (maxLength, pattern, minimum, enum, ...): request body schemas by class name, and
// the query and path parameters of each route by the DTO class its handler takes.
import type { INestApplication } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject, OperationObject, ParameterObject, SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

type Constraints = unknown[];
/** The part of class-validator's metadata of one decorator read here. */
interface ValidationMetadata {
  name?: string;
  propertyName: string;
  constraints?: Constraints;
  each?: boolean;
}

/** What one validator says about a value, as JSON Schema keywords. */
const KEYWORDS: Record<string, (c: Constraints) => SchemaObject> = {
  maxLength: ([max]) => ({ maxLength: max as number }),
  minLength: ([min]) => ({ minLength: min as number }),
  isLength: ([min, max]) => ({ minLength: min as number, ...(max !== undefined ? { maxLength: max as number } : {}) }),
  isNotEmpty: () => ({ minLength: 1 }),
  matches: ([pattern]) => ({ pattern: (pattern as RegExp).source }),
  min: ([min]) => ({ minimum: min as number }),
  max: ([max]) => ({ maximum: max as number }),
  isInt: () => ({ type: 'integer', format: 'int32' }),
  isIn: ([values]) => ({ enum: [...(values as unknown[])] }),
  isEmail: () => ({ format: 'email' }),
  isUuid: () => ({ format: 'uuid' }),
};
const ARRAY_KEYWORDS: Record<string, (c: Constraints) => SchemaObject> = {
  arrayMaxSize: ([max]) => ({ maxItems: max as number }),
  arrayMinSize: ([min]) => ({ minItems: min as number }),
};

/** The validators of a class (with what it inherits), by property. */
function validatorsOf(target: Function): Map<string, ValidationMetadata[]> {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false) as ValidationMetadata[]) {
    byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
  }
  return byProperty;
}

/** Adds one property's limits to its schema; a `$ref` is left alone, and only strings get string keywords. */
function applyLimits(property: SchemaObject, validators: ValidationMetadata[]): void {
  if ('$ref' in property) return;
  for (const { name: validator, constraints = [], each } of validators) {
    if (!validator) continue;
    // A value the API receives as text and parses into a list (Open311's comma lists) is documented as the
    // text: the list's validators do not describe it.
    const isArray = property.type === 'array';
    if ((ARRAY_KEYWORDS[validator] || each) && !isArray) continue;
    if (ARRAY_KEYWORDS[validator]) Object.assign(property, ARRAY_KEYWORDS[validator](constraints));
    const keyword = KEYWORDS[validator];
    if (!keyword) continue;
    const target = each && property.items && !('$ref' in property.items) ? (property.items as SchemaObject) : property;
    const limits = keyword(constraints);
    // A property documented as another type (a comma list parsed into an array, say) keeps its own.
    if (target.type !== undefined && target.type !== 'string' && ('minLength' in limits || 'maxLength' in limits || 'pattern' in limits)) continue;
    if (limits.enum && target.enum) continue;
    Object.assign(target, limits);
  }
}

/** Request body schemas: every component schema named after a validated class. */
export function addBodyLimits(schemas: Record<string, SchemaObject | { $ref: string }>): void {
  // class-validator keeps one registry of every decorated class; it has no public way to list them.
  const registry = (getMetadataStorage() as unknown as { validationMetadatas: Map<Function, unknown> }).validationMetadatas;
  const classes = new Map([...registry.keys()].map((target) => [target.name, target]));
  for (const [name, schema] of Object.entries(schemas)) {
    const target = classes.get(name);
    const properties = (schema as SchemaObject).properties as Record<string, SchemaObject> | undefined;
    if (!target || !properties) continue;
    for (const [property, validators] of validatorsOf(target)) if (properties[property]) applyLimits(properties[property], validators);
  }
}

/** swagger's metadata key of @ApiOperation (its constants are not exported). */
const API_OPERATION = 'swagger/apiOperation';
const PARAMETER_LOCATIONS: Partial<Record<RouteParamtypes, ParameterObject['in']>> = { [RouteParamtypes.QUERY]: 'query', [RouteParamtypes.PARAM]: 'path' };

/** The document's operations by operationId; Open311's .json/.xml twins also under the handler's own name. */
function operationsById(document: OpenAPIObject): Map<string, OperationObject[]> {
  const byId = new Map<string, OperationObject[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item) as OperationObject[]) {
      if (typeof operation !== 'object' || !operation?.operationId) continue;
      const ids = [operation.operationId, ...(/\.(json|xml)$/.test(path) ? [operation.operationId.replace(/(Json|Xml)$/, '')] : [])];
      for (const id of ids) byId.set(id, [...(byId.get(id) ?? []), operation]);
    }
  }
  return byId;
}

/** Query and path parameters: each handler's @Query()/@Param() DTO class, matched to its operation by operationId. */
export function addParameterLimits(app: INestApplication, document: OpenAPIObject): void {
  const operations = operationsById(document);
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const prototype = (metatype as Function).prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const id = (Reflect.getMetadata(API_OPERATION, handler) as { operationId?: string } | undefined)?.operationId ?? method;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, method) ?? {}) as Record<string, { index: number; data?: unknown }>;
        const types = (Reflect.getMetadata('design:paramtypes', prototype, method) ?? []) as Function[];
        for (const [key, { index, data }] of Object.entries(args)) {
          const location = PARAMETER_LOCATIONS[Number(key.split(':')[0]) as RouteParamtypes];
          // A whole DTO (@Query() query: ListComplaintsQuery), not one named value.
          if (!location || data !== undefined || !types[index]) continue;
          const validators = validatorsOf(types[index]);
          for (const operation of operations.get(id) ?? []) {
            for (const parameter of (operation.parameters ?? []) as ParameterObject[]) {
              const own = parameter.in === location ? validators.get(parameter.name) : undefined;
              if (own && parameter.schema) applyLimits(parameter.schema as SchemaObject, own);
            }
          }
        }
      }
    }
  }
}
