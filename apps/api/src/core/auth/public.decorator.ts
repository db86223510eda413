import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'okienko:public';

/** Marks a route that needs no credentials (login, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
