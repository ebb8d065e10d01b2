import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../../../infrastructure/config/config';

@Module({})
export class IdentityModule {
  static forRoot(_config: AppConfig): DynamicModule {
    return { module: IdentityModule };
  }
}
