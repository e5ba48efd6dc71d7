import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { createPersonalData, PersonalDataCodec, type PersonalData } from '@payforward/crypto-shredding';
import type { EncryptionSettings } from '../config/service.config.js';

/**
 * Inject PersonalDataCodec (ADR 010): the event store seals and opens with it, consumers open
 * what they read with it, erasure deletes keys through it.
 */
export { PersonalDataCodec };

const PERSONAL_DATA_HANDLE = Symbol('PERSONAL_DATA_HANDLE');

@Injectable()
class PersonalDataLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(PERSONAL_DATA_HANDLE) private readonly handle: PersonalData) {}

  // The key database and table are made on a first start (or by migrate.js); a failure here is retried on first use.
  async onModuleInit() {
    await this.handle.store.ensureSchema().catch(() => undefined);
  }

  async onApplicationShutdown() {
    await this.handle.close();
  }
}

/** The codec on the shared key database, one per service process. A bad ENCRYPTION_MASTER_KEY fails the boot. */
@Global()
@Module({})
export class PersonalDataModule {
  static forRoot(settings: EncryptionSettings): DynamicModule {
    return {
      module: PersonalDataModule,
      providers: [
        { provide: PERSONAL_DATA_HANDLE, useFactory: () => createPersonalData({ masterKey: settings.masterKey, database: settings.keysDatabase }) },
        { provide: PersonalDataCodec, inject: [PERSONAL_DATA_HANDLE], useFactory: (handle: PersonalData) => handle.codec },
        PersonalDataLifecycle,
      ],
      exports: [PersonalDataCodec],
    };
  }
}
