/** Architecture rules checked by `npm run arch` (part of `npm test`). */
const CONTEXTS = '(identity|catalog|orders|escrow|payouts|payments|disputes|billing|reviews|solidarity|missions|tenders|plans|files)';
/** The migration that creates every read model's tables, so it reads the one projection list. */
const READ_MODEL_MIGRATION = '^src/infrastructure/database/migrations/read-models/1732383000000-read-models\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports nothing from Nest, TypeORM, the event-store clients, BullMQ, Stripe or I/O libraries',
      severity: 'error',
      from: { path: '^src/domain' },
      to: {
        path: '(^|/)node_modules/(@nestjs|typeorm|pg|bullmq|ioredis|stripe|@kurrent|@eventstore|nodemailer|pdfkit|fastify)',
      },
    },
    {
      name: 'domain-depends-on-nothing-outside',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { path: '^src/(application|infrastructure|interfaces|projections)' },
    },
    {
      name: 'no-cross-context-domain-imports',
      comment: 'a context never imports another context\'s domain; they meet through events and published contracts',
      severity: 'error',
      from: { path: `^src/domain/${CONTEXTS}/` },
      to: { path: `^src/domain/${CONTEXTS}/`, pathNot: '^src/domain/$1/' },
    },
    {
      name: 'application-does-not-know-adapters',
      severity: 'error',
      from: { path: '^src/application' },
      to: { path: '^src/(infrastructure|interfaces|projections)' },
    },
    {
      name: 'application-uses-other-contexts-only-through-contracts',
      comment: 'another context is reached through its *.messages.ts / *.query.ts / *.port.ts files',
      severity: 'error',
      from: { path: `^src/application/${CONTEXTS}/` },
      to: {
        path: `^src/application/${CONTEXTS}/`,
        pathNot: ['^src/application/$1/', '\\.(messages|query|port|contract)\\.ts$'],
      },
    },
    {
      name: 'application-reaches-other-domains-only-by-type',
      comment: 'type-only imports are erased before this check runs, so any import left here is a runtime one',
      severity: 'error',
      from: { path: `^src/application/${CONTEXTS}/` },
      to: { path: `^src/domain/${CONTEXTS}/`, pathNot: '^src/domain/$1/' },
    },
    {
      name: 'projections-do-not-know-interfaces',
      comment: 'read models are built from events and queried by controllers, never the other way round',
      severity: 'error',
      from: { path: '^src/projections' },
      to: { path: '^src/interfaces' },
    },
    {
      name: 'infrastructure-does-not-know-interfaces',
      severity: 'error',
      from: { path: '^src/infrastructure' },
      to: { path: '^src/interfaces' },
    },
    {
      name: 'infrastructure-does-not-know-projections',
      comment: `the read-model migration creating every projection's tables is the one exception (${READ_MODEL_MIGRATION})`,
      severity: 'error',
      from: { path: '^src/infrastructure', pathNot: READ_MODEL_MIGRATION },
      to: { path: '^src/projections' },
    },
    {
      name: 'read-model-migration-reads-only-the-projection-list',
      severity: 'error',
      from: { path: READ_MODEL_MIGRATION },
      // the list of every projection and the runner's DDL that installs one; nothing else
      to: { path: '^src/projections', pathNot: '^src/projections/(all-projections|runner/generations)\\.ts$' },
    },
    {
      name: 'http-uses-other-contexts-only-through-contracts',
      comment: 'a context\'s controllers reach another context through its *.messages.ts / *.query.ts / *.port.ts / *.contract.ts files',
      severity: 'error',
      from: { path: `^src/interfaces/http/${CONTEXTS}/` },
      to: {
        path: `^src/application/${CONTEXTS}/`,
        pathNot: ['^src/application/$1/', '\\.(messages|query|port|contract)\\.ts$'],
      },
    },
    {
      name: 'http-does-not-reach-other-contexts-http',
      comment: 'what two contexts\' controllers share lives in src/interfaces/http/shared (or auth, problem)',
      severity: 'error',
      from: { path: `^src/interfaces/http/${CONTEXTS}/` },
      to: { path: `^src/interfaces/http/${CONTEXTS}/`, pathNot: '^src/interfaces/http/$1/' },
    },
    {
      name: 'modules-are-the-composition-root',
      comment: 'only the module files, src/contexts.ts and src/app.module.ts import src/modules; no layer knows its wiring',
      severity: 'error',
      from: { pathNot: '^src/(modules/|contexts\\.ts$|app\\.module\\.ts$)' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'no-circular-in-domain',
      comment: 'stated apart from no-circular so a cycle inside src/domain is named as such',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { path: '^src/domain', circular: true },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    // Type-only imports vanish at compile time, so they never count as a dependency here.
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
