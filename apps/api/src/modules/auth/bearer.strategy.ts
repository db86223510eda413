import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import type { Actor } from '../../core/auth/actor.js';
import { AuthService } from './auth.service.js';

/** `Authorization: Bearer <access token | API token>`. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly auth: AuthService) {
    super();
  }

  async validate(credential: string): Promise<Actor | false> {
    return (await this.auth.authenticate(credential)) ?? false;
  }
}
