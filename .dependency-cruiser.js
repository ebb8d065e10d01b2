/** Architecture rules checked by `npm run arch` (part of `npm test`). */
const CONTEXTS = '(identity|catalog|orders|escrow|payouts|disputes|billing|reviews|solidarity|missions|tenders)';

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
