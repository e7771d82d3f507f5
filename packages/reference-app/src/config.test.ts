import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('applies the contract defaults and generates a JWT secret outside production', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      databaseUrl: './data/faultline.db',
      tokenTtlSeconds: 3600,
      adminToken: undefined,
      defaultCurrency: 'CNY',
      transferFee: 75,
      logLevel: 'info',
      jwtSecretGenerated: true,
    });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(parseConfig({}).jwtSecret).not.toBe(config.jwtSecret);
  });

  it('reads every setting and treats empty strings as unset', () => {
    const config = parseConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@h/db',
      JWT_SECRET: 's'.repeat(32),
      TOKEN_TTL_SECONDS: '60',
      ADMIN_TOKEN: '',
      DEFAULT_CURRENCY: 'EUR',
      TRANSFER_FEE: '0',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u:p@h/db',
      jwtSecret: 's'.repeat(32),
      jwtSecretGenerated: false,
      tokenTtlSeconds: 60,
      adminToken: undefined,
      defaultCurrency: 'EUR',
      transferFee: 0,
      logLevel: 'warn',
    });
  });

  it('names every invalid variable without echoing its value', () => {
    const attempt = (): unknown => parseConfig({ PORT: 'eighty', TRANSFER_FEE: '-1', DEFAULT_CURRENCY: 'eur', JWT_SECRET: 'short-secret-value' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT.*TRANSFER_FEE|TRANSFER_FEE.*PORT/s);
    expect(attempt).toThrow(/DEFAULT_CURRENCY/);
    expect(attempt).not.toThrow(/short-secret-value/);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(parseConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).jwtSecretGenerated).toBe(false);
  });
});
