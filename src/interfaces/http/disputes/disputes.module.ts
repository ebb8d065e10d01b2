import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../../../infrastructure/config/config';

@Module({})
export class DisputesModule {
  static forRoot(_config: AppConfig): DynamicModule {
    return { module: DisputesModule };
  }
}
