import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../infrastructure/config/config';

@Module({})
export class ReadModelsModule {
  static forRoot(_config: AppConfig): DynamicModule {
    return { module: ReadModelsModule };
  }
}
