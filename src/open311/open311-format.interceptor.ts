import { applyDecorators, type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiProduces } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { open311FormatOf, toOpen311Xml, XML_CONTENT_TYPE, type Open311XmlShape } from './open311-format.js';

const OPEN311_XML = 'tenggat:open311-xml';

/** The route answers a list, as JSON or (path ending in .xml) as this XML document. */
export const Open311Answer = (shape: Open311XmlShape) =>
  applyDecorators(SetMetadata(OPEN311_XML, shape), ApiProduces('application/json', 'text/xml'));

/** Renders a handler's list as XML when the path asks for .xml; JSON answers pass through. */
@Injectable()
export class Open311FormatInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const shape = this.reflector.get<Open311XmlShape | undefined>(OPEN311_XML, context.getHandler());
    const http = context.switchToHttp();
    if (!shape || open311FormatOf(http.getRequest<Request>().path) !== 'xml') return next.handle();
    return next.handle().pipe(
      map((items: object[]) => {
        http.getResponse<Response>().setHeader('Content-Type', XML_CONTENT_TYPE);
        return toOpen311Xml(shape, items);
      }),
    );
  }
}
