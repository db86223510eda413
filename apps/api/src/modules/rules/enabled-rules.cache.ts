import { Injectable } from '@nestjs/common';
import { compileRules, type CompiledRules, type Rule } from '@okienko/routing';
import type { RuleEntity } from './entities/rule.entity.js';
import { RulesRepository } from './rules.repository.js';

/** How long a process trusts its copy of the enabled rules; a change made elsewhere reaches it within this time. */
const TTL_MS = 3_000;

/** The rule as the engine takes it. */
export function toEngineRule(entity: RuleEntity): Rule {
  return {
    id: entity.id,
    name: entity.name,
    enabled: entity.enabled,
    order: entity.position,
    trigger: entity.trigger,
    triggerParams: entity.triggerParams,
    conditions: entity.conditions,
    actions: entity.actions,
    stopProcessing: entity.stopProcessing,
  };
}

/**
 * The enabled rules, loaded once and shared by every ticket change for a few
 * seconds (a mail flood must not read 200 rules per mail). Saving a rule
 * clears this process's copy at once; other processes pick it up within the TTL.
 */
@Injectable()
export class EnabledRulesCache {
  private cached: { rules: Promise<EnabledRules>; expires: number } | null = null;

  constructor(private readonly repository: RulesRepository) {}

  /** The enabled rules, and the same compiled once for evaluation (texts normalised, regexes built). */
  get(): Promise<EnabledRules> {
    const now = Date.now();
    if (!this.cached || this.cached.expires < now) {
      const rules = this.repository.enabledRules().then((entities) => {
        const list = entities.map(toEngineRule);
        return { list, compiled: compileRules(list) };
      });
      this.cached = { rules, expires: now + TTL_MS };
      rules.catch(() => (this.cached = null));
    }
    return this.cached.rules;
  }

  invalidate(): void {
    this.cached = null;
  }
}

export interface EnabledRules {
  list: Rule[];
  compiled: CompiledRules;
}
